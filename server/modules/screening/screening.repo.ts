import { and, desc, eq, inArray, isNotNull, max } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { screenings } from '../../../db/schema';

export type ScreeningRow = typeof screenings.$inferSelect;

export function insertScreening(db: DbOrTx, row: typeof screenings.$inferInsert): ScreeningRow {
  return db.insert(screenings).values(row).returning().get();
}

export function latestScreening(db: DbOrTx, volunteerId: number): ScreeningRow | null {
  return (
    db
      .select()
      .from(screenings)
      .where(eq(screenings.volunteerId, volunteerId))
      .orderBy(desc(screenings.at), desc(screenings.id))
      .limit(1)
      .get() ?? null
  );
}

/** The newest screen that started or extended an isolation. */
export function latestIsolation(db: DbOrTx, volunteerId: number): ScreeningRow | null {
  return (
    db
      .select()
      .from(screenings)
      .where(
        and(
          eq(screenings.volunteerId, volunteerId),
          eq(screenings.result, 'isolate'),
          isNotNull(screenings.isolateUntil),
        ),
      )
      .orderBy(desc(screenings.at), desc(screenings.id))
      .limit(1)
      .get() ?? null
  );
}

/** Every volunteer's newest screen and newest isolation, in two queries (for ranking a whole roster). */
export function screeningsByVolunteer(
  db: DbOrTx,
): Map<number, { latest: ScreeningRow | null; isolation: ScreeningRow | null }> {
  const newest = db
    .select({ id: max(screenings.id) })
    .from(screenings)
    .groupBy(screenings.volunteerId);
  const newestIsolation = db
    .select({ id: max(screenings.id) })
    .from(screenings)
    .where(and(eq(screenings.result, 'isolate'), isNotNull(screenings.isolateUntil)))
    .groupBy(screenings.volunteerId);
  const out = new Map<number, { latest: ScreeningRow | null; isolation: ScreeningRow | null }>();
  const entry = (id: number) => {
    let e = out.get(id);
    if (!e) {
      e = { latest: null, isolation: null };
      out.set(id, e);
    }
    return e;
  };
  for (const row of db.select().from(screenings).where(inArray(screenings.id, newest)).all())
    entry(row.volunteerId).latest = row;
  for (const row of db.select().from(screenings).where(inArray(screenings.id, newestIsolation)).all()) {
    entry(row.volunteerId).isolation = row;
  }
  return out;
}
