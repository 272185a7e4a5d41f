import { and, desc, eq, isNotNull } from 'drizzle-orm';
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
