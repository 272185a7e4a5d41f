import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { roles } from '../../shared/roles';
import { smsLanguages } from '../../shared/sms';
import type { AlertKind } from '../../shared/supplies';
import { instant } from './columns';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: roles }).notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: instant('created_at').notNull(),
  disabledAt: instant('disabled_at'),
  /** Optional: lets the person text keywords (ONCALL, RELEASE) and receive coordinator alerts. */
  phone: text('phone').unique(),
  smsLanguage: text('sms_language', { enum: smsLanguages }).notNull().default('en'),
  /** Alerts the person asked to be texted (stock running low…). */
  alerts: text('alerts', { mode: 'json' }).$type<AlertKind[]>().notNull().default([]),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export type { Role } from '../../shared/roles';
export { roles } from '../../shared/roles';
