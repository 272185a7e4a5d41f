import { and, asc, desc, gt, lt, sql } from 'drizzle-orm';
import { type DbOrTx, literalLimit, preparedOn, statementOn } from '../../db/client';
import { events } from '../../db/schema';

export type EventRow = typeof events.$inferSelect;

const insertEventStatement = statementOn('INSERT INTO events (type, at, data, roles) VALUES (?, ?, ?, ?)');

/** Every command emits events: compiled once, run without drizzle (see statementOn). */
export function insertEvent(tx: DbOrTx, row: typeof events.$inferInsert): void {
  insertEventStatement(tx).run(row.type, row.at.getTime(), JSON.stringify(row.data), row.roles ?? null);
}

/** How many events one read after a commit takes at most; the reader asks again while pages are full. */
export const EVENTS_PAGE = 500;

const eventsAfterQuery = preparedOn((db) =>
  db
    .select()
    .from(events)
    .where(gt(events.id, sql.placeholder('afterId')))
    .orderBy(asc(events.id))
    .limit(literalLimit(EVENTS_PAGE))
    .prepare(),
);

/** Read after every commit while dashboards are connected: up to EVENTS_PAGE events after `afterId`. */
export function eventsAfter(db: DbOrTx, afterId: number): EventRow[] {
  return eventsAfterQuery(db).all({ afterId });
}

export function lastEventId(db: DbOrTx): number {
  return (
    db.select({ id: events.id }).from(events).orderBy(desc(events.id)).limit(literalLimit(1)).get()?.id ?? 0
  );
}

/**
 * Deletes the events older than `before`. Events are written in time order, so the old ones hold the
 * lowest ids: the delete walks ids from the oldest to the first event still young and needs no index on
 * the time, which every command would pay for on each event it writes. An event written out of order
 * (the clock set back) waits for the next run.
 */
export function deleteEventsBefore(db: DbOrTx, before: Date): number {
  const at = before.getTime();
  const firstYoung = sql`coalesce(
    (select id from events where at >= ${at} order by id limit 1),
    (select max(id) from events) + 1
  )`;
  return db
    .delete(events)
    .where(and(lt(events.id, firstYoung), lt(events.at, before)))
    .run().changes;
}
