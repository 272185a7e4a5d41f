// Dashboards on the live feed (/ws), opened from the bench process as the browser does: session cookie
// and the dashboard's own Origin. The hub keeps at most 8 feeds per session and 1,000 in all
// (server/infra/events.hub.ts), so dashboard i signs in with session ⌊i / 8⌋.
import WebSocket from 'ws';
import { percentile } from './stats';

export const FEEDS_PER_SESSION = 8;
const WARM_ROUNDS = 2;

export interface Dashboards {
  count: number;
  /** Arrival times (performance.now()) of release.created frames, per dashboard, since the last reset. */
  arrivals: number[][];
  reset(): void;
  close(): Promise<void>;
}

export async function openDashboards(url: string, cookies: string[], count: number): Promise<Dashboards> {
  if (cookies.length * FEEDS_PER_SESSION < count) throw new Error(`${count} dashboards need more sessions`);
  const arrivals: number[][] = Array.from({ length: count }, () => []);
  const sockets: WebSocket[] = [];
  const opened: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, {
      headers: { cookie: cookies[Math.floor(i / FEEDS_PER_SESSION)]!, origin: url },
    });
    // Time-stamped on arrival, before any parsing, so the bench's own work is not counted as delivery.
    ws.on('message', (data) => {
      const at = performance.now();
      if (data.toString().includes('"type":"release.created"')) arrivals[i]!.push(at);
    });
    ws.on('error', () => {});
    opened.push(
      new Promise((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('close', (code) => reject(new Error(`dashboard ${i} closed with ${code}`)));
        ws.once('unexpected-response', (_req, res) => reject(new Error(`dashboard ${i}: ${res.statusCode}`)));
      }),
    );
    sockets.push(ws);
    // Opened in groups, as dashboards come back after a restart, not all in one instant.
    if (i % 100 === 99) await Promise.allSettled(opened.slice(-100));
  }
  await Promise.all(opened);
  return {
    count,
    arrivals,
    reset: () => {
      for (const a of arrivals) a.length = 0;
    },
    async close() {
      await Promise.all(
        sockets.map(
          (ws) =>
            new Promise<void>((resolve) => {
              if (ws.readyState === WebSocket.CLOSED) return resolve();
              ws.once('close', () => resolve());
              ws.close();
              setTimeout(() => {
                ws.terminate();
                resolve();
              }, 2000).unref();
            }),
        ),
      );
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
    dashboards.reset();
    const sentAt = performance.now();
    const res = await fetch(`${url}/api/releases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: url },
      body: JSON.stringify({ siteId, adults: 2, children: 0, languages: ['es'], needs: ['food'] }),
    });
    if (res.status !== 201) throw new Error(`logging a release answered ${res.status}`);
    const deadline = performance.now() + 5000;
    while (dashboards.arrivals.some((a) => a.length === 0) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    for (const a of r < 0 ? [] : dashboards.arrivals) {
      if (a.length === 0) missed += 1;
      else latencies.push(a[0]! - sentAt);
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
