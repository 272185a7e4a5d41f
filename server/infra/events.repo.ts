import { asc, desc, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { events } from '../../db/schema';

export type EventRow = typeof events.$inferSelect;

export function insertEvent(tx: DbOrTx, row: typeof events.$inferInsert): void {
  tx.insert(events).values(row).run();
}

export function eventsAfter(db: DbOrTx, afterId: number, limit: number): EventRow[] {
  return db.select().from(events).where(gt(events.id, afterId)).orderBy(asc(events.id)).limit(limit).all();
}

export function lastEventId(db: DbOrTx): number {
  return db.select({ id: events.id }).from(events).orderBy(desc(events.id)).limit(1).get()?.id ?? 0;
}

export function deleteEventsBefore(db: DbOrTx, before: Date): number {
  return db.delete(events).where(lt(events.at, before)).run().changes;
}
