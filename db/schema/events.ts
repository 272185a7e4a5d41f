import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from './columns';

/**
 * The live feed: one row per change, pushed on /ws after commit and replayed with ?since=. Read and
 * purged by id only (ids follow time), so it carries no index a command would pay for on every event.
 */
export const events = sqliteTable('events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  type: text('type').notNull(),
  at: instant('at').notNull(),
  data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** Comma-separated roles allowed to see it; null means every signed-in user. */
  roles: text('roles'),
});
