import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
  handoffs,
  medicalRoles,
  pageEventKinds,
  pageLevels,
  pageStatuses,
  scheduleLayers,
} from '../../shared/medical';
import { smsLanguages } from '../../shared/sms';
import { instant } from './columns';
import { releases } from './releases';

/** A trusted nurse, doctor or EMT willing to be called. Phones reach medical staff and coordinators only. */
export const medicalContacts = sqliteTable('medical_contacts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  phone: text('phone').notNull().unique(),
  role: text('role', { enum: medicalRoles }).notNull(),
  languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
  smsLanguage: text('sms_language', { enum: smsLanguages }).notNull().default('en'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/**
 * A rotation: participants take turns, handing off daily or weekly at a local time in NETWORK_TZ,
 * from `startsOn`. The primary layer is called first, the backup when the primary does not answer.
 */
export const oncallSchedules = sqliteTable('oncall_schedules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  layer: text('layer', { enum: scheduleLayers }).notNull(),
  participants: text('participants', { mode: 'json' }).$type<number[]>().notNull(),
  handoff: text('handoff', { enum: handoffs }).notNull(),
  handoffTime: text('handoff_time').notNull(),
  startsOn: text('starts_on').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: instant('created_at').notNull(),
});

/** Someone covering a stretch of a schedule: on call instead of the rotation between the two instants. */
export const oncallOverrides = sqliteTable(
  'oncall_overrides',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scheduleId: integer('schedule_id')
      .notNull()
      .references(() => oncallSchedules.id),
    contactId: integer('contact_id')
      .notNull()
      .references(() => medicalContacts.id),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('oncall_overrides_schedule_idx').on(t.scheduleId, t.startsAt)],
);

/** A call for medical help: a short reason, never a diagnosis. */
export const medicalPages = sqliteTable(
  'medical_pages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    releaseId: integer('release_id').references(() => releases.id),
    reason: text('reason').notNull(),
    code: text('code').notNull(),
    status: text('status', { enum: pageStatuses }).notNull(),
    level: text('level', { enum: pageLevels }).notNull(),
    /** Contacts texted so far; any of them may acknowledge. */
    paged: text('paged', { mode: 'json' }).$type<number[]>().notNull(),
    acknowledgedBy: integer('acknowledged_by').references(() => medicalContacts.id),
    createdBy: integer('created_by'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    closedAt: instant('closed_at'),
  },
  (t) => [index('medical_pages_code_idx').on(t.code, t.status)],
);

export const pageEvents = sqliteTable(
  'page_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pageId: integer('page_id')
      .notNull()
      .references(() => medicalPages.id),
    at: instant('at').notNull(),
    kind: text('kind', { enum: pageEventKinds }).notNull(),
    level: text('level', { enum: pageLevels }),
    contactId: integer('contact_id').references(() => medicalContacts.id),
    actor: text('actor').notNull(),
    note: text('note'),
  },
  (t) => [index('page_events_page_idx').on(t.pageId)],
);

export { medicalRoles, pageStatuses } from '../../shared/medical';
