/** Supplies words shared by the server's rules and the dashboard. */
export const itemCategories = ['hygiene', 'travel', 'clothing', 'food', 'water', 'medical', 'other'] as const;
export type ItemCategory = (typeof itemCategories)[number];

/** A loose item, or a kit: a bill of materials that is stock itself once assembled. */
export const itemKinds = ['item', 'kit'] as const;
export type ItemKind = (typeof itemKinds)[number];

/**
 * Why stock moved. Every change is a row in an append-only ledger; stock at a site is their sum.
 * receive, adjust (a count or a correction), transfer_out/transfer_in (one move between two sites),
 * assemble_out/assemble_in (components into kits), hand_out (to a release).
 */
export const movementReasons = [
  'receive',
  'adjust',
  'transfer_in',
  'transfer_out',
  'assemble_in',
  'assemble_out',
  'hand_out',
] as const;
export type MovementReason = (typeof movementReasons)[number];

/** The reasons a person may write by hand on POST /api/supplies/movements. */
export const manualReasons = ['receive', 'adjust', 'transfer_in', 'transfer_out'] as const;

/** The release needs that supplies meet. */
export const suppliedNeeds = ['hygiene_kit', 'travel_bag', 'clothing', 'shoes', 'food', 'water'] as const;
export type SuppliedNeed = (typeof suppliedNeeds)[number];

/** Per-user alert subscriptions, texted to the user's phone. */
export const alertKinds = ['stock'] as const;
export type AlertKind = (typeof alertKinds)[number];

export const MAX_QTY = 100_000;
export const MAX_KIT_COMPONENTS = 30;
/** Items whose received lots expire within this many days are flagged. */
export const EXPIRY_WARN_DAYS = 30;
/** The forecast covers this many days ahead, from the hand-outs of the last FORECAST_HISTORY_DAYS. */
export const FORECAST_DAYS = 7;
export const FORECAST_HISTORY_DAYS = 28;
