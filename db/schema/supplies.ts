import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { itemCategories, itemKinds, movementReasons, suppliedNeeds } from '../../shared/supplies';
import { instant } from './columns';
import { releases } from './releases';
import { sites } from './sites';

/** Something kept in stock: a loose item, or a kit assembled from items. */
export const supplyItems = sqliteTable(
  'supply_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    category: text('category', { enum: itemCategories }).notNull(),
    kind: text('kind', { enum: itemKinds }).notNull(),
    /** The release need handing this out meets, if any. */
    need: text('need', { enum: suppliedNeeds }),
    /** Below this many at a site, the people who asked for stock alerts are told. */
    lowStockThreshold: integer('low_stock_threshold'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('supply_items_sku_idx').on(t.sku)],
);

export const kitComponents = sqliteTable(
  'kit_components',
  {
    kitId: integer('kit_id')
      .notNull()
      .references(() => supplyItems.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => supplyItems.id),
    qty: integer('qty').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kitId, t.itemId] })],
);

/** A site's own low-stock threshold for an item, instead of the item's. */
export const stockThresholds = sqliteTable(
  'stock_thresholds',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => supplyItems.id),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    threshold: integer('threshold').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.siteId] })],
);

/**
 * The append-only stock ledger: stock of an item at a site is the sum of its deltas. Rows of one
 * move (a transfer's two sides, an assembly's components and kits) share a `batch`.
 */
export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => supplyItems.id),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: movementReasons }).notNull(),
    batch: text('batch').notNull(),
    releaseId: integer('release_id').references(() => releases.id),
    /** A received lot's expiry date (YYYY-MM-DD). */
    expiresOn: text('expires_on'),
    note: text('note'),
    createdBy: integer('created_by'),
    at: instant('at').notNull(),
  },
  (t) => [
    index('stock_movements_item_site_idx').on(t.itemId, t.siteId),
    index('stock_movements_at_idx').on(t.at),
  ],
);

export type { ItemCategory, ItemKind, MovementReason } from '../../shared/supplies';
export { itemCategories, itemKinds, movementReasons } from '../../shared/supplies';
