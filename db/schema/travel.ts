import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ticketStatuses, travellerLanguages } from '../../shared/travel';
import { instant } from './columns';
import { releases } from './releases';

/** One leg of a journey; instants in epoch milliseconds, each stop with its own IANA zone. */
export interface StoredLeg {
  carrier: string;
  from: string;
  fromZone: string;
  departsAt: number;
  to: string;
  toZone: string;
  arrivesAt: number;
}

/**
 * Onward travel for a release's group or part of it. When the release is purged the places, legs,
 * seats, booking code and link go; the first departure, people and ticket status stay for the counts.
 */
export const itineraries = sqliteTable(
  'itineraries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    releaseId: integer('release_id')
      .notNull()
      .references(() => releases.id),
    people: integer('people').notNull(),
    destination: text('destination'),
    legs: text('legs', { mode: 'json' }).$type<StoredLeg[]>().notNull(),
    ticket: text('ticket', { enum: ticketStatuses }).notNull(),
    seats: text('seats'),
    confirmation: text('confirmation'),
    language: text('language', { enum: travellerLanguages }).notNull(),
    departsAt: instant('departs_at').notNull(),
    arrivesAt: instant('arrives_at').notNull(),
    /** The traveller's link; it unlocks only what this row already holds. */
    token: text('token').unique(),
    sharedAt: instant('shared_at'),
    travelBags: integer('travel_bags').notNull().default(0),
    departedAt: instant('departed_at'),
    deletedAt: instant('deleted_at'),
    purgedAt: instant('purged_at'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('itineraries_departs_idx').on(t.departsAt), index('itineraries_release_idx').on(t.releaseId)],
);

export type { TicketStatus, TravellerLanguage } from '../../shared/travel';
export { ticketStatuses, travellerLanguages } from '../../shared/travel';
