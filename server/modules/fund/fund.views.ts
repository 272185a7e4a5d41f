import type { DbOrTx } from '../../../db/client';
import { isoOrNull, toIso } from '../../lib/time';
import type { FundPorts } from './fund.ports';
import type { DisbursementRow, IncomeRow } from './fund.repo';
import type { Disbursement, Income } from './fund.schemas';

export function toIncome(row: IncomeRow, zone: string): Income {
  return {
    id: row.id,
    fundId: row.fundId,
    amountCents: row.amountCents,
    receivedOn: row.receivedOn,
    note: row.note,
    imported: row.externalId !== null,
    createdAt: toIso(row.createdAt, zone),
  };
}

/** Disbursements as the ledger shows them: with the release's code and who asked and decided, by name. */
export function toDisbursements(
  db: DbOrTx,
  rows: DisbursementRow[],
  ports: Pick<FundPorts, 'users' | 'releases'>,
  zone: string,
): Disbursement[] {
  const names = ports.users.namesById(db);
  const codes = new Map<number, string | null>();
  for (const r of rows) {
    if (r.releaseId !== null && !codes.has(r.releaseId)) {
      codes.set(r.releaseId, ports.releases.findIn(db, r.releaseId)?.release.code ?? null);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    fundId: r.fundId,
    amountCents: r.amountCents,
    purpose: r.purpose,
    status: r.status,
    releaseId: r.releaseId,
    releaseCode: r.releaseId === null ? null : (codes.get(r.releaseId) ?? null),
    itineraryId: r.itineraryId,
    note: r.note,
    decisionReason: r.decisionReason,
    createdBy: r.createdBy === null ? null : (names.get(r.createdBy) ?? null),
    createdAt: toIso(r.createdAt, zone),
    decidedBy: r.decidedBy === null ? null : (names.get(r.decidedBy) ?? null),
    decidedAt: isoOrNull(r.decidedAt, zone),
  }));
}
