import { and, asc, eq, gt, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { type DbOrTx, preparedOn } from '../../../db/client';
import { shiftSignups, shifts, shiftTemplates } from '../../../db/schema';

export type ShiftRow = typeof shifts.$inferSelect;
export type TemplateRow = typeof shiftTemplates.$inferSelect;

export function insertShift(db: DbOrTx, row: typeof shifts.$inferInsert): ShiftRow | null {
  return db.insert(shifts).values(row).onConflictDoNothing().returning().get() ?? null;
}

export function findShift(db: DbOrTx, id: number): ShiftRow | null {
  return db.select().from(shifts).where(eq(shifts.id, id)).get() ?? null;
}

export function updateShift(db: DbOrTx, id: number, patch: Partial<typeof shifts.$inferInsert>): ShiftRow {
  return db.update(shifts).set(patch).where(eq(shifts.id, id)).returning().get()!;
}

/** Deletes a shift and, by cascade, its signups. */
export function deleteShift(db: DbOrTx, id: number): void {
  db.delete(shifts).where(eq(shifts.id, id)).run();
}

export type SignupRow = typeof shiftSignups.$inferSelect;

/** Shifts overlapping [from, to). */
export function shiftsBetween(db: DbOrTx, from: Date, to: Date): ShiftRow[] {
  return db
    .select()
    .from(shifts)
    .where(and(lt(shifts.startsAt, to), gt(shifts.endsAt, from)))
    .orderBy(asc(shifts.startsAt), asc(shifts.id))
    .all();
}

export function signupsFor(db: DbOrTx, shiftIds: number[]): SignupRow[] {
  if (shiftIds.length === 0) return [];
  return db.select().from(shiftSignups).where(inArray(shiftSignups.shiftId, shiftIds)).all();
}

export function findSignup(db: DbOrTx, shiftId: number, volunteerId: number) {
  return (
    db
      .select()
      .from(shiftSignups)
      .where(and(eq(shiftSignups.shiftId, shiftId), eq(shiftSignups.volunteerId, volunteerId)))
      .get() ?? null
  );
}

export function insertSignup(db: DbOrTx, row: typeof shiftSignups.$inferInsert): void {
  db.insert(shiftSignups).values(row).run();
}

export function deleteSignup(db: DbOrTx, shiftId: number, volunteerId: number): boolean {
  return (
    db
      .delete(shiftSignups)
      .where(and(eq(shiftSignups.shiftId, shiftId), eq(shiftSignups.volunteerId, volunteerId)))
      .run().changes > 0
  );
}

const upcomingQuery = preparedOn((db) =>
  db
    .select({ shift: shifts })
    .from(shiftSignups)
    .innerJoin(shifts, eq(shifts.id, shiftSignups.shiftId))
    .where(
      and(
        eq(shiftSignups.volunteerId, sql.placeholder('volunteerId')),
        gte(shifts.endsAt, sql.placeholder('nowMs')),
      ),
    )
    .orderBy(asc(shifts.startsAt))
    .prepare(),
);

/** A volunteer's shifts that have not ended, soonest first. Prepared: the STATUS keyword asks. */
export function upcomingShiftsOf(db: DbOrTx, volunteerId: number, now: Date): ShiftRow[] {
  return upcomingQuery(db)
    .all({ volunteerId, nowMs: now.getTime() })
    .map((r) => r.shift);
}

/** Who is on a shift at `now`, and at which sites. */
export function onShiftAt(db: DbOrTx, now: Date): Map<number, Set<number>> {
  const rows = db
    .select({ volunteerId: shiftSignups.volunteerId, siteId: shifts.siteId })
    .from(shiftSignups)
    .innerJoin(shifts, eq(shifts.id, shiftSignups.shiftId))
    .where(and(lte(shifts.startsAt, now), gt(shifts.endsAt, now)))
    .all();
  const out = new Map<number, Set<number>>();
  for (const r of rows) out.set(r.volunteerId, (out.get(r.volunteerId) ?? new Set()).add(r.siteId));
  return out;
}

export function insertTemplate(db: DbOrTx, row: typeof shiftTemplates.$inferInsert): TemplateRow {
  return db.insert(shiftTemplates).values(row).returning().get();
}

export function updateTemplate(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof shiftTemplates.$inferInsert>,
): TemplateRow | null {
  return db.update(shiftTemplates).set(patch).where(eq(shiftTemplates.id, id)).returning().get() ?? null;
}

export function listTemplates(db: DbOrTx): TemplateRow[] {
  return db
    .select()
    .from(shiftTemplates)
    .orderBy(asc(shiftTemplates.weekday), asc(shiftTemplates.startTime))
    .all();
}

/** A volunteer's signups for shifts that have not started: dropped when they are erased. */
export function deleteFutureSignupsOf(db: DbOrTx, volunteerId: number, now: Date): number {
  const future = db
    .select({ id: shifts.id })
    .from(shifts)
    .where(gt(shifts.startsAt, now))
    .all()
    .map((s) => s.id);
  if (future.length === 0) return 0;
  return db
    .delete(shiftSignups)
    .where(and(eq(shiftSignups.volunteerId, volunteerId), inArray(shiftSignups.shiftId, future)))
    .run().changes;
}
