import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { type ReleaseNeed, releaseStatuses } from '../../shared/releases';
import { instant } from './columns';

import { sites } from './sites';

/**
 * A group released (or about to be) at a site. Group-level by design: counts, languages and needs;
 * there is no field for names, ID or A-numbers, nationality or case details.
 */
export const releases = sqliteTable(
  'releases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    status: text('status', { enum: releaseStatuses }).notNull(),
    expectedAt: instant('expected_at'),
    releasedAt: instant('released_at'),
    adults: integer('adults').notNull(),
    children: integer('children').notNull(),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    needs: text('needs', { mode: 'json' }).$type<ReleaseNeed[]>().notNull(),
    needsMet: text('needs_met', { mode: 'json' }).$type<ReleaseNeed[]>().notNull(),
    destination: text('destination'),
    travelDate: text('travel_date'),
    notes: text('notes'),
    source: text('source', { enum: ['web', 'sms'] }).notNull(),
    reportedAt: instant('reported_at'),
    metAt: instant('met_at'),
    closedAt: instant('closed_at'),
    acknowledgedAt: instant('acknowledged_at'),
    acknowledgedBy: integer('acknowledged_by'),
    purgedAt: instant('purged_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('releases_status_idx').on(t.status),
    // Only closed releases, for the retention purge: a new release (not closed) touches no page of it.
    index('releases_closed_idx').on(t.closedAt).where(sql`closed_at IS NOT NULL`),
  ],
);

/** Each move of a release, with who and when. */
export const releaseTimeline = sqliteTable(
  'release_timeline',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    at: instant('at').notNull(),
    actor: text('actor').notNull(),
    userId: integer('user_id'),
    kind: text('kind', {
      enum: ['created', 'status', 'needs', 'acknowledged', 'edited', 'purged'],
    }).notNull(),
    fromStatus: text('from_status', { enum: releaseStatuses }),
    toStatus: text('to_status', { enum: releaseStatuses }),
    note: text('note'),
    /** The volunteer who acted by text; the name is read at display time so an erased one stays erased. */
    volunteerId: integer('volunteer_id'),
  },
  (t) => [index('release_timeline_release_idx').on(t.releaseId)],
);

export type { ReleaseNeed, ReleaseStatus } from '../../shared/releases';
export { releaseNeeds, releaseStatuses } from '../../shared/releases';
