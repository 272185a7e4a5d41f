import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_TWILIO_TOKEN, startApp, startBare } from '../../scripts/bench/app-server';
import {
  bareInsert,
  CONNECTIONS,
  inboundTexts,
  type LoadResult,
  logReleases,
} from '../../scripts/bench/load';
import { type Child, runScript } from '../../scripts/bench/procs';
import type { SeedResult } from '../../scripts/bench/seed';

/**
 * A regression guard for issue 15: the app's write paths against a bare Fastify + better-sqlite3 insert
 * with the same durability, both child processes on this machine, measured turn about in the same test.
 * Only their ratio is asserted — never a time, which depends on the machine and what else runs on it.
 */
const SECONDS = 1;
const TURNS = 3;
/**
 * Far below the target (0.5), what a quiet machine shows (about 0.4, from source) and what a machine
 * busy with the rest of the suite shows: only a gross regression trips it, such as a blocking wait or
 * a scan of a growing table in every request.
 */
const MIN_RATIO = 0.02;

/** Interference from other processes only ever slows a run down, so each side's best turn is compared. */
async function bestOf(turns: number, bare: () => Promise<LoadResult>, app: () => Promise<LoadResult>) {
  const runs = { bare: [] as LoadResult[], app: [] as LoadResult[] };
  for (let i = 0; i < turns; i += 1) {
    runs.bare.push(await bare());
    runs.app.push(await app());
  }
  const best = (rs: LoadResult[]) => rs.reduce((a, b) => (b.rps > a.rps ? b : a));
  return { bare: best(runs.bare), app: best(runs.app), all: runs.app };
}

describe('throughput against the bare stack', { timeout: 120_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-guard-'));
  let seeded: SeedResult;
  let app: Child | undefined;
  let bare: Child | undefined;
  const bareRun = () => bareInsert(bare!.url, SECONDS);

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'app'));
    fs.mkdirSync(path.join(dir, 'bare'));
    seeded = await runScript<SeedResult>(
      'scripts/bench/seed.ts',
      [JSON.stringify({ mode: 'busy', volunteers: 60, days: 1, perDay: 2, sessions: 1, yesOffers: 0 })],
      { DATA_DIR: path.join(dir, 'app') },
    );
    bare = await startBare(path.join(dir, 'bare'));
    app = await startApp(path.join(dir, 'app'), {}, { source: true });
  }, 90_000);

  afterAll(async () => {
    await bare?.stop();
    await app?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('logs releases (session, idempotency key, timeline, audit, event) at a fair share of the bare rate', async () => {
    const cookie = `bv_session=${seeded.sessions[0]}`;
    const before = await openReleases(cookie);
    const {
      bare: b,
      app: a,
      all,
    } = await bestOf(TURNS, bareRun, () =>
      logReleases(app!.url, cookie, seeded.siteId, { duration: SECONDS }),
    );
    expect(b.errors).toBe(0);
    // Every request was a real write: a refused one (403, 400) would be fast and prove nothing.
    expect(all.every((r) => r.errors === 0)).toBe(true);
    // Requests still in flight when a run stops are written but not counted: at most one per connection.
    const counted = all.reduce((n, r) => n + r.requests, 0);
    const written = (await openReleases(cookie)) - before;
    expect(written).toBeGreaterThanOrEqual(counted);
    expect(written).toBeLessThanOrEqual(counted + TURNS * CONNECTIONS);
    expect(a.rps / b.rps).toBeGreaterThanOrEqual(MIN_RATIO);
  });

  it('handles signed inbound texts (keyword routed, reply queued) at a fair share of the bare rate', async () => {
    let n = 0;
    const text = () => ({ from: seeded.phones[n++ % seeded.phones.length]!, body: 'STATUS' });
    const {
      bare: b,
      app: a,
      all,
    } = await bestOf(TURNS, bareRun, () =>
      inboundTexts(app!.url, BENCH_TWILIO_TOKEN, text, { duration: SECONDS }),
    );
    // A refused signature (403) would be fast and prove nothing.
    expect(all.every((r) => r.errors === 0 && r.requests > 0)).toBe(true);
    expect(a.rps / b.rps).toBeGreaterThanOrEqual(MIN_RATIO);
  });

  async function openReleases(cookie: string): Promise<number> {
    const res = await fetch(`${app!.url}/api/releases?status=open`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: unknown[] }).items.length;
  }
});
