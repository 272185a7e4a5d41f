import { and, asc, eq, gt, lte, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import {
  dispatches,
  dispatchOffers,
  type OfferState,
  releases,
  shiftSignups,
  shifts,
  sites,
  smsOptOuts,
  volunteers,
} from '../../../db/schema';

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

export function offersOf(db: DbOrTx, dispatchId: number) {
  return db
    .select({
      offer: dispatchOffers,
      name: volunteers.name,
      phone: volunteers.phone,
      smsLanguage: volunteers.smsLanguage,
    })
    .from(dispatchOffers)
    .innerJoin(volunteers, eq(volunteers.id, dispatchOffers.volunteerId))
    .where(eq(dispatchOffers.dispatchId, dispatchId))
    .orderBy(asc(dispatchOffers.id))
    .all();
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

/** Volunteers already on their way somewhere: accepted on a dispatch whose release is still open. */
export function busyVolunteers(db: DbOrTx): Set<number> {
  return new Set(
    db
      .select({ id: dispatchOffers.volunteerId })
      .from(dispatchOffers)
      .innerJoin(dispatches, eq(dispatches.id, dispatchOffers.dispatchId))
      .innerJoin(releases, eq(releases.id, dispatches.releaseId))
      .where(
        and(
          eq(dispatchOffers.state, 'accepted'),
          notInArray(dispatches.status, ['cancelled']),
          notInArray(releases.status, ['closed', 'cancelled']),
        ),
      )
      .all()
      .map((r) => r.id),
  );
}

/** Who is on a shift right now, and at which sites. */
export function onShiftNow(db: DbOrTx, now: Date): Map<number, Set<number>> {
  const rows = db
    .select({ volunteerId: shiftSignups.volunteerId, siteId: shifts.siteId })
    .from(shiftSignups)
    .innerJoin(shifts, eq(shifts.id, shiftSignups.shiftId))
    .where(and(lte(shifts.startsAt, now), gt(shifts.endsAt, now)))
    .all();
  const out = new Map<number, Set<number>>();
  for (const r of rows) out.set(r.volunteerId, (out.get(r.volunteerId) ?? new Set()).add(r.siteId));
  return out;
}

export function optedOutPhones(db: DbOrTx): Set<string> {
  return new Set(
    db
      .select({ phone: smsOptOuts.phone })
      .from(smsOptOuts)
      .all()
      .map((r) => r.phone),
  );
}

/** The release a volunteer said YES to that is still open, if any. */
export function openAssignmentOf(db: DbOrTx, volunteerId: number): { code: string; siteName: string } | null {
  return (
    db
      .select({ code: releases.code, siteName: sites.name })
      .from(dispatchOffers)
      .innerJoin(dispatches, eq(dispatches.id, dispatchOffers.dispatchId))
      .innerJoin(releases, eq(releases.id, dispatches.releaseId))
      .innerJoin(sites, eq(sites.id, releases.siteId))
      .where(
        and(
          eq(dispatchOffers.volunteerId, volunteerId),
          eq(dispatchOffers.state, 'accepted'),
          notInArray(dispatches.status, ['cancelled']),
          notInArray(releases.status, ['closed', 'cancelled']),
        ),
      )
      .orderBy(asc(dispatchOffers.id))
      .limit(1)
      .get() ?? null
  );
}
