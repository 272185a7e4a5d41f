import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/client';
import { EXPIRY_WARN_DAYS, FORECAST_DAYS, FORECAST_HISTORY_DAYS } from '../../../shared/supplies';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { DAY } from '../../lib/clock';
import type { Actor, CommandContext } from '../../lib/commands';
import { type HandOut, Ledger } from './supplies.ledger';
import type { SuppliesPorts } from './supplies.ports';
import {
  componentsOf,
  findItem,
  findItemBySku,
  handOutsSince,
  type ItemRow,
  insertComponents,
  insertItem,
  kitHandOutsBetween,
  listItems,
  lotsExpiringBy,
  setSiteThreshold,
  siteThresholds,
  stockLevels,
  updateItem,
} from './supplies.repo';
import type { CreateItemInput, CreateKitInput, Item, Kit, StockLine } from './supplies.schemas';

function duplicateSku(sku: string): ConflictError {
  return new ConflictError('duplicate_sku', `Another item already has the SKU ${sku}`, [
    { path: 'body.sku', message: 'is already used' },
  ]);
}

/** Items and kits, stock per site from the ledger, what can be built, and how long it will last. */
export class SuppliesService {
  readonly ledger: Ledger;

  constructor(
    private readonly core: Core,
    readonly ports: SuppliesPorts,
  ) {
    this.ledger = new Ledger(core, ports);
  }

  /** Inside another domain's command: a travel bag handed out for an itinerary goes through the ledger. */
  handOutIn(ctx: CommandContext, releaseId: number, input: HandOut, itemPath?: string): string {
    return this.ledger.handOutIn(ctx, releaseId, input, itemPath);
  }

  private toItem(row: ItemRow): Item {
    return {
      id: row.id,
      sku: row.sku,
      name: row.name,
      unit: row.unit,
      category: row.category,
      kind: row.kind,
      need: row.need,
      lowStockThreshold: row.lowStockThreshold,
      active: row.active,
    };
  }

  items(): Item[] {
    return listItems(this.core.db).map((r) => this.toItem(r));
  }

  private insertItemIn(ctx: CommandContext, row: Parameters<typeof insertItem>[1]): ItemRow {
    if (findItemBySku(ctx.tx, row.sku)) throw duplicateSku(row.sku);
    const created = insertItem(ctx.tx, row);
    ctx.audit({
      action: `${row.kind}.created`,
      entity: 'supply_item',
      entityId: created.id,
      changes: { sku: row.sku, name: row.name },
    });
    ctx.emit('supply_item.created', { id: created.id, sku: created.sku, kind: created.kind });
    return created;
  }

  createItem(actor: Actor, input: CreateItemInput): Item {
    const row = this.core.commands.run(actor, (ctx) =>
      this.insertItemIn(ctx, {
        ...input,
        need: input.need ?? null,
        lowStockThreshold: input.lowStockThreshold ?? null,
        kind: 'item',
        createdAt: ctx.now,
      }),
    );
    return this.toItem(row);
  }

  updateItem(
    actor: Actor,
    id: number,
    patch: Partial<Omit<ItemRow, 'id' | 'sku' | 'kind' | 'createdAt'>>,
  ): Item {
    const row = this.core.commands.run(actor, (ctx) => {
      if (!findItem(ctx.tx, id)) throw new NotFoundError('Item');
      const updated = updateItem(ctx.tx, id, patch);
      ctx.audit({
        action: 'supply_item.updated',
        entity: 'supply_item',
        entityId: id,
        changes: { ...patch },
      });
      ctx.emit('supply_item.updated', { id });
      return updated;
    });
    return this.toItem(row);
  }

  createKit(actor: Actor, input: CreateKitInput): Kit {
    const row = this.core.commands.run(actor, (ctx) => {
      const seen = new Set<number>();
      input.components.forEach((c, i) => {
        const part = findItem(ctx.tx, c.itemId);
        const path = `body.components.${i}.itemId`;
        if (!part) throw new ValidationError([{ path, message: 'no such item' }]);
        if (part.kind === 'kit')
          throw new ValidationError([{ path, message: 'a kit is made of loose items' }]);
        if (seen.has(c.itemId)) throw new ValidationError([{ path, message: 'listed twice' }]);
        seen.add(c.itemId);
      });
      const created = this.insertItemIn(ctx, {
        sku: input.sku,
        name: input.name,
        unit: 'kit',
        category: input.category,
        need: input.need ?? null,
        lowStockThreshold: input.lowStockThreshold ?? null,
        kind: 'kit',
        createdAt: ctx.now,
      });
      insertComponents(
        ctx.tx,
        input.components.map((c) => ({ kitId: created.id, itemId: c.itemId, qty: c.qty })),
      );
      return created;
    });
    return this.kits().find((k) => k.id === row.id)!;
  }

  /** A site's own threshold for an item (null: the item's own applies there again). */
  setThreshold(actor: Actor, itemId: number, siteId: number, threshold: number | null): Item {
    this.core.commands.run(actor, (ctx) => {
      if (!findItem(ctx.tx, itemId)) throw new NotFoundError('Item');
      if (!this.ports.sites.findIn(ctx.tx, siteId))
        throw new ValidationError([{ path: 'body.siteId', message: 'no such site' }]);
      setSiteThreshold(ctx.tx, itemId, siteId, threshold);
      ctx.audit({
        action: 'supply_item.threshold',
        entity: 'supply_item',
        entityId: itemId,
        changes: { siteId, threshold },
      });
      ctx.emit('supply_item.updated', { id: itemId, siteId });
    });
    return this.toItem(findItem(this.core.db, itemId)!);
  }

  /** Every kit with its components and how many more each site could assemble now. */
  kits(): Kit[] {
    const db = this.core.db;
    const all = listItems(db);
    const byId = new Map(all.map((i) => [i.id, i]));
    const kits = all.filter((i) => i.kind === 'kit');
    const parts = componentsOf(
      db,
      kits.map((k) => k.id),
    );
    const levels = stockLevels(db);
    const qty = (itemId: number, siteId: number) =>
      levels.find((l) => l.itemId === itemId && l.siteId === siteId)?.qty ?? 0;
    const sites = this.ports.sites.namesById(db);
    return kits.map((k) => {
      const mine = parts.filter((p) => p.kitId === k.id);
      return {
        ...this.toItem(k),
        components: mine.map((p) => ({
          itemId: p.itemId,
          sku: byId.get(p.itemId)?.sku ?? '',
          name: byId.get(p.itemId)?.name ?? '',
          qty: p.qty,
        })),
        buildable: [...sites].map(([siteId, siteName]) => ({
          siteId,
          siteName,
          count: mine.length ? Math.min(...mine.map((p) => Math.floor(qty(p.itemId, siteId) / p.qty))) : 0,
        })),
      };
    });
  }

  /** Kits handed out in [from, to), each with when: the donor report counts them by month. */
  kitsHandedOut(from: Date, to: Date): { at: Date; qty: number }[] {
    return kitHandOutsBetween(this.core.db, from, to);
  }

  private get today(): string {
    return DateTime.fromJSDate(this.core.clock.now(), { zone: this.core.config.NETWORK_TZ }).toISODate()!;
  }

  /** What is on hand, per item and site, with the low and soon-expiring flags. */
  stock(siteId?: number): StockLine[] {
    const db = this.core.db;
    const items = new Map(listItems(db).map((i) => [i.id, i]));
    const sites = this.ports.sites.namesById(db);
    const warnBy = DateTime.fromISO(this.today).plus({ days: EXPIRY_WARN_DAYS }).toISODate()!;
    const expiring = lotsExpiringBy(db, warnBy);
    const own = siteThresholds(db);
    return stockLevels(db, siteId)
      .map((l) => {
        const item = items.get(l.itemId)!;
        const lots = expiring
          .filter((m) => m.itemId === l.itemId && m.siteId === l.siteId)
          .map((m) => m.expiresOn!)
          .sort();
        const threshold = own.get(`${l.itemId}:${l.siteId}`) ?? item.lowStockThreshold;
        return {
          itemId: item.id,
          sku: item.sku,
          name: item.name,
          unit: item.unit,
          kind: item.kind,
          siteId: l.siteId,
          siteName: sites.get(l.siteId) ?? '',
          qty: l.qty,
          threshold,
          low: threshold !== null && l.qty < threshold,
          expiresOn: l.qty > 0 ? (lots[0] ?? null) : null,
          expiringSoon: l.qty > 0 && lots.length > 0,
        };
      })
      .sort((a, b) => a.siteName.localeCompare(b.siteName) || a.name.localeCompare(b.name));
  }

  /**
   * Days of stock left at the pace of the last FORECAST_HISTORY_DAYS of hand-outs, and what to buy or
   * move to cover the next FORECAST_DAYS.
   */
  forecast(db: DbOrTx = this.core.db) {
    const since = new Date(this.core.clock.now().getTime() - FORECAST_HISTORY_DAYS * DAY);
    const used = handOutsSince(db, since);
    const lines = this.stock().map((s) => {
      const perDay =
        (used.find((u) => u.itemId === s.itemId && u.siteId === s.siteId)?.qty ?? 0) / FORECAST_HISTORY_DAYS;
      const rounded = Math.round(perDay * 100) / 100;
      return {
        itemId: s.itemId,
        sku: s.sku,
        name: s.name,
        siteId: s.siteId,
        siteName: s.siteName,
        qty: s.qty,
        perDay: rounded,
        daysLeft: perDay > 0 ? Math.floor((s.qty / perDay) * 10) / 10 : null,
        toCover: Math.max(0, Math.ceil(FORECAST_DAYS * perDay) - s.qty),
      };
    });
    return { days: FORECAST_DAYS, historyDays: FORECAST_HISTORY_DAYS, items: lines };
  }
}
