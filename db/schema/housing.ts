import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { hostRequestStates, housingKinds, stayStatuses } from '../../shared/housing';
import { smsLanguages } from '../../shared/sms';
import { instant } from './columns';
import { releases } from './releases';

/**
 * A place that can give people a bed tonight. Its address and contact phone are need-to-know: they are
 * never drawn on a map and reach only coordinators and the volunteers sent there.
 */
export const housingSites = sqliteTable('housing_sites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  kind: text('kind', { enum: housingKinds }).notNull(),
  address: text('address'),
  beds: integer('beds').notNull(),
  familyFriendly: integer('family_friendly', { mode: 'boolean' }).notNull().default(false),
  accessible: integer('accessible', { mode: 'boolean' }).notNull().default(false),
  /** Languages the hosts speak, as codes where one exists. */
  languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  /** The language texts to the host are written in. */
  contactLanguage: text('contact_language', { enum: smsLanguages }).notNull().default('en'),
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which a stay may start; all when empty. */
  weekdays: text('weekdays', { mode: 'json' }).$type<number[]>().notNull(),
  /** Local dates (YYYY-MM-DD) no one may sleep there. */
  blackoutDates: text('blackout_dates', { mode: 'json' }).$type<string[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/**
 * Part or all of a release's group sleeping at a site for `nights` nights from `checkIn` (local dates in
 * NETWORK_TZ). A stay checked out early ends on `checkedOutOn`: that night is free again.
 */
export const stays = sqliteTable(
  'stays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    housingSiteId: integer('housing_site_id')
      .notNull()
      .references(() => housingSites.id),
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id),
    people: integer('people').notNull(),
    checkIn: text('check_in').notNull(),
    nights: integer('nights').notNull(),
    status: text('status', { enum: stayStatuses }).notNull(),
    checkedOutOn: text('checked_out_on'),
    /** Optional first names or aliases for the host's list; purged with the release. */
    guests: text('guests'),
    purgedAt: instant('purged_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('stays_site_idx').on(t.housingSiteId, t.checkIn), index('stays_release_idx').on(t.releaseId)],
);

/** Asking a volunteer host by text; the stay is placed only when they answer YES with the code. */
export const hostRequests = sqliteTable(
  'host_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    housingSiteId: integer('housing_site_id')
      .notNull()
      .references(() => housingSites.id),
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id),
    people: integer('people').notNull(),
    checkIn: text('check_in').notNull(),
    nights: integer('nights').notNull(),
    code: text('code').notNull(),
    state: text('state', { enum: hostRequestStates }).notNull(),
    stayId: integer('stay_id').references(() => stays.id),
    expiresAt: instant('expires_at').notNull(),
    createdBy: integer('created_by'),
    createdAt: instant('created_at').notNull(),
    respondedAt: instant('responded_at'),
  },
  (t) => [index('host_requests_code_idx').on(t.code, t.state)],
);

export type { HostRequestState, HousingKind, StayStatus } from '../../shared/housing';
export { hostRequestStates, housingKinds, stayStatuses } from '../../shared/housing';
