import { and, asc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { dispatches, dispatchOffers, type OfferState } from '../../../db/schema';

export type DispatchRow = typeof dispatches.$inferSelect;
export type OfferRow = typeof dispatchOffers.$inferSelect;

export function insertDispatch(db: DbOrTx, row: typeof dispatches.$inferInsert): DispatchRow {
  return db.insert(dispatches).values(row).returning().get();
}

export function updateDispatch(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof dispatches.$inferInsert>,
): DispatchRow {
  return db.update(dispatches).set(patch).where(eq(dispatches.id, id)).returning().get()!;
}

export function findDispatch(db: DbOrTx, id: number): DispatchRow | null {
  return db.select().from(dispatches).where(eq(dispatches.id, id)).get() ?? null;
}

export function dispatchesOfRelease(db: DbOrTx, releaseId: number): DispatchRow[] {
  return db
    .select()
    .from(dispatches)
    .where(eq(dispatches.releaseId, releaseId))
    .orderBy(asc(dispatches.id))
    .all();
}

export function insertOffer(db: DbOrTx, row: typeof dispatchOffers.$inferInsert): OfferRow {
  return db.insert(dispatchOffers).values(row).returning().get();
}

export function updateOffer(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof dispatchOffers.$inferInsert>,
): void {
  db.update(dispatchOffers).set(patch).where(eq(dispatchOffers.id, id)).run();
}

export function offersOf(db: DbOrTx, dispatchId: number): OfferRow[] {
  return db
    .select()
    .from(dispatchOffers)
    .where(eq(dispatchOffers.dispatchId, dispatchId))
    .orderBy(asc(dispatchOffers.id))
    .all();
}

export function findOffer(db: DbOrTx, id: number): OfferRow | null {
  return db.select().from(dispatchOffers).where(eq(dispatchOffers.id, id)).get() ?? null;
}

/** A volunteer's offers still waiting for an answer. */
export function openOffersOf(db: DbOrTx, volunteerId: number): OfferRow[] {
  return db
    .select()
    .from(dispatchOffers)
    .where(and(eq(dispatchOffers.volunteerId, volunteerId), eq(dispatchOffers.state, 'offered')))
    .orderBy(asc(dispatchOffers.id))
    .all();
}

export function offersOfVolunteerWithCode(db: DbOrTx, volunteerId: number, code: string): OfferRow[] {
  return db
    .select()
    .from(dispatchOffers)
    .where(and(eq(dispatchOffers.volunteerId, volunteerId), eq(dispatchOffers.code, code)))
    .orderBy(asc(dispatchOffers.id))
    .all();
}

export function codesInUse(db: DbOrTx): Set<string> {
  return new Set(
    db
      .select({ code: dispatchOffers.code })
      .from(dispatchOffers)
      .where(eq(dispatchOffers.state, 'offered'))
      .all()
      .map((r) => r.code),
  );
}

export function countOffers(db: DbOrTx, dispatchId: number, state: OfferState): number {
  return db
    .select({ id: dispatchOffers.id })
    .from(dispatchOffers)
    .where(and(eq(dispatchOffers.dispatchId, dispatchId), eq(dispatchOffers.state, state)))
    .all().length;
}

/** Accepted offers on dispatches not cancelled, oldest first: who said YES to which release. */
export function acceptedOffers(
  db: DbOrTx,
  volunteerId?: number,
): { volunteerId: number; releaseId: number }[] {
  return db
    .select({ volunteerId: dispatchOffers.volunteerId, releaseId: dispatches.releaseId })
    .from(dispatchOffers)
    .innerJoin(dispatches, eq(dispatches.id, dispatchOffers.dispatchId))
    .where(
      and(
        eq(dispatchOffers.state, 'accepted'),
        ne(dispatches.status, 'cancelled'),
        volunteerId === undefined ? undefined : eq(dispatchOffers.volunteerId, volunteerId),
      ),
    )
    .orderBy(asc(dispatchOffers.id))
    .all();
}

/** When each YES that still stands was given, for YESes given in [from, to). */
export function acceptedAtBetween(db: DbOrTx, from: Date, to: Date): Date[] {
  return db
    .select({ at: dispatchOffers.respondedAt })
    .from(dispatchOffers)
    .innerJoin(dispatches, eq(dispatches.id, dispatchOffers.dispatchId))
    .where(
      and(
        eq(dispatchOffers.state, 'accepted'),
        ne(dispatches.status, 'cancelled'),
        gte(dispatchOffers.respondedAt, from),
        lt(dispatchOffers.respondedAt, to),
      ),
    )
    .all()
    .flatMap((r) => (r.at ? [r.at] : []));
}

/** Every release that has had a dispatch, once each. */
export function releasesWithDispatches(db: DbOrTx): number[] {
  return db
    .selectDistinct({ releaseId: dispatches.releaseId })
    .from(dispatches)
    .all()
    .map((r) => r.releaseId);
}

/** The dispatches of these releases with how many said YES, without their offers. */
export function talliesOf(db: DbOrTx, releaseIds: number[]) {
  if (releaseIds.length === 0) return [];
  return db
    .select({
      id: dispatches.id,
      releaseId: dispatches.releaseId,
      status: dispatches.status,
      needed: dispatches.needed,
      accepted: sql<number>`count(${dispatchOffers.id})`,
    })
    .from(dispatches)
    .leftJoin(
      dispatchOffers,
      and(eq(dispatchOffers.dispatchId, dispatches.id), eq(dispatchOffers.state, 'accepted')),
    )
    .where(inArray(dispatches.releaseId, releaseIds))
    .groupBy(dispatches.id)
    .orderBy(asc(dispatches.id))
    .all();
}
