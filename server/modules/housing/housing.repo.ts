import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { type DbOrTx, preparedOn } from '../../../db/client';
import { hostRequests, housingSites, stays } from '../../../db/schema';
import { MAX_NIGHTS } from '../../../shared/housing';
import { addDays } from './housing.nights';

export type HousingSiteRow = typeof housingSites.$inferSelect;
export type StayRow = typeof stays.$inferSelect;
export type HostRequestRow = typeof hostRequests.$inferSelect;

export function insertHousingSite(db: DbOrTx, row: typeof housingSites.$inferInsert): HousingSiteRow {
  return db.insert(housingSites).values(row).returning().get();
}

export function updateHousingSite(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof housingSites.$inferInsert>,
): HousingSiteRow {
  return db.update(housingSites).set(patch).where(eq(housingSites.id, id)).returning().get()!;
}

export function findHousingSite(db: DbOrTx, id: number): HousingSiteRow | null {
  return db.select().from(housingSites).where(eq(housingSites.id, id)).get() ?? null;
}

export function listHousingSites(db: DbOrTx): HousingSiteRow[] {
  return db.select().from(housingSites).orderBy(asc(housingSites.name), asc(housingSites.id)).all();
}

export function insertStay(db: DbOrTx, row: typeof stays.$inferInsert): StayRow {
  return db.insert(stays).values(row).returning().get();
}

export function updateStay(db: DbOrTx, id: number, patch: Partial<typeof stays.$inferInsert>): StayRow {
  return db.update(stays).set(patch).where(eq(stays.id, id)).returning().get()!;
}

export function findStay(db: DbOrTx, id: number): StayRow | null {
  return db.select().from(stays).where(eq(stays.id, id)).get() ?? null;
}

/**
 * Stays that may hold beds on nights in [from, to) (a checked-out stay holds the nights before it left):
 * few enough per site to sum in memory, inside the transaction that decides. No stay is longer than
 * MAX_NIGHTS, which bounds how far back to look.
 */
export function staysAround(db: DbOrTx, from: string, to: string, siteIds?: number[]): StayRow[] {
  return db
    .select()
    .from(stays)
    .where(
      and(
        ne(stays.status, 'cancelled'),
        lt(stays.checkIn, to),
        gte(stays.checkIn, addDays(from, -MAX_NIGHTS)),
        siteIds ? inArray(stays.housingSiteId, siteIds) : undefined,
      ),
    )
    .orderBy(asc(stays.id))
    .all();
}

const staysOfReleaseQuery = preparedOn((db) =>
  db
    .select()
    .from(stays)
    .where(eq(stays.releaseId, sql.placeholder('releaseId')))
    .orderBy(asc(stays.id))
    .prepare(),
);

/** A release's stays, oldest first; read for the details a volunteer gets on YES: a prepared statement. */
export function staysOfRelease(db: DbOrTx, releaseId: number): StayRow[] {
  return staysOfReleaseQuery(db).all({ releaseId });
}

export function staysWithGuestsNotPurged(db: DbOrTx): StayRow[] {
  return db.select().from(stays).where(isNull(stays.purgedAt)).all();
}

export function insertHostRequest(db: DbOrTx, row: typeof hostRequests.$inferInsert): HostRequestRow {
  return db.insert(hostRequests).values(row).returning().get();
}

export function updateHostRequest(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof hostRequests.$inferInsert>,
): HostRequestRow {
  return db.update(hostRequests).set(patch).where(eq(hostRequests.id, id)).returning().get()!;
}

export function findHostRequest(db: DbOrTx, id: number): HostRequestRow | null {
  return db.select().from(hostRequests).where(eq(hostRequests.id, id)).get() ?? null;
}

export function openHostRequestsWithCode(db: DbOrTx, code: string): HostRequestRow[] {
  return db
    .select()
    .from(hostRequests)
    .where(and(eq(hostRequests.code, code), eq(hostRequests.state, 'asked')))
    .all();
}

/** Requests still waiting for an answer from the host at this phone, oldest first. */
export function openHostRequestsFor(db: DbOrTx, phone: string): HostRequestRow[] {
  return db
    .select({ request: hostRequests })
    .from(hostRequests)
    .innerJoin(housingSites, eq(housingSites.id, hostRequests.housingSiteId))
    .where(and(eq(housingSites.contactPhone, phone), eq(hostRequests.state, 'asked')))
    .orderBy(asc(hostRequests.id))
    .all()
    .map((r) => r.request);
}

const withCodeForQuery = preparedOn((db) =>
  db
    .select({ request: hostRequests })
    .from(hostRequests)
    .innerJoin(housingSites, eq(housingSites.id, hostRequests.housingSiteId))
    .where(
      and(
        eq(housingSites.contactPhone, sql.placeholder('phone')),
        eq(hostRequests.code, sql.placeholder('code')),
      ),
    )
    .orderBy(desc(hostRequests.id))
    .prepare(),
);

/** Every request with this code texted to the host at this phone, newest first. Prepared: a YES or NO
 * with a code looks here. */
export function hostRequestsWithCodeFor(db: DbOrTx, phone: string, code: string): HostRequestRow[] {
  return withCodeForQuery(db)
    .all({ phone, code })
    .map((r) => r.request);
}

/** The active site whose host has this phone, if any. */
export function siteOfHost(db: DbOrTx, phone: string): HousingSiteRow | null {
  return db.select().from(housingSites).where(eq(housingSites.contactPhone, phone)).get() ?? null;
}

export function openHostRequestCodes(db: DbOrTx): Set<string> {
  return new Set(
    db
      .select({ code: hostRequests.code })
      .from(hostRequests)
      .where(eq(hostRequests.state, 'asked'))
      .all()
      .map((r) => r.code),
  );
}

export function hostRequestsOfRelease(db: DbOrTx, releaseId: number): HostRequestRow[] {
  return db
    .select()
    .from(hostRequests)
    .where(eq(hostRequests.releaseId, releaseId))
    .orderBy(asc(hostRequests.id))
    .all();
}
