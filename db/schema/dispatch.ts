import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dispatchStatuses, offerStates } from '../../shared/dispatch';
import { instant } from './columns';

import { releases } from './releases';
import { users } from './users';
import { volunteers } from './volunteers';

/** "Send N volunteers to this release": asked in waves until N say YES, or escalated. */
export const dispatches = sqliteTable(
  'dispatches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id),
    status: text('status', { enum: dispatchStatuses }).notNull(),
    needed: integer('needed').notNull(),
    /** Preferred, not required: those who match are asked first. */
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    skills: text('skills', { mode: 'json' }).$type<string[]>().notNull(),
    wave: integer('wave').notNull().default(0),
    deadlineAt: instant('deadline_at').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    closedAt: instant('closed_at'),
  },
  (t) => [index('dispatches_release_idx').on(t.releaseId)],
);

export const dispatchOffers = sqliteTable(
  'dispatch_offers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dispatchId: integer('dispatch_id')
      .notNull()
      .references(() => dispatches.id, { onDelete: 'cascade' }),
    volunteerId: integer('volunteer_id')
      .notNull()
      .references(() => volunteers.id, { onDelete: 'cascade' }),
    /** Four digits the volunteer texts back ("YES 4821"); never one of Twilio's bare keywords. */
    code: text('code').notNull(),
    wave: integer('wave').notNull(),
    state: text('state', { enum: offerStates }).notNull(),
    /** Why this person was asked, in the ranking's words ("on shift here · speaks es · driver"). */
    reason: text('reason').notNull(),
    offeredAt: instant('offered_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    respondedAt: instant('responded_at'),
    etaMinutes: integer('eta_minutes'),
    replyText: text('reply_text'),
  },
  (t) => [
    // With the state, a dispatch's places are counted from the index alone.
    index('offers_dispatch_state_idx').on(t.dispatchId, t.state),
    // A YES names its code: the offer is found in one step however many a volunteer has had. A
    // volunteer's open offers are read through it too; an index on the state would move with every answer.
    index('offers_volunteer_code_idx').on(t.volunteerId, t.code),
  ],
);

export type { DispatchStatus, OfferState } from '../../shared/dispatch';
export { dispatchStatuses, offerStates } from '../../shared/dispatch';
