import { and, asc, eq, gt, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { shiftSignups, shifts, shiftTemplates, sites, volunteers } from '../../../db/schema';

export type ShiftRow = typeof shifts.$inferSelect;
export type TemplateRow = typeof shiftTemplates.$inferSelect;

export function insertShift(db: DbOrTx, row: typeof shifts.$inferInsert): ShiftRow | null {
  return db.insert(shifts).values(row).onConflictDoNothing().returning().get() ?? null;
}

export function findShift(db: DbOrTx, id: number): ShiftRow | null {
  return db.select().from(shifts).where(eq(shifts.id, id)).get() ?? null;
}

/** Shifts overlapping [from, to), with their site's name. */
export function shiftsBetween(db: DbOrTx, from: Date, to: Date) {
  return db
    .select({ shift: shifts, siteName: sites.name })
    .from(shifts)
    .innerJoin(sites, eq(sites.id, shifts.siteId))
    .where(and(lt(shifts.startsAt, to), gt(shifts.endsAt, from)))
    .orderBy(asc(shifts.startsAt), asc(shifts.id))
    .all();
}

export function signupsFor(db: DbOrTx, shiftIds: number[]) {
  if (shiftIds.length === 0) return [];
  return db
    .select({ signup: shiftSignups, name: volunteers.name })
    .from(shiftSignups)
    .innerJoin(volunteers, eq(volunteers.id, shiftSignups.volunteerId))
    .where(inArray(shiftSignups.shiftId, shiftIds))
    .all();
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

/** A volunteer's shifts that have not ended, soonest first, with the site's name. */
export function upcomingShiftsOf(db: DbOrTx, volunteerId: number, now: Date) {
  return db
    .select({ shift: shifts, siteName: sites.name })
    .from(shiftSignups)
    .innerJoin(shifts, eq(shifts.id, shiftSignups.shiftId))
    .innerJoin(sites, eq(sites.id, shifts.siteId))
    .where(and(eq(shiftSignups.volunteerId, volunteerId), gte(shifts.endsAt, now)))
    .orderBy(asc(shifts.startsAt))
    .all();
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
