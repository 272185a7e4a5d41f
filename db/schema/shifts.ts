import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { instant } from './columns';
import { sites } from './sites';
import { volunteers } from './volunteers';

/** A weekly pattern ("Fridays 18:00-23:00 at the Greyhound, 3 people") that becomes dated shifts. */
export const shiftTemplates = sqliteTable('shift_templates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  siteId: integer('site_id')
    .notNull()
    .references(() => sites.id),
  /** ISO weekday, 1 = Monday … 7 = Sunday, in NETWORK_TZ. */
  weekday: integer('weekday').notNull(),
  /** Local wall-clock times "HH:mm"; an end at or before the start means the next day. */
  startTime: text('start_time').notNull(),
  endTime: text('end_time').notNull(),
  role: text('role'),
  needed: integer('needed').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: instant('created_at').notNull(),
});

export const shifts = sqliteTable(
  'shifts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    role: text('role'),
    needed: integer('needed').notNull(),
    templateId: integer('template_id').references(() => shiftTemplates.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('shifts_starts_idx').on(t.startsAt),
    uniqueIndex('shifts_template_start_idx').on(t.templateId, t.startsAt),
  ],
);

export const shiftSignups = sqliteTable(
  'shift_signups',
  {
    shiftId: integer('shift_id')
      .notNull()
      .references(() => shifts.id, { onDelete: 'cascade' }),
    volunteerId: integer('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ['web', 'sms'] }).notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shiftId, t.volunteerId] }),
    index('signups_volunteer_idx').on(t.volunteerId),
  ],
);

/** Links in shift reminders that open the screening form without a login, until the shift ends. */
export const screeningLinks = sqliteTable('screening_links', {
  tokenHash: text('token_hash').primaryKey(),
  volunteerId: integer('volunteer_id')
    .notNull()
    .references(() => volunteers.id, { onDelete: 'cascade' }),
  expiresAt: instant('expires_at').notNull(),
  /** When the link was last used to screen. */
  usedAt: instant('used_at'),
});
