// The reads of offers on the YES path, each a statement compiled once whose rows come back as arrays
// and are converted here (see rowsOn in db/client.ts).
import { type DbOrTx, dateOrNull, rowsOn } from '../../../db/client';
import type { OfferRow } from './dispatch.repo';

/** An offer as SQLite stores it, in the order `OFFER_COLUMNS` names the columns. */
type StoredOffer = [
  id: number,
  dispatchId: number,
  volunteerId: number,
  code: string,
  wave: number,
  state: OfferRow['state'],
  reason: string,
  offeredAt: number,
  expiresAt: number,
  respondedAt: number | null,
  etaMinutes: number | null,
  replyText: string | null,
];
const OFFER_COLUMNS =
  'id, dispatch_id, volunteer_id, code, wave, state, reason, offered_at, expires_at, responded_at, eta_minutes, reply_text';

function offerOf(r: StoredOffer): OfferRow {
  return {
    id: r[0],
    dispatchId: r[1],
    volunteerId: r[2],
    code: r[3],
    wave: r[4],
    state: r[5],
    reason: r[6],
    offeredAt: new Date(r[7]),
    expiresAt: new Date(r[8]),
    respondedAt: dateOrNull(r[9]),
    etaMinutes: r[10],
    replyText: r[11],
  };
}

const supersedeStatement = rowsOn(
  `UPDATE dispatch_offers SET state = 'superseded' WHERE dispatch_id = ? AND state = 'offered'
   RETURNING ${OFFER_COLUMNS}`,
);

/** Closes every offer of a dispatch still waiting for an answer, in one statement; answers them by id. */
export function supersedeOpenOffers(db: DbOrTx, dispatchId: number): OfferRow[] {
  return (supersedeStatement(db).all(dispatchId) as StoredOffer[]).map(offerOf).sort((a, b) => a.id - b.id);
}

const offerByIdStatement = rowsOn(`SELECT ${OFFER_COLUMNS} FROM dispatch_offers WHERE id = ?`);

export function findOffer(db: DbOrTx, id: number): OfferRow | null {
  const r = offerByIdStatement(db).get(id) as StoredOffer | undefined;
  return r ? offerOf(r) : null;
}

const openOffersStatement = rowsOn(
  `SELECT ${OFFER_COLUMNS} FROM dispatch_offers WHERE volunteer_id = ? AND state = 'offered' ORDER BY id`,
);

/** A volunteer's offers still waiting for an answer: every text from a volunteer asks. */
export function openOffersOf(db: DbOrTx, volunteerId: number): OfferRow[] {
  return (openOffersStatement(db).all(volunteerId) as StoredOffer[]).map(offerOf);
}

const offersWithCodeStatement = rowsOn(
  `SELECT ${OFFER_COLUMNS} FROM dispatch_offers WHERE volunteer_id = ? AND code = ? ORDER BY id`,
);

/** A volunteer's offers with this code (a YES or NO names it). */
export function offersOfVolunteerWithCode(db: DbOrTx, volunteerId: number, code: string): OfferRow[] {
  return (offersWithCodeStatement(db).all(volunteerId, code) as StoredOffer[]).map(offerOf);
}
