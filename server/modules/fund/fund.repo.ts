import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { disbursements, fundIncome, funds } from '../../../db/schema';

export type FundRow = typeof funds.$inferSelect;
export type IncomeRow = typeof fundIncome.$inferSelect;
export type DisbursementRow = typeof disbursements.$inferSelect;

export function insertFund(db: DbOrTx, row: typeof funds.$inferInsert): FundRow {
  return db.insert(funds).values(row).returning().get();
}

export function findFund(db: DbOrTx, id: number): FundRow | null {
  return db.select().from(funds).where(eq(funds.id, id)).get() ?? null;
}

export function listFunds(db: DbOrTx): FundRow[] {
  return db.select().from(funds).orderBy(asc(funds.name), asc(funds.id)).all();
}

export function insertIncome(db: DbOrTx, row: typeof fundIncome.$inferInsert): IncomeRow {
  return db.insert(fundIncome).values(row).returning().get();
}

export function incomeWithExternalId(db: DbOrTx, fundId: number, externalId: string): IncomeRow | null {
  return (
    db
      .select()
      .from(fundIncome)
      .where(and(eq(fundIncome.fundId, fundId), eq(fundIncome.externalId, externalId)))
      .get() ?? null
  );
}

export function insertDisbursement(db: DbOrTx, row: typeof disbursements.$inferInsert): DisbursementRow {
  return db.insert(disbursements).values(row).returning().get();
}

export function updateDisbursement(
  db: DbOrTx,
  id: number,
  patch: Partial<typeof disbursements.$inferInsert>,
): DisbursementRow {
  return db.update(disbursements).set(patch).where(eq(disbursements.id, id)).returning().get()!;
}

export function findDisbursement(db: DbOrTx, id: number): DisbursementRow | null {
  return db.select().from(disbursements).where(eq(disbursements.id, id)).get() ?? null;
}

/**
 * Income minus everything approved or still pending, per fund: a pending disbursement holds its
 * money, so approving it can never overdraw. Read inside the transaction that writes a disbursement.
 */
export function balances(db: DbOrTx, fundIds?: number[]): Map<number, number> {
  const income = db
    .select({ fundId: fundIncome.fundId, cents: sql<number>`sum(${fundIncome.amountCents})` })
    .from(fundIncome)
    .where(fundIds ? inArray(fundIncome.fundId, fundIds) : undefined)
    .groupBy(fundIncome.fundId)
    .all();
  const out = db
    .select({ fundId: disbursements.fundId, cents: sql<number>`sum(${disbursements.amountCents})` })
    .from(disbursements)
    .where(
      and(
        inArray(disbursements.status, ['approved', 'pending']),
        fundIds ? inArray(disbursements.fundId, fundIds) : undefined,
      ),
    )
    .groupBy(disbursements.fundId)
    .all();
  const map = new Map<number, number>();
  for (const r of income) map.set(r.fundId, Number(r.cents));
  for (const r of out) map.set(r.fundId, (map.get(r.fundId) ?? 0) - Number(r.cents));
  return map;
}

/** Sums that are pending, per fund. */
export function pendingTotals(db: DbOrTx): Map<number, number> {
  const rows = db
    .select({ fundId: disbursements.fundId, cents: sql<number>`sum(${disbursements.amountCents})` })
    .from(disbursements)
    .where(eq(disbursements.status, 'pending'))
    .groupBy(disbursements.fundId)
    .all();
  return new Map(rows.map((r) => [r.fundId, Number(r.cents)]));
}

export function recentIncome(db: DbOrTx, fundId: number | undefined, limit: number): IncomeRow[] {
  return db
    .select()
    .from(fundIncome)
    .where(fundId ? eq(fundIncome.fundId, fundId) : undefined)
    .orderBy(desc(fundIncome.receivedOn), desc(fundIncome.id))
    .limit(limit)
    .all();
}

/** Pending ones first, then the newest. */
export function recentDisbursements(
  db: DbOrTx,
  fundId: number | undefined,
  limit: number,
): DisbursementRow[] {
  return db
    .select()
    .from(disbursements)
    .where(fundId ? eq(disbursements.fundId, fundId) : undefined)
    .orderBy(sql`${disbursements.status} = 'pending' desc`, desc(disbursements.id))
    .limit(limit)
    .all();
}

export function incomeBetween(db: DbOrTx, from: string, to: string): IncomeRow[] {
  return db
    .select()
    .from(fundIncome)
    .where(and(gte(fundIncome.receivedOn, from), lte(fundIncome.receivedOn, to)))
    .all();
}

/** Disbursements approved in [from, to): money out, counted when it was approved. */
export function approvedBetween(db: DbOrTx, from: Date, to: Date): DisbursementRow[] {
  return db
    .select()
    .from(disbursements)
    .where(
      and(
        eq(disbursements.status, 'approved'),
        gte(disbursements.decidedAt, from),
        lt(disbursements.decidedAt, to),
      ),
    )
    .all();
}

/** Disbursements tied to a release whose free text is not purged yet. */
export function disbursementsWithTextNotPurged(db: DbOrTx): DisbursementRow[] {
  return db
    .select()
    .from(disbursements)
    .where(
      and(
        isNull(disbursements.purgedAt),
        isNotNull(disbursements.releaseId),
        or(isNotNull(disbursements.note), isNotNull(disbursements.decisionReason)),
      ),
    )
    .all();
}
