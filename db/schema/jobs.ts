import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { instant } from './columns';

/** Work due later (retries, waves, reminders, escalations, purges): survives restarts. */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    dueAt: instant('due_at').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** At most one pending job per key, so recurring work is never doubled. */
    dedupeKey: text('dedupe_key'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    doneAt: instant('done_at'),
    failedAt: instant('failed_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.dueAt).where(sql`done_at is null and failed_at is null`),
    uniqueIndex('jobs_dedupe_idx').on(t.dedupeKey).where(sql`done_at is null and failed_at is null`),
  ],
);
