import { and, asc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import {
  type DbOrTx,
  dateOrNull,
  msOrNull,
  preparedOn,
  rawPlaceholder,
  rowsOn,
  statementOn,
} from '../../../db/client';
import { dispatches, dispatchOffers, type OfferState } from '../../../db/schema';

export type DispatchRow = typeof dispatches.$inferSelect;
export type OfferRow = typeof dispatchOffers.$inferSelect;

export {
  findOffer,
  offersOfVolunteerWithCode,
  openOffersOf,
  supersedeOpenOffers,
} from './dispatch.offer-rows';

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

const closeDispatchStatement = statementOn(
  'UPDATE dispatches SET status = ?, updated_at = ?, closed_at = ? WHERE id = ?',
);

/**
 * Fills, cancels or escalates a dispatch, closing it at `at`. The YES that fills one runs it, so it is
 * compiled once (see statementOn).
 */
export function closeDispatch(
  db: DbOrTx,
  id: number,
  status: 'filled' | 'cancelled' | 'escalated',
  at: Date,
): void {
  closeDispatchStatement(db).run(status, at.getTime(), at.getTime(), id);
}

/** A dispatch as SQLite stores it, in the order `dispatchByIdStatement` names the columns. */
type StoredDispatch = [
  id: number,
  releaseId: number,
  status: DispatchRow['status'],
  needed: number,
  languages: string,
  skills: string,
  wave: number,
  deadlineAt: number,
  createdBy: number | null,
  createdAt: number,
  updatedAt: number,
  closedAt: number | null,
];

const dispatchByIdStatement = rowsOn(
  `SELECT id, release_id, status, needed, languages, skills, wave, deadline_at, created_by, created_at,
     updated_at, closed_at
   FROM dispatches WHERE id = ?`,
);

/**
 * Read by every answer to an offer: a statement compiled once, its row read as an array and converted
 * here (drizzle's filling and mapping cost about as much as SQLite's read).
 */
export function findDispatch(db: DbOrTx, id: number): DispatchRow | null {
  const r = dispatchByIdStatement(db).get(id) as StoredDispatch | undefined;
  if (!r) return null;
  return {
    id: r[0],
    releaseId: r[1],
    status: r[2],
    needed: r[3],
    languages: JSON.parse(r[4]) as string[],
    skills: JSON.parse(r[5]) as string[],
    wave: r[6],
    deadlineAt: new Date(r[7]),
    createdBy: r[8],
    createdAt: new Date(r[9]),
    updatedAt: new Date(r[10]),
    closedAt: dateOrNull(r[11]),
  };
}

export function dispatchesOfRelease(db: DbOrTx, releaseId: number): DispatchRow[] {
  return db
    .select()
    .from(dispatches)
    .where(eq(dispatches.releaseId, releaseId))
    .orderBy(asc(dispatches.id))
    .all();
}

const insertOfferQuery = preparedOn((db) =>
  db
    .insert(dispatchOffers)
    .values({
      id: sql.placeholder('id'),
      dispatchId: sql.placeholder('dispatchId'),
      volunteerId: sql.placeholder('volunteerId'),
      code: sql.placeholder('code'),
      wave: sql.placeholder('wave'),
      state: sql.placeholder('state'),
      reason: sql.placeholder('reason'),
      offeredAt: sql.placeholder('offeredAt'),
      expiresAt: sql.placeholder('expiresAt'),
      // Nullable instants go raw, as epoch ms or NULL (see rawPlaceholder).
      respondedAt: rawPlaceholder('respondedAt'),
      etaMinutes: sql.placeholder('etaMinutes'),
      replyText: sql.placeholder('replyText'),
    })
    .returning()
    .prepare(),
);

/** Every wave writes one per volunteer asked: a prepared statement. A null id takes the next one. */
export function insertOffer(db: DbOrTx, row: typeof dispatchOffers.$inferInsert): OfferRow {
  return insertOfferQuery(db).get({
    ...row,
    id: row.id ?? null,
    respondedAt: msOrNull(row.respondedAt),
    etaMinutes: row.etaMinutes ?? null,
    replyText: row.replyText ?? null,
  })!;
}

const writeOfferStatement = statementOn(
  'UPDATE dispatch_offers SET state = ?, responded_at = ?, eta_minutes = ?, reply_text = ? WHERE id = ?',
);

/** What an answer (or the lack of one) changes on an offer, all four columns: a statement compiled once. */
export function writeOffer(
  db: DbOrTx,
  id: number,
  to: Pick<OfferRow, 'state' | 'respondedAt' | 'etaMinutes' | 'replyText'>,
): void {
  writeOfferStatement(db).run(to.state, msOrNull(to.respondedAt), to.etaMinutes, to.replyText, id);
}

export function offersOf(db: DbOrTx, dispatchId: number): OfferRow[] {
  return db
    .select()
    .from(dispatchOffers)
    .where(eq(dispatchOffers.dispatchId, dispatchId))
    .orderBy(asc(dispatchOffers.id))
    .all();
}

const codesInUseQuery = preparedOn((db) =>
  db
    .select({ code: dispatchOffers.code })
    .from(dispatchOffers)
    .where(eq(dispatchOffers.state, 'offered'))
    .prepare(),
);

export function codesInUse(db: DbOrTx): Set<string> {
  return new Set(
    codesInUseQuery(db)
      .all()
      .map((r) => r.code),
  );
}

const countOffersStatement = statementOn(
  'SELECT count(*) AS n FROM dispatch_offers WHERE dispatch_id = ? AND state = ?',
);

/** How many of a dispatch's offers are in this state, from the (dispatch, state) index alone. */
export function countOffers(db: DbOrTx, dispatchId: number, state: OfferState): number {
  return (countOffersStatement(db).get(dispatchId, state) as { n: number }).n;
}

const acceptedQuery = (byVolunteer: boolean) =>
  preparedOn((db) =>
    db
      .select({ volunteerId: dispatchOffers.volunteerId, releaseId: dispatches.releaseId })
      .from(dispatchOffers)
      .innerJoin(dispatches, eq(dispatches.id, dispatchOffers.dispatchId))
      .where(
        and(
          eq(dispatchOffers.state, 'accepted'),
          ne(dispatches.status, 'cancelled'),
          byVolunteer ? eq(dispatchOffers.volunteerId, sql.placeholder('volunteerId')) : undefined,
        ),
      )
      .orderBy(asc(dispatchOffers.id))
      .prepare(),
  );
const acceptedByAll = acceptedQuery(false);
const acceptedByOne = acceptedQuery(true);

/** Accepted offers on dispatches not cancelled, oldest first: who said YES to which release. */
export function acceptedOffers(
  db: DbOrTx,
  volunteerId?: number,
): { volunteerId: number; releaseId: number }[] {
  return volunteerId === undefined ? acceptedByAll(db).all() : acceptedByOne(db).all({ volunteerId });
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
