import { z } from 'zod';
import {
  disbursementPurposes,
  disbursementStatuses,
  fundImportStatuses,
  MAX_AMOUNT_CENTS,
  MAX_FUND_NOTE,
} from '../../../shared/fund';

const localDate = z.iso.date({ error: 'must be a date such as 2026-12-01' });
/** Whole cents (or the currency's minor unit), positive and bounded. */
export const amountCents = z
  .number({ error: 'must be a whole number of cents' })
  .int('must be a whole number of cents')
  .min(1, 'must be more than zero')
  .max(MAX_AMOUNT_CENTS, `must be at most ${MAX_AMOUNT_CENTS} cents`);
const note = z.string().trim().max(MAX_FUND_NOTE);

export const createFundBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  source: z.string().trim().max(120).optional(),
});
export type CreateFundInput = z.output<typeof createFundBody>;

export const fund = z.object({
  id: z.number().int(),
  name: z.string(),
  source: z.string().nullable(),
  /** Income minus what is approved or pending: what may still be promised. */
  balanceCents: z.number().int(),
  pendingCents: z.number().int(),
  currency: z.string(),
  createdAt: z.string(),
});
export type Fund = z.output<typeof fund>;
export const fundList = z.object({
  items: z.array(fund),
  currency: z.string(),
  approvalCents: z.number().int(),
  /** The network's date today: what money typed in now was received on. */
  today: z.string(),
});
export type FundList = z.output<typeof fundList>;

export const incomeBody = z.strictObject({
  amountCents,
  receivedOn: localDate,
  note: note.optional(),
});
export type IncomeInput = z.output<typeof incomeBody>;

export const income = z.object({
  id: z.number().int(),
  fundId: z.number().int(),
  amountCents: z.number().int(),
  receivedOn: z.string(),
  note: z.string().nullable(),
  imported: z.boolean(),
  createdAt: z.string(),
});
export type Income = z.output<typeof income>;

export const disbursementBody = z.strictObject({
  amountCents,
  purpose: z.enum(disbursementPurposes),
  releaseId: z.number().int().positive().optional(),
  itineraryId: z.number().int().positive().optional(),
  note: note.optional(),
});
export type DisbursementInput = z.output<typeof disbursementBody>;

export const disbursement = z.object({
  id: z.number().int(),
  fundId: z.number().int(),
  amountCents: z.number().int(),
  purpose: z.enum(disbursementPurposes),
  status: z.enum(disbursementStatuses),
  releaseId: z.number().int().nullable(),
  releaseCode: z.string().nullable(),
  itineraryId: z.number().int().nullable(),
  note: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type Disbursement = z.output<typeof disbursement>;

export const rejectBody = z.strictObject({ reason: z.string().trim().min(1).max(MAX_FUND_NOTE) });

export const ledgerQuery = z.object({ fundId: z.coerce.number().int().positive().optional() });
export const ledger = z.object({
  income: z.array(income),
  disbursements: z.array(disbursement),
});
export type Ledger = z.output<typeof ledger>;

export const importQuery = z.object({ fundId: z.coerce.number().int().positive() });
export const importRow = z.object({
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: z.number().int(),
  status: z.enum(fundImportStatuses),
  amountCents: z.number().int().nullable(),
  receivedOn: z.string().nullable(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});
export const importReport = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  refused: z.number().int(),
  importedCents: z.number().int(),
  rows: z.array(importRow),
});
export type FundImportReport = z.output<typeof importReport>;
export type FundImportRow = z.output<typeof importRow>;
