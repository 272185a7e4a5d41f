import { and, asc, eq, gte, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { itineraries } from '../../../db/schema';

export type ItineraryRow = typeof itineraries.$inferSelect;
export type NewItinerary = typeof itineraries.$inferInsert;

const live = isNull(itineraries.deletedAt);

export function insertItinerary(db: DbOrTx, row: NewItinerary): ItineraryRow {
  return db.insert(itineraries).values(row).returning().get();
}

export function updateItinerary(db: DbOrTx, id: number, patch: Partial<NewItinerary>): ItineraryRow {
  return db.update(itineraries).set(patch).where(eq(itineraries.id, id)).returning().get()!;
}

/** A live (not deleted) itinerary. */
export function findItinerary(db: DbOrTx, id: number): ItineraryRow | null {
  return (
    db
      .select()
      .from(itineraries)
      .where(and(eq(itineraries.id, id), live))
      .get() ?? null
  );
}

export function findByToken(db: DbOrTx, token: string): ItineraryRow | null {
  return (
    db
      .select()
      .from(itineraries)
      .where(and(eq(itineraries.token, token), live))
      .get() ?? null
  );
}

export function itinerariesOfRelease(db: DbOrTx, releaseId: number): ItineraryRow[] {
  return db
    .select()
    .from(itineraries)
    .where(and(eq(itineraries.releaseId, releaseId), live))
    .orderBy(asc(itineraries.departsAt), asc(itineraries.id))
    .all();
}

/** Live itineraries whose first leg departs in [from, to). */
export function departingBetween(db: DbOrTx, from: Date, to: Date): ItineraryRow[] {
  return db
    .select()
    .from(itineraries)
    .where(and(live, gte(itineraries.departsAt, from), lt(itineraries.departsAt, to)))
    .orderBy(asc(itineraries.departsAt), asc(itineraries.id))
    .all();
}

/** Tickets a network or sponsor bought, departing in [from, to): only the counts ticketsBought needs. */
export function boughtBetween(
  db: DbOrTx,
  from: Date,
  to: Date,
): Pick<ItineraryRow, 'departsAt' | 'people' | 'ticket'>[] {
  return db
    .select({ departsAt: itineraries.departsAt, people: itineraries.people, ticket: itineraries.ticket })
    .from(itineraries)
    .where(and(live, gte(itineraries.departsAt, from), lt(itineraries.departsAt, to)))
    .all();
}

/** Itineraries still holding places and links, among these releases. */
export function unpurgedOfReleases(db: DbOrTx, releaseIds: number[]): ItineraryRow[] {
  if (releaseIds.length === 0) return [];
  return db
    .select()
    .from(itineraries)
    .where(and(inArray(itineraries.releaseId, releaseIds), isNull(itineraries.purgedAt)))
    .all();
}

/** The releases whose itineraries were not purged yet. */
export function releasesWithUnpurged(db: DbOrTx): number[] {
  return db
    .selectDistinct({ releaseId: itineraries.releaseId })
    .from(itineraries)
    .where(and(isNull(itineraries.purgedAt), isNotNull(itineraries.releaseId)))
    .all()
    .map((r) => r.releaseId);
}
