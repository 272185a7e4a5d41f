// Dispatch speed on a large roster: ranking 10,000 volunteers, and a dispatch's offers in the outbox.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openMigratedDb } from '../db/client';
import { screenings, shiftSignups, shifts, sites, volunteers } from '../db/schema';
import { buildApp } from '../server/app';
import { configFrom } from '../server/config';
import { HOUR } from '../server/lib/clock';
import { systemActor } from '../server/lib/commands';
import { consoleGateway } from '../server/modules/sms/sms.gateway';

export interface DispatchBench {
  volunteers: number;
  rankingMs: { median: number; p95: number };
  explainMs: { median: number; p95: number };
  dispatchMs: { median: number; p95: number };
  rosterMs: { median: number; p95: number };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { median: at(0.5), p95: at(0.95) };
}

export async function benchDispatch(count = 10_000, runs = 30): Promise<DispatchBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-bench-'));
  const config = configFrom({
    LOG_LEVEL: 'silent',
    DATA_DIR: dir,
    SMS_RATE_PER_SEC: '1000',
    SMS_QUIET_HOURS: 'off',
  });
  const db = openMigratedDb(config.dbFile);
  const now = new Date();
  const clock = { now: () => new Date() };
  const app = await buildApp({ db, clock, config, sms: consoleGateway() });
  try {
    db.transaction((tx) => {
      for (let s = 1; s <= 5; s += 1)
        tx.insert(sites)
          .values({ name: `Site ${s}`, kind: 'bus_station', createdAt: now })
          .run();
      for (let i = 0; i < count; i += 1) {
        const v = tx
          .insert(volunteers)
          .values({
            name: `Volunteer ${i}`,
            phone: `+1720${String(1_000_000 + i).slice(-7)}`,
            languages: i % 3 === 0 ? ['es', 'en'] : ['en'],
            skills: i % 4 === 0 ? ['driver'] : [],
            highRisk: i % 50 === 0,
            createdAt: now,
            updatedAt: now,
          })
          .returning()
          .get();
        if (i % 10 !== 0) {
          tx.insert(screenings)
            .values({
              volunteerId: v.id,
              at: now,
              symptoms: false,
              exposure: false,
              result: 'clear',
              source: 'sms',
            })
            .run();
        }
      }
      for (let s = 1; s <= 5; s += 1) {
        const shift = tx
          .insert(shifts)
          .values({
            siteId: s,
            startsAt: new Date(now.getTime() - HOUR),
            endsAt: new Date(now.getTime() + 4 * HOUR),
            needed: 40,
            createdAt: now,
          })
          .returning()
          .get();
        for (let k = 0; k < 40; k += 1) {
          tx.insert(shiftSignups)
            .values({ shiftId: shift.id, volunteerId: s * 100 + k + 1, source: 'web', createdAt: now })
            .run();
        }
      }
    });
    const { waves } = app.services.dispatch;
    const ranking: number[] = [];
    const explaining: number[] = [];
    const input = () => ({
      siteId: 1,
      languages: ['es'],
      skills: ['driver'],
      now: new Date(),
      validMs: 24 * HOUR,
      alreadyAsked: new Set<number>(),
    });
    for (let r = 0; r < runs; r += 1) {
      let t0 = performance.now();
      // What a wave does: rank everyone, describe the first six eligible.
      waves.rankFor(db, input(), 6);
      ranking.push(performance.now() - t0);
      t0 = performance.now();
      waves.rankFor(db, input());
      explaining.push(performance.now() - t0);
    }
    // The roster page: every volunteer with opt-out and screening state, in three reads.
    const listing: number[] = [];
    for (let r = 0; r < Math.min(runs, 10); r += 1) {
      const t0 = performance.now();
      app.services.volunteers.list({});
      listing.push(performance.now() - t0);
    }
    const dispatching: number[] = [];
    for (let r = 0; r < runs; r += 1) {
      const release = app.services.releases.create(systemActor, {
        siteId: 1,
        adults: 3,
        children: 1,
        languages: ['es'],
        needs: [],
      });
      const t0 = performance.now();
      // Synchronous: when it returns, the offers and their texts are committed in the outbox.
      app.services.dispatch.create(systemActor, release.id, { needed: 3 });
      dispatching.push(performance.now() - t0);
      app.services.releases.move(systemActor, release.id, 'cancelled');
    }
    return {
      volunteers: count,
      rankingMs: stats(ranking),
      explainMs: stats(explaining),
      dispatchMs: stats(dispatching),
      rosterMs: stats(listing),
    };
  } finally {
    await app.close();
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
