import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { siteKinds } from '../../shared/sites';
import { instant } from './columns';

import { users } from './users';

export const sites = sqliteTable('sites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  kind: text('kind', { enum: siteKinds }).notNull(),
  address: text('address'),
  smsKeyword: text('sms_keyword').unique(),
  createdAt: instant('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  /** A site still named by releases or shifts is archived instead of deleted: hidden from new work. */
  archivedAt: instant('archived_at'),
});

export type { SiteKind } from '../../shared/sites';
export { siteKinds } from '../../shared/sites';
