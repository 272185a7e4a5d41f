import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { volunteers } from '../../../db/schema';

export type VolunteerRow = typeof volunteers.$inferSelect;

export function insertVolunteer(db: DbOrTx, row: typeof volunteers.$inferInsert): VolunteerRow {
  return db.insert(volunteers).values(row).returning().get();
}

export function updateVolunteer(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof volunteers.$inferInsert>,
): VolunteerRow {
  return db.update(volunteers).set(patch).where(eq(volunteers.id, id)).returning().get()!;
}

export function findVolunteer(db: DbOrTx, id: number): VolunteerRow | null {
  return db.select().from(volunteers).where(eq(volunteers.id, id)).get() ?? null;
}

export function findVolunteerByPhone(db: DbOrTx, phone: string): VolunteerRow | null {
  return db.select().from(volunteers).where(eq(volunteers.phone, phone)).get() ?? null;
}

export function listVolunteers(db: DbOrTx): VolunteerRow[] {
  return db.select().from(volunteers).orderBy(asc(volunteers.name), asc(volunteers.id)).all();
}
