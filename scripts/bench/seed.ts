// Seeds the bench database through the app's own services, in its own process, before the server starts
// on the same file. Prints one JSON line: what the bench needs to drive the server (sessions, offers).
// Usage: seed.ts '{"mode":"busy",...}' with DATA_DIR set (see SeedRequest).
import { setTimeout as sleep } from 'node:timers/promises';
import { openMigratedDb } from '../../db/client';
import { buildApp } from '../../server/app';
import { configFrom } from '../../server/config';
import { seedDemo } from '../../server/demo/seed';
import { systemActor } from '../../server/lib/commands';
import { hashPassword } from '../../server/lib/passwords';
import { consoleGateway } from '../../server/modules/sms/sms.gateway';
import { seedHistory } from './seed-history';
import { type BenchSeedContext, seedScreens, seedShifts, seedVolunteers } from './seed-people';

export type SeedRequest =
  | {
      mode: 'busy';
      volunteers: number;
      days: number;
      perDay: number;
      sessions: number;
      /** Open offers prepared for the YES benchmark, answered by code. */
      yesOffers: number;
    }
  | { mode: 'grow'; volunteers: number; openReleases: number };

export interface SeedResult {
  volunteers: number;
  openReleases: number;
  sessions: string[];
  siteId: number;
  /** Phones of volunteers, for inbound texts. */
  phones: string[];
  yes: { phone: string; code: string }[];
  seconds: number;
  counts: Record<string, number>;
}

const request = JSON.parse(process.argv[2] ?? '{}') as SeedRequest;
const t0 = performance.now();
const config = configFrom({
  DATA_DIR: process.env.DATA_DIR,
  NETWORK_TZ: process.env.NETWORK_TZ ?? 'America/Denver',
  LOG_LEVEL: 'silent',
  SMS_RATE_PER_SEC: '1000',
  SMS_QUIET_HOURS: 'off',
});
const db = openMigratedDb(config.dbFile);
// This connection only: seeding is redone from scratch if it fails, so it need not wait on the disk.
// The server opens its own connection with synchronous=FULL.
db.$client.pragma('synchronous = OFF');
let now = Date.now();
const clock = { now: () => new Date(now) };
const app = await buildApp({ db, clock, config, sms: consoleGateway() });
const s = app.services;
const real = Date.now();

const seed: BenchSeedContext = {
  db,
  actor: { ...systemActor, label: 'bench' },
  clock,
  at: (ms) => {
    now = ms;
  },
  batch: (fn) => db.$client.transaction(fn)(),
  siteIds: s.sites
    .list()
    .filter((x) => x.kind !== 'warehouse')
    .map((x) => x.id),
  volunteerIds: s.volunteers.list({}).map((v) => v.id),
};
const counts: Record<string, number> = {};
const openCount = () =>
  (
    db.$client
      .prepare("SELECT count(*) AS n FROM releases WHERE status NOT IN ('closed','cancelled')")
      .get() as {
      n: number;
    }
  ).n;

/** Opens `missing` releases now; the first ones get dispatches until `withDispatch` offers are open. */
async function openReleases(missing: number, withDispatch = 0): Promise<{ phone: string; code: string }[]> {
  const yes: { phone: string; code: string }[] = [];
  for (let from = 0; from < missing; from += 100) {
    seed.batch(() => {
      for (let i = from; i < Math.min(missing, from + 100); i += 1) {
        const release = s.releases.create(seed.actor, {
          siteId: seed.siteIds[i % seed.siteIds.length]!,
          releasedAt: new Date(now - (i % 180) * 60_000).toISOString(),
          adults: 1 + (i % 5),
          children: i % 3,
          languages: i % 2 ? ['es'] : ['en', 'es'],
          needs: i % 4 ? ['food', 'water'] : ['housing_tonight', 'travel_tickets'],
        });
        if (yes.length >= withDispatch) continue;
        // Fifty places each: the first fifty YES all count, none answers an offer already covered.
        const dispatch = s.dispatch.create(seed.actor, release.id, { needed: 50 });
        for (const offer of dispatch.offers.slice(0, 50)) {
          const phone = s.volunteers.findIn(db, offer.volunteerId)?.phone;
          if (phone && yes.length < withDispatch) yes.push({ phone, code: offer.code });
        }
      }
    });
    await sleep(0);
  }
  return yes;
}

let sessions: string[] = [];
let yes: { phone: string; code: string }[] = [];
if (s.sites.list().length === 0) seedDemo(s, clock.now());
seed.siteIds = s.sites
  .list()
  .filter((x) => x.kind !== 'warehouse')
  .map((x) => x.id);
seed.volunteerIds = s.volunteers.list({}).map((v) => v.id);
const before = seed.volunteerIds.length;
counts.volunteersAdded = seedVolunteers(s, seed, request.volunteers);
if (request.mode === 'busy') {
  Object.assign(counts, seedHistory(s, seed, { days: request.days, perDay: request.perDay }));
  const shifts = seedShifts(s, seed, { pastDays: request.days, futureDays: 14, perShift: 4 });
  counts.shifts = shifts.shifts;
  counts.signups = shifts.signups;
  counts.screens = seedScreens(s, seed, seed.volunteerIds);
  const user = s.users.createWithHash(seed.actor, {
    email: 'bench@example.org',
    name: 'Bench coordinator',
    role: 'coordinator',
    passwordHash: await hashPassword('bench passphrase 2026'),
  });
  seed.batch(() => {
    sessions = Array.from({ length: request.sessions }, () => s.auth.openSession(user, '127.0.0.1'));
  });
  yes = await openReleases(Math.ceil(request.yesOffers / 50), request.yesOffers);
} else {
  counts.screens = seedScreens(s, seed, seed.volunteerIds.slice(before));
  await openReleases(Math.max(0, request.openReleases - openCount()));
}
// The history's jobs (reminders of shifts long past, their expiries) run now, as they would have at
// the time, rather than in the server's first minutes under load.
now = Date.now();
counts.jobsRun = await app.core.scheduler.runDue();
// The history's texts go out through the console driver now, as they would have at the time.
for (let i = 0; i < 600; i += 1) {
  const queued = db.$client
    .prepare("SELECT count(*) AS n FROM sms_messages WHERE status = 'queued'")
    .get() as {
    n: number;
  };
  if (queued.n === 0) break;
  s.sms.wake();
  await sleep(50);
}
counts.seededMs = Date.now() - real;
const phones = s.volunteers
  .list({})
  .slice(-200)
  .map((v) => v.phone);
const open = openCount();
await app.close();
db.$client.close();

const result: SeedResult = {
  volunteers: seed.volunteerIds.length,
  openReleases: open,
  sessions,
  siteId: seed.siteIds[0]!,
  phones,
  yes,
  seconds: Math.round((performance.now() - t0) / 100) / 10,
  counts,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
