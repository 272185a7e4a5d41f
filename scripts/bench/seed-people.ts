// The people of a busy network, through the services: volunteers, their shifts and screens, and the
// dashboard sessions the bench signs in with.
import type { Db } from '../../db/client';
import type { Actor } from '../../server/lib/commands';
import type { Services } from '../../server/modules';

export interface BenchSeedContext {
  db: Db;
  actor: Actor;
  clock: { now(): Date };
  /** Sets the seeding clock: every command that follows is stamped with this time. */
  at(ms: number): void;
  /** Runs `fn` as one transaction; the services' own commands inside it become savepoints. */
  batch(fn: () => void): void;
  siteIds: number[];
  volunteerIds: number[];
}

const HOUR = 3_600_000;
const LANGS = [['es', 'en'], ['en'], ['es'], ['en', 'fr'], ['es', "K'iche'"], ['pt', 'en']] as const;
const SKILLS = [['driver'], [], ['interpreter'], [], ['medical'], ['supply_runner'], []] as const;

/** Numbers on 555 exchanges, never handed to a real carrier by the console driver. */
export function benchPhone(i: number): string {
  const exchange = ['720', '719', '970', '303', '505'][Math.floor(i / 9000)] ?? '575';
  return `+1${exchange}555${String(1000 + (i % 9000)).padStart(4, '0')}`;
}

/** Adds volunteers up to `total` (counting those already there), in batches of 500. */
export function seedVolunteers(s: Services, seed: BenchSeedContext, total: number): number {
  let added = 0;
  const start = seed.volunteerIds.length;
  for (let from = start; from < total; from += 500) {
    seed.batch(() => {
      for (let i = from; i < Math.min(total, from + 500); i += 1) {
        const v = s.volunteers.create(seed.actor, {
          name: `Volunteer ${i + 1}`,
          phone: benchPhone(i),
          languages: [...LANGS[i % LANGS.length]!],
          skills: [...SKILLS[i % SKILLS.length]!],
          highRisk: i % 40 === 0,
          active: i % 25 !== 0,
          smsLanguage: i % 2 === 0 ? 'es' : 'en',
        });
        seed.volunteerIds.push(v.id);
        added += 1;
      }
    });
  }
  return added;
}

/** Screens most of `ids` at the seeding clock's now: a few with symptoms, a tenth never screened. */
export function seedScreens(s: Services, seed: BenchSeedContext, ids: number[]): number {
  let screened = 0;
  for (let from = 0; from < ids.length; from += 500) {
    seed.batch(() => {
      for (const [k, id] of ids.slice(from, from + 500).entries()) {
        const i = from + k;
        if (i % 10 === 0) continue;
        s.screening.screen(seed.actor, id, { symptoms: i % 37 === 0, exposure: false }, 'web');
        screened += 1;
      }
    });
  }
  return screened;
}

/** Three shifts a day at each site from `pastDays` ago to `futureDays` ahead, each with volunteers signed up. */
export function seedShifts(
  s: Services,
  seed: BenchSeedContext,
  opts: { pastDays: number; futureDays: number; perShift: number },
): { shifts: number; signups: number; refused: number } {
  const now = seed.clock.now().getTime();
  const midnight = now - (now % (24 * HOUR));
  let shifts = 0;
  let signups = 0;
  let refused = 0;
  let k = 0;
  for (let d = -opts.pastDays; d <= opts.futureDays; d += 1) {
    seed.batch(() => {
      for (const siteId of seed.siteIds) {
        for (const startHour of [7, 15, 22]) {
          const startsAt = midnight + d * 24 * HOUR + startHour * HOUR;
          // Planned a week ahead, as coordinators do: the app refuses a shift (or signup) in the past.
          seed.at(Math.min(now, startsAt - 7 * 24 * HOUR));
          const shift = s.shifts.create(seed.actor, {
            siteId,
            startsAt: new Date(startsAt).toISOString(),
            endsAt: new Date(startsAt + 8 * HOUR).toISOString(),
            needed: opts.perShift,
          });
          shifts += 1;
          for (let p = 0; p < opts.perShift; p += 1) {
            k += 1;
            const volunteerId = seed.volunteerIds[(k * 13) % seed.volunteerIds.length]!;
            try {
              s.shifts.signUp(seed.actor, shift.id, volunteerId);
              signups += 1;
            } catch {
              // A clashing signup is refused by the app's own rules, as it should be.
              refused += 1;
            }
          }
        }
      }
    });
  }
  seed.at(now);
  return { shifts, signups, refused };
}
