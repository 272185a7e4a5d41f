import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { type DbOrTx, preparedOn } from '../../../db/client';
import { screenings } from '../../../db/schema';
import type { ScreenFacts } from './screening.rules';

export type ScreeningRow = typeof screenings.$inferSelect;

export function insertScreening(db: DbOrTx, row: typeof screenings.$inferInsert): ScreeningRow {
  return db.insert(screenings).values(row).returning().get();
}

const latestQuery = preparedOn((db) =>
  db
    .select()
    .from(screenings)
    .where(eq(screenings.volunteerId, sql.placeholder('volunteerId')))
    .orderBy(desc(screenings.at), desc(screenings.id))
    .limit(1)
    .prepare(),
);

/** Read for a volunteer's status (the STATUS keyword among others): a prepared statement. */
export function latestScreening(db: DbOrTx, volunteerId: number): ScreeningRow | null {
  return latestQuery(db).get({ volunteerId }) ?? null;
}

const latestIsolationQuery = preparedOn((db) =>
  db
    .select()
    .from(screenings)
    .where(
      and(
        eq(screenings.volunteerId, sql.placeholder('volunteerId')),
        eq(screenings.result, 'isolate'),
        isNotNull(screenings.isolateUntil),
      ),
    )
    .orderBy(desc(screenings.at), desc(screenings.id))
    .limit(1)
    .prepare(),
);

/** The newest screen that started or extended an isolation. */
export function latestIsolation(db: DbOrTx, volunteerId: number): ScreeningRow | null {
  return latestIsolationQuery(db).get({ volunteerId }) ?? null;
}

/**
 * Every volunteer's newest screen and newest isolation, in one pass over the few columns the rules read.
 * Read without drizzle's row mapping: ranking a roster of thousands must stay fast.
 */
export function screeningsByVolunteer(
  db: DbOrTx,
): Map<number, { latest: ScreenFacts | null; isolation: ScreenFacts | null }> {
  const rows = db.all<{
    volunteer_id: number;
    at: number;
    result: ScreenFacts['result'];
    isolate_until: number | null;
    newest: number;
  }>(sql`
    select volunteer_id, at, result, isolate_until,
           id = (select max(id) from screenings s2 where s2.volunteer_id = s.volunteer_id) as newest
    from screenings s
    where id in (select max(id) from screenings group by volunteer_id)
       or id in (select max(id) from screenings where result = 'isolate' and isolate_until is not null group by volunteer_id)`);
  const out = new Map<number, { latest: ScreenFacts | null; isolation: ScreenFacts | null }>();
  for (const r of rows) {
    const facts: ScreenFacts = {
      at: new Date(r.at),
      result: r.result,
      isolateUntil: r.isolate_until === null ? null : new Date(r.isolate_until),
    };
    const entry = out.get(r.volunteer_id) ?? { latest: null, isolation: null };
    if (r.newest) entry.latest = facts;
    if (r.result === 'isolate' && facts.isolateUntil && (!entry.isolation || entry.isolation.at <= facts.at))
      entry.isolation = facts;
    out.set(r.volunteer_id, entry);
  }
  return out;
}

/** Every screen a person gave, erased with them. */
export function deleteScreeningsOf(db: DbOrTx, volunteerId: number): number {
  return db.delete(screenings).where(eq(screenings.volunteerId, volunteerId)).run().changes;
}
