import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { kitComponents, stockMovements, stockThresholds, supplyItems } from '../../../db/schema';

export type ItemRow = typeof supplyItems.$inferSelect;
export type MovementRow = typeof stockMovements.$inferSelect;
export type ComponentRow = typeof kitComponents.$inferSelect;

export function insertItem(db: DbOrTx, row: typeof supplyItems.$inferInsert): ItemRow {
  return db.insert(supplyItems).values(row).returning().get();
}

export function updateItem(db: DbOrTx, id: number, patch: Partial<typeof supplyItems.$inferInsert>): ItemRow {
  return db.update(supplyItems).set(patch).where(eq(supplyItems.id, id)).returning().get()!;
}

export function findItem(db: DbOrTx, id: number): ItemRow | null {
  return db.select().from(supplyItems).where(eq(supplyItems.id, id)).get() ?? null;
}

export function findItemBySku(db: DbOrTx, sku: string): ItemRow | null {
  return db.select().from(supplyItems).where(eq(supplyItems.sku, sku)).get() ?? null;
}

export function listItems(db: DbOrTx): ItemRow[] {
  return db.select().from(supplyItems).orderBy(asc(supplyItems.name), asc(supplyItems.id)).all();
}

export function insertComponents(db: DbOrTx, rows: ComponentRow[]): void {
  if (rows.length) db.insert(kitComponents).values(rows).run();
}

export function componentsOf(db: DbOrTx, kitIds?: number[]): ComponentRow[] {
  return db
    .select()
    .from(kitComponents)
    .where(kitIds ? inArray(kitComponents.kitId, kitIds) : undefined)
    .all();
}

/** Every site's own threshold, keyed `itemId:siteId`. */
export function siteThresholds(db: DbOrTx): Map<string, number> {
  return new Map(
    db
      .select()
      .from(stockThresholds)
      .all()
      .map((r) => [`${r.itemId}:${r.siteId}`, r.threshold]),
  );
}

export function setSiteThreshold(db: DbOrTx, itemId: number, siteId: number, threshold: number | null): void {
  db.delete(stockThresholds)
    .where(and(eq(stockThresholds.itemId, itemId), eq(stockThresholds.siteId, siteId)))
    .run();
  if (threshold !== null) db.insert(stockThresholds).values({ itemId, siteId, threshold }).run();
}

export function insertMovement(db: DbOrTx, row: typeof stockMovements.$inferInsert): MovementRow {
  return db.insert(stockMovements).values(row).returning().get();
}

/** On hand: the ledger's sum for one item at one site. */
export function onHand(db: DbOrTx, itemId: number, siteId: number): number {
  return (
    db
      .select({ n: sql<number>`coalesce(sum(${stockMovements.delta}), 0)` })
      .from(stockMovements)
      .where(and(eq(stockMovements.itemId, itemId), eq(stockMovements.siteId, siteId)))
      .get()?.n ?? 0
  );
}

/** On hand for every item and site that ever moved. */
export function stockLevels(db: DbOrTx, siteId?: number): { itemId: number; siteId: number; qty: number }[] {
  return db
    .select({
      itemId: stockMovements.itemId,
      siteId: stockMovements.siteId,
      qty: sql<number>`sum(${stockMovements.delta})`,
    })
    .from(stockMovements)
    .where(siteId === undefined ? undefined : eq(stockMovements.siteId, siteId))
    .groupBy(stockMovements.itemId, stockMovements.siteId)
    .all();
}

export interface LedgerFilter {
  itemId?: number;
  siteId?: number;
  releaseId?: number;
  reason?: MovementRow['reason'];
  limit: number;
}

export function ledger(db: DbOrTx, f: LedgerFilter): MovementRow[] {
  return db
    .select()
    .from(stockMovements)
    .where(
      and(
        f.itemId === undefined ? undefined : eq(stockMovements.itemId, f.itemId),
        f.siteId === undefined ? undefined : eq(stockMovements.siteId, f.siteId),
        f.releaseId === undefined ? undefined : eq(stockMovements.releaseId, f.releaseId),
        f.reason === undefined ? undefined : eq(stockMovements.reason, f.reason),
      ),
    )
    .orderBy(sql`${stockMovements.id} desc`)
    .limit(f.limit)
    .all();
}

/** Hand-outs since `since`, per item and site: what the forecast reads. */
export function handOutsSince(db: DbOrTx, since: Date): { itemId: number; siteId: number; qty: number }[] {
  return db
    .select({
      itemId: stockMovements.itemId,
      siteId: stockMovements.siteId,
      qty: sql<number>`-sum(${stockMovements.delta})`,
    })
    .from(stockMovements)
    .where(and(eq(stockMovements.reason, 'hand_out'), gte(stockMovements.at, since)))
    .groupBy(stockMovements.itemId, stockMovements.siteId)
    .all();
}

/** Received lots with an expiry on or before `by`. */
export function lotsExpiringBy(db: DbOrTx, by: string): MovementRow[] {
  return db
    .select()
    .from(stockMovements)
    .where(and(eq(stockMovements.reason, 'receive'), sql`${stockMovements.expiresOn} <= ${by}`))
    .all();
}

/** Kits handed out to releases in [from, to), one line per movement. */
export function kitHandOutsBetween(db: DbOrTx, from: Date, to: Date): { at: Date; qty: number }[] {
  return db
    .select({ at: stockMovements.at, qty: sql<number>`-${stockMovements.delta}` })
    .from(stockMovements)
    .innerJoin(supplyItems, eq(supplyItems.id, stockMovements.itemId))
    .where(
      and(
        eq(stockMovements.reason, 'hand_out'),
        eq(supplyItems.kind, 'kit'),
        gte(stockMovements.at, from),
        lt(stockMovements.at, to),
      ),
    )
    .all();
}
