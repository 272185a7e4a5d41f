// Dashboards on the live feed (/ws), in a process of their own (scripts/bench/dashboards.ts) as browsers
// are: the bench's own heap and work must not delay an arrival. The hub keeps at most 8 feeds per
// session and 1,000 in all (server/infra/events.hub.ts), so dashboard i signs in with session ⌊i / 8⌋.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { percentile } from './stats';

export const FEEDS_PER_SESSION = 8;
const WARM_ROUNDS = 2;

export interface Dashboards {
  count: number;
  /** Forgets the arrivals so far. */
  reset(): Promise<void>;
  /** Each dashboard's first release.created arrival since the reset (wall-clock ms; NaN if none). */
  collect(waitMs: number): Promise<number[]>;
  close(): Promise<void>;
}

type Reply =
  | { type: 'ready' | 'reset' | 'closed' }
  | { type: 'failed'; message: string }
  | { type: 'arrivals'; first: number[] };

/** Wall-clock milliseconds with sub-millisecond precision, comparable with the dashboards' process. */
export const wallMs = () => performance.timeOrigin + performance.now();

export async function openDashboards(url: string, cookies: string[], count: number): Promise<Dashboards> {
  if (cookies.length * FEEDS_PER_SESSION < count) throw new Error(`${count} dashboards need more sessions`);
  const child: ChildProcess = fork(
    path.join(import.meta.dirname, 'dashboards.ts'),
    [JSON.stringify({ url, cookies, count, perSession: FEEDS_PER_SESSION })],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const next = (type: Reply['type']) =>
    new Promise<Reply>((resolve, reject) => {
      const onMessage = (m: Reply) => {
        if (m.type !== type && m.type !== 'failed') return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (m.type === 'failed') reject(new Error(m.message));
        else resolve(m);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`the dashboards' process exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  try {
    await next('ready');
  } catch (err) {
    child.kill();
    throw err;
  }
  return {
    count,
    async reset() {
      const done = next('reset');
      child.send({ type: 'reset' });
      await done;
    },
    async collect(waitMs) {
      const done = next('arrivals');
      child.send({ type: 'collect', waitMs });
      return ((await done) as { first: number[] }).first;
    },
    async close() {
      if (child.exitCode !== null) return;
      const done = next('closed').catch(() => undefined);
      child.send({ type: 'close' });
      await done;
      child.kill();
    },
  };
}

/**
 * Logs `rounds` releases one after another and answers, over every dashboard and round, the time from
 * sending the write to the frame's arrival: an upper bound on commit-to-arrival (the commit happens
 * inside that span), and what a coordinator at another desk would see.
 */
export async function fanOut(
  url: string,
  cookie: string,
  siteId: number,
  dashboards: Dashboards,
  rounds: number,
): Promise<{ p50: number; p99: number; max: number; missed: number; samples: number }> {
  const latencies: number[] = [];
  let missed = 0;
  // Two unmeasured rounds first: the first events to a thousand new feeds took twice as long as the
  // rest (each socket's first writes, on both sides), and made the whole p99 of thirty rounds.
  for (let r = -WARM_ROUNDS; r < rounds; r += 1) {
    await dashboards.reset();
    const sentAt = wallMs();
    const res = await fetch(`${url}/api/releases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: url },
      body: JSON.stringify({ siteId, adults: 2, children: 0, languages: ['es'], needs: ['food'] }),
    });
    if (res.status !== 201) throw new Error(`logging a release answered ${res.status}`);
    const arrivals = await dashboards.collect(5000);
    for (const at of r < 0 ? [] : arrivals) {
      if (Number.isNaN(at)) missed += 1;
      else latencies.push(at - sentAt);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
    missed,
    samples: latencies.length,
  };
}
