import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { disbursementPurposes, disbursementStatuses } from '../../shared/fund';
import { instant } from './columns';
import { releases } from './releases';

/** Money raised for the network's people ("GoFundMe spring drive"); its balance is its ledger's sum. */
export const funds = sqliteTable('funds', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** Where the money comes from: a platform or a donor group, as typed. */
  source: text('source'),
  createdBy: integer('created_by'),
  createdAt: instant('created_at').notNull(),
});

/**
 * Money in, in the network's currency's minor unit. An imported row keeps the platform's transaction
 * id (or a hash of the row) as `externalId`, so importing the same export again adds nothing.
 */
export const fundIncome = sqliteTable(
  'fund_income',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => funds.id),
    amountCents: integer('amount_cents').notNull(),
    /** Local date (YYYY-MM-DD) the money came in. */
    receivedOn: text('received_on').notNull(),
    note: text('note'),
    externalId: text('external_id'),
    createdBy: integer('created_by'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('fund_income_external_idx').on(t.fundId, t.externalId),
    index('fund_income_received_idx').on(t.receivedOn),
  ],
);

/**
 * Money out. A pending one is held against the balance until approved or rejected. Its receipt note
 * and any rejection reason tied to a release are purged with the release; amount and purpose stay.
 */
export const disbursements = sqliteTable(
  'disbursements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => funds.id),
    amountCents: integer('amount_cents').notNull(),
    purpose: text('purpose', { enum: disbursementPurposes }).notNull(),
    status: text('status', { enum: disbursementStatuses }).notNull(),
    releaseId: integer('release_id').references(() => releases.id),
    itineraryId: integer('itinerary_id'),
    note: text('note'),
    decisionReason: text('decision_reason'),
    createdBy: integer('created_by'),
    createdAt: instant('created_at').notNull(),
    decidedBy: integer('decided_by'),
    /** When it was approved (at once below the threshold) or rejected: money out counts from then. */
    decidedAt: instant('decided_at'),
    purgedAt: instant('purged_at'),
  },
  (t) => [
    index('disbursements_fund_idx').on(t.fundId, t.status),
    index('disbursements_release_idx').on(t.releaseId),
  ],
);

export type { DisbursementPurpose, DisbursementStatus } from '../../shared/fund';
