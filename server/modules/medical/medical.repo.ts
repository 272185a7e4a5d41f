import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import {
  medicalContacts,
  medicalPages,
  oncallOverrides,
  oncallSchedules,
  pageEvents,
} from '../../../db/schema';

export type ContactRow = typeof medicalContacts.$inferSelect;
export type ScheduleRow = typeof oncallSchedules.$inferSelect;
export type OverrideRow = typeof oncallOverrides.$inferSelect;
export type PageRow = typeof medicalPages.$inferSelect;
export type PageEventRow = typeof pageEvents.$inferSelect;

export function insertContact(db: DbOrTx, row: typeof medicalContacts.$inferInsert): ContactRow {
  return db.insert(medicalContacts).values(row).returning().get();
}
export function updateContact(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof medicalContacts.$inferInsert>,
): ContactRow {
  return db.update(medicalContacts).set(patch).where(eq(medicalContacts.id, id)).returning().get()!;
}
export function findContact(db: DbOrTx, id: number): ContactRow | null {
  return db.select().from(medicalContacts).where(eq(medicalContacts.id, id)).get() ?? null;
}
export function findContactByPhone(db: DbOrTx, phone: string): ContactRow | null {
  return db.select().from(medicalContacts).where(eq(medicalContacts.phone, phone)).get() ?? null;
}
export function listContacts(db: DbOrTx, ids?: number[]): ContactRow[] {
  return db
    .select()
    .from(medicalContacts)
    .where(ids ? inArray(medicalContacts.id, ids) : undefined)
    .orderBy(asc(medicalContacts.name), asc(medicalContacts.id))
    .all();
}

export function insertSchedule(db: DbOrTx, row: typeof oncallSchedules.$inferInsert): ScheduleRow {
  return db.insert(oncallSchedules).values(row).returning().get();
}
export function findSchedule(db: DbOrTx, id: number): ScheduleRow | null {
  return db.select().from(oncallSchedules).where(eq(oncallSchedules.id, id)).get() ?? null;
}
export function listSchedules(db: DbOrTx): ScheduleRow[] {
  return db.select().from(oncallSchedules).orderBy(asc(oncallSchedules.id)).all();
}

export function insertOverride(db: DbOrTx, row: typeof oncallOverrides.$inferInsert): OverrideRow {
  return db.insert(oncallOverrides).values(row).returning().get();
}
export function overridesOf(db: DbOrTx, scheduleId?: number): OverrideRow[] {
  return db
    .select()
    .from(oncallOverrides)
    .where(scheduleId === undefined ? undefined : eq(oncallOverrides.scheduleId, scheduleId))
    .orderBy(asc(oncallOverrides.startsAt))
    .all();
}

export function insertPage(db: DbOrTx, row: typeof medicalPages.$inferInsert): PageRow {
  return db.insert(medicalPages).values(row).returning().get();
}
export function updatePage(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof medicalPages.$inferInsert>,
): PageRow {
  return db.update(medicalPages).set(patch).where(eq(medicalPages.id, id)).returning().get()!;
}
export function findPage(db: DbOrTx, id: number): PageRow | null {
  return db.select().from(medicalPages).where(eq(medicalPages.id, id)).get() ?? null;
}
export function pagesWithCode(db: DbOrTx, code: string): PageRow[] {
  return db
    .select()
    .from(medicalPages)
    .where(eq(medicalPages.code, code))
    .orderBy(desc(medicalPages.id))
    .all();
}
export function openPages(db: DbOrTx): PageRow[] {
  return db
    .select()
    .from(medicalPages)
    .where(inArray(medicalPages.status, ['triggered', 'acknowledged']))
    .orderBy(desc(medicalPages.id))
    .all();
}
export function listPages(db: DbOrTx, limit: number): PageRow[] {
  return db.select().from(medicalPages).orderBy(desc(medicalPages.id)).limit(limit).all();
}
export function triggeredCodes(db: DbOrTx): Set<string> {
  return new Set(
    db
      .select({ code: medicalPages.code })
      .from(medicalPages)
      .where(eq(medicalPages.status, 'triggered'))
      .all()
      .map((r) => r.code),
  );
}

export function insertPageEvent(db: DbOrTx, row: typeof pageEvents.$inferInsert): void {
  db.insert(pageEvents).values(row).run();
}
export function eventsOfPage(db: DbOrTx, pageId: number): PageEventRow[] {
  return db
    .select()
    .from(pageEvents)
    .where(and(eq(pageEvents.pageId, pageId)))
    .orderBy(asc(pageEvents.id))
    .all();
}
