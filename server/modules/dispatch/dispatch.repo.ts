import { and, asc, count, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { type DbOrTx, msOrNull, preparedOn, rawPlaceholder, statementOn } from '../../../db/client';
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

const dispatchById = preparedOn((db) =>
  db
    .select()
    .from(dispatches)
    .where(eq(dispatches.id, sql.placeholder('id')))
    .prepare(),
);

/** Read by every answer to an offer: a prepared statement. */
export function findDispatch(db: DbOrTx, id: number): DispatchRow | null {
  return dispatchById(db).get({ id }) ?? null;
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

const writeOfferQuery = preparedOn((db) =>
  db
    .update(dispatchOffers)
    .set({
      state: rawPlaceholder('state'),
      respondedAt: rawPlaceholder('respondedAt'),
      etaMinutes: rawPlaceholder('etaMinutes'),
      replyText: rawPlaceholder('replyText'),
    })
    .where(eq(dispatchOffers.id, sql.placeholder('id')))
    .prepare(),
);

/** What an answer (or the lack of one) changes on an offer, all four columns: a prepared statement. */
export function writeOffer(
  db: DbOrTx,
  id: number,
  to: Pick<OfferRow, 'state' | 'respondedAt' | 'etaMinutes' | 'replyText'>,
): void {
  writeOfferQuery(db).run({ id, ...to, respondedAt: msOrNull(to.respondedAt) });
}

/** Closes every offer of a dispatch still waiting for an answer, in one statement; answers them by id. */
export function supersedeOpenOffers(db: DbOrTx, dispatchId: number): OfferRow[] {
  return db
    .update(dispatchOffers)
    .set({ state: 'superseded' })
    .where(and(eq(dispatchOffers.dispatchId, dispatchId), eq(dispatchOffers.state, 'offered')))
    .returning()
    .all()
    .sort((a, b) => a.id - b.id);
}

export function offersOf(db: DbOrTx, dispatchId: number): OfferRow[] {
  return db
    .select()
    .from(dispatchOffers)
    .where(eq(dispatchOffers.dispatchId, dispatchId))
    .orderBy(asc(dispatchOffers.id))
    .all();
}

const offerById = preparedOn((db) =>
  db
    .select()
    .from(dispatchOffers)
    .where(eq(dispatchOffers.id, sql.placeholder('id')))
    .prepare(),
);

export function findOffer(db: DbOrTx, id: number): OfferRow | null {
  return offerById(db).get({ id }) ?? null;
}

const openOffersQuery = preparedOn((db) =>
  db
    .select()
    .from(dispatchOffers)
    .where(
      and(
        eq(dispatchOffers.volunteerId, sql.placeholder('volunteerId')),
        eq(dispatchOffers.state, 'offered'),
      ),
    )
    .orderBy(asc(dispatchOffers.id))
    .prepare(),
);

/** A volunteer's offers still waiting for an answer. Prepared: every text from a volunteer asks. */
export function openOffersOf(db: DbOrTx, volunteerId: number): OfferRow[] {
  return openOffersQuery(db).all({ volunteerId });
}

const offersWithCodeQuery = preparedOn((db) =>
  db
    .select()
    .from(dispatchOffers)
    .where(
      and(
        eq(dispatchOffers.volunteerId, sql.placeholder('volunteerId')),
        eq(dispatchOffers.code, sql.placeholder('code')),
      ),
    )
    .orderBy(asc(dispatchOffers.id))
    .prepare(),
);

export function offersOfVolunteerWithCode(db: DbOrTx, volunteerId: number, code: string): OfferRow[] {
  return offersWithCodeQuery(db).all({ volunteerId, code });
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

const countOffersQuery = preparedOn((db) =>
  db
    .select({ n: count() })
    .from(dispatchOffers)
    .where(
      and(
        eq(dispatchOffers.dispatchId, sql.placeholder('dispatchId')),
        eq(dispatchOffers.state, sql.placeholder('state')),
      ),
    )
    .prepare(),
);

export function countOffers(db: DbOrTx, dispatchId: number, state: OfferState): number {
  return countOffersQuery(db).get({ dispatchId, state })?.n ?? 0;
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
