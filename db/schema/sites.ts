import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from './columns';
import { users } from './users';

export const siteKinds = [
  'bus_station',
  'airport',
  'detention_center',
  'warehouse',
  'office',
  'other',
] as const;

export const sites = sqliteTable('sites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  kind: text('kind', { enum: siteKinds }).notNull(),
  address: text('address'),
  smsKeyword: text('sms_keyword').unique(),
  createdAt: instant('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
});
