import { eq } from 'drizzle-orm';
import { type DbOrTx, dateOrNull, statementOn } from '../../../db/client';
import { screenings } from '../../../db/schema';
import type { ScreenFacts } from './screening.rules';

export type ScreeningRow = typeof screenings.$inferSelect;

export function insertScreening(db: DbOrTx, row: typeof screenings.$inferInsert): ScreeningRow {
  return db.insert(screenings).values(row).returning().get();
}

type FactsRow = { at: number; result: ScreenFacts['result']; isolate_until: number | null };

function factsOf(row: FactsRow | undefined): ScreenFacts | null {
  if (!row) return null;
  return {
    at: new Date(row.at),
    result: row.result,
    isolateUntil: dateOrNull(row.isolate_until),
  };
}

// The three columns the rules read, with a literal LIMIT 1: a bound limit (drizzle's `.limit(1)`) made
// SQLite take twice as long over the same index.
const latestStatement = statementOn(
  'select at, result, isolate_until from screenings where volunteer_id = ? order by at desc, id desc limit 1',
);

/** A volunteer's newest screen (read for STATUS, a YES, a signup, each new screen). */
export function latestScreening(db: DbOrTx, volunteerId: number): ScreenFacts | null {
  return factsOf(latestStatement(db).get(volunteerId) as FactsRow | undefined);
}

const latestIsolationStatement = statementOn(
  `select at, result, isolate_until from screenings
   where volunteer_id = ? and result = 'isolate' and isolate_until is not null
   order by at desc, id desc limit 1`,
);

/** The newest screen that started or extended an isolation. */
export function latestIsolation(db: DbOrTx, volunteerId: number): ScreenFacts | null {
  return factsOf(latestIsolationStatement(db).get(volunteerId) as FactsRow | undefined);
}

// Newest by time, then by id, as latestScreening and latestIsolation judge one volunteer: a screen
// recorded late for an earlier time (an import, a clock set back) is not the newest. The ids of the two
// screens the rules read of volunteer `v`: what every volunteer's facts are read from, and what the
// retention purge keeps.
const NEWEST_ID = `(select id from screenings where volunteer_id = v.id
                    order by at desc, id desc limit 1)`;
const NEWEST_ISOLATION_ID = `(select id from screenings
                              where volunteer_id = v.id and result = 'isolate' and isolate_until is not null
                              order by at desc, id desc limit 1)`;

const factsStatement = statementOn(
  `select s.volunteer_id, s.at, s.result, s.isolate_until, 1 as newest from volunteers v
     join screenings s on s.id = ${NEWEST_ID}
   union all
   select s.volunteer_id, s.at, s.result, s.isolate_until, 0 from volunteers v
     join screenings s on s.id = ${NEWEST_ISOLATION_ID}`,
);

/**
 * Every volunteer's newest screen and newest isolation, one indexed seek per volunteer, in the few
 * columns the rules read: ranking a roster of thousands must stay fast.
 */
export function screeningsByVolunteer(
  db: DbOrTx,
): Map<number, { latest: ScreenFacts | null; isolation: ScreenFacts | null }> {
  const rows = factsStatement(db).all() as (FactsRow & { volunteer_id: number; newest: number })[];
  const out = new Map<number, { latest: ScreenFacts | null; isolation: ScreenFacts | null }>();
  for (const r of rows) {
    let entry = out.get(r.volunteer_id);
    if (!entry) {
      entry = { latest: null, isolation: null };
      out.set(r.volunteer_id, entry);
    }
    if (r.newest) entry.latest = factsOf(r);
    else entry.isolation = factsOf(r);
  }
  return out;
}

/** Every screen a person gave, erased with them. */
export function deleteScreeningsOf(db: DbOrTx, volunteerId: number): number {
  return db.delete(screenings).where(eq(screenings.volunteerId, volunteerId)).run().changes;
}

// What the rules read of each volunteer (their newest screen and their newest isolation) stays; every
// other screen taken before the cutoff goes.
const purgeStatement = statementOn(
  `with kept(id) as (
     select ${NEWEST_ID} from volunteers v
     union
     select ${NEWEST_ISOLATION_ID} from volunteers v
   )
   delete from screenings where at < ? and id not in (select id from kept where id is not null)`,
);

/** Deletes screens taken before `before` that no longer decide anyone's state; answers how many. */
export function purgeScreeningsBefore(db: DbOrTx, before: Date): number {
  return purgeStatement(db).run(before.getTime()).changes;
}
