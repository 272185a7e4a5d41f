import { z } from 'zod';
import {
  itemCategories,
  itemKinds,
  MAX_KIT_COMPONENTS,
  MAX_QTY,
  manualReasons,
  movementReasons,
  suppliedNeeds,
} from '../../../shared/supplies';

const localDate = z.iso.date({ error: 'must be a date such as 2026-12-01' });
const qty = z.number().int().min(1).max(MAX_QTY);
const sku = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only')
  .transform((v) => v.toUpperCase());

export const createItemBody = z.strictObject({
  sku,
  name: z.string().trim().min(1).max(120),
  unit: z.string().trim().min(1).max(20).default('each'),
  category: z.enum(itemCategories).default('other'),
  need: z.enum(suppliedNeeds).optional(),
  lowStockThreshold: z.number().int().min(0).max(MAX_QTY).optional(),
});
export type CreateItemInput = z.output<typeof createItemBody>;

export const updateItemBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  category: z.enum(itemCategories).optional(),
  need: z.enum(suppliedNeeds).nullable().optional(),
  lowStockThreshold: z.number().int().min(0).max(MAX_QTY).nullable().optional(),
  active: z.boolean().optional(),
});

export const thresholdBody = z.strictObject({
  siteId: z.number().int().positive(),
  /** null: the item's own threshold applies at this site again. */
  threshold: z.number().int().min(0).max(MAX_QTY).nullable(),
});

export const item = z.object({
  id: z.number().int(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  category: z.enum(itemCategories),
  kind: z.enum(itemKinds),
  need: z.enum(suppliedNeeds).nullable(),
  lowStockThreshold: z.number().int().nullable(),
  active: z.boolean(),
});
export type Item = z.output<typeof item>;
export const itemList = z.object({ items: z.array(item) });

export const createKitBody = z.strictObject({
  sku,
  name: z.string().trim().min(1).max(120),
  category: z.enum(itemCategories).default('hygiene'),
  need: z.enum(suppliedNeeds).optional(),
  lowStockThreshold: z.number().int().min(0).max(MAX_QTY).optional(),
  components: z
    .array(z.strictObject({ itemId: z.number().int().positive(), qty }))
    .min(1)
    .max(MAX_KIT_COMPONENTS),
});
export type CreateKitInput = z.output<typeof createKitBody>;

export const kit = item.extend({
  components: z.array(
    z.object({ itemId: z.number().int(), sku: z.string(), name: z.string(), qty: z.number().int() }),
  ),
  /** How many more could be assembled at each site from what is on hand there. */
  buildable: z.array(z.object({ siteId: z.number().int(), siteName: z.string(), count: z.number().int() })),
});
export type Kit = z.output<typeof kit>;
export const kitList = z.object({ items: z.array(kit) });

export const movementBody = z.strictObject({
  itemId: z.number().int().positive(),
  siteId: z.number().int().positive(),
  delta: z.number().int().min(-MAX_QTY).max(MAX_QTY),
  reason: z.enum(manualReasons),
  note: z.string().trim().max(300).optional(),
});
export const transferBody = z.strictObject({
  itemId: z.number().int().positive(),
  fromSiteId: z.number().int().positive(),
  toSiteId: z.number().int().positive(),
  qty,
  note: z.string().trim().max(300).optional(),
});
export const receiptBody = z.strictObject({
  siteId: z.number().int().positive(),
  lines: z
    .array(z.strictObject({ itemId: z.number().int().positive(), qty, expiresOn: localDate.optional() }))
    .min(1)
    .max(100),
  note: z.string().trim().max(300).optional(),
});
export const countBody = z.strictObject({
  siteId: z.number().int().positive(),
  lines: z
    .array(
      z.strictObject({ itemId: z.number().int().positive(), counted: z.number().int().min(0).max(MAX_QTY) }),
    )
    .min(1)
    .max(500),
});
export const countResult = z.object({
  adjusted: z.array(z.object({ itemId: z.number().int(), delta: z.number().int() })),
});
export const assembleBody = z.strictObject({ siteId: z.number().int().positive(), count: qty });
export const handOutBody = z.strictObject({
  kitId: z.number().int().positive(),
  siteId: z.number().int().positive(),
  count: qty,
});
export const moved = z.object({ batch: z.string() });

export const stockQuery = z.object({ siteId: z.coerce.number().int().positive().optional() });
export const stockLine = z.object({
  itemId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(itemKinds),
  siteId: z.number().int(),
  siteName: z.string(),
  qty: z.number().int(),
  threshold: z.number().int().nullable(),
  low: z.boolean(),
  /** The earliest expiry among lots received here that are still within the warning window. */
  expiresOn: z.string().nullable(),
  expiringSoon: z.boolean(),
});
export type StockLine = z.output<typeof stockLine>;
export const stock = z.object({ items: z.array(stockLine) });

export const ledgerQuery = z.object({
  itemId: z.coerce.number().int().positive().optional(),
  siteId: z.coerce.number().int().positive().optional(),
  releaseId: z.coerce.number().int().positive().optional(),
  reason: z.enum(movementReasons).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const movement = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  siteId: z.number().int(),
  delta: z.number().int(),
  reason: z.enum(movementReasons),
  batch: z.string(),
  releaseId: z.number().int().nullable(),
  expiresOn: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export const movementList = z.object({ items: z.array(movement) });

export const forecastLine = z.object({
  itemId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  siteId: z.number().int(),
  siteName: z.string(),
  qty: z.number().int(),
  perDay: z.number(),
  /** null when nothing was handed out lately. */
  daysLeft: z.number().nullable(),
  /** To buy or move here to cover the coming days at the recent pace. */
  toCover: z.number().int(),
});
export const forecast = z.object({
  days: z.number().int(),
  historyDays: z.number().int(),
  items: z.array(forecastLine),
});
