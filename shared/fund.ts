/** Community fund words shared by the server's rules and the dashboard. */
export const disbursementPurposes = ['ticket', 'food', 'cash', 'lodging', 'phone', 'other'] as const;
export type DisbursementPurpose = (typeof disbursementPurposes)[number];

/**
 * approved: the money is spent; pending: above FUND_APPROVAL_CENTS, waiting for a coordinator, and
 * already held against the balance so approving it can never overdraw; rejected: the hold is freed.
 */
export const disbursementStatuses = ['approved', 'pending', 'rejected'] as const;
export type DisbursementStatus = (typeof disbursementStatuses)[number];

/** One income or disbursement line: a million in the network's currency at most. */
export const MAX_AMOUNT_CENTS = 100_000_000;
export const MAX_FUND_IMPORT_ROWS = 5000;
export const MAX_FUND_NOTE = 300;

/** What an income import did with each row of the file. */
export const fundImportStatuses = ['imported', 'duplicate', 'refused'] as const;
export type FundImportStatus = (typeof fundImportStatuses)[number];
