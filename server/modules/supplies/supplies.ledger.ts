import { randomUUID } from 'node:crypto';
import type { MovementReason } from '../../../shared/supplies';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import type { SuppliesPorts } from './supplies.ports';
import {
  componentsOf,
  findItem,
  type ItemRow,
  insertMovement,
  onHand,
  siteThresholds,
} from './supplies.repo';
import { renderSuppliesText } from './supplies.texts';

export interface HandOut {
  itemId: number;
  siteId: number;
  count: number;
  note?: string | null;
}

export interface Line {
  itemId: number;
  siteId: number;
  delta: number;
  reason: MovementReason;
  releaseId?: number | null;
  expiresOn?: string | null;
  note?: string | null;
  /** When it happened, if earlier than now (hand-outs recorded afterwards from a paper list). */
  at?: Date;
}

/**
 * Every change of stock is a set of ledger lines written in one command. Stock never goes below
 * zero: each item and site a set touches is summed before and after inside the transaction, where
 * SQLite serialises writers, and a set that would go negative changes nothing. Crossing below an
 * item's threshold raises `stock.low` and texts the people who asked for stock alerts, once per
 * crossing; coming back above it clears it.
 */
export class Ledger {
  constructor(
    private readonly core: Core,
    private readonly ports: SuppliesPorts,
  ) {}

  item(ctx: Pick<CommandContext, 'tx'>, id: number, path: string): ItemRow {
    const item = findItem(ctx.tx, id);
    if (!item) throw new ValidationError([{ path, message: 'no such item' }]);
    return item;
  }

  site(ctx: Pick<CommandContext, 'tx'>, id: number, path: string): { id: number; name: string } {
    const site = this.ports.sites.findIn(ctx.tx, id);
    if (!site) throw new ValidationError([{ path, message: 'no such site' }]);
    return site;
  }

  /** Writes the lines as one move; answers the batch id that ties them. */
  writeIn(ctx: CommandContext, lines: Line[], action: string): string {
    const pairs = new Map<string, { itemId: number; siteId: number; change: number }>();
    for (const line of lines) {
      if (!Number.isInteger(line.delta) || line.delta === 0) continue;
      const key = `${line.itemId}:${line.siteId}`;
      const pair = pairs.get(key) ?? { itemId: line.itemId, siteId: line.siteId, change: 0 };
      pair.change += line.delta;
      pairs.set(key, pair);
    }
    const levels = [...pairs.values()].map((p) => {
      const before = onHand(ctx.tx, p.itemId, p.siteId);
      return { ...p, before, after: before + p.change, item: findItem(ctx.tx, p.itemId)! };
    });
    const short = levels.filter((l) => l.after < 0);
    if (short.length) {
      const names = short.map((l) => `${l.item.name} (${l.before} ${l.item.unit} on hand)`).join(', ');
      throw new ConflictError(
        'insufficient_stock',
        `Not enough in stock: ${names}`,
        short.map((l) => ({
          path: `item ${l.item.sku}`,
          message: `${l.before} on hand at site ${l.siteId}; ${-l.change} needed`,
        })),
      );
    }
    const batch = randomUUID();
    for (const line of lines) {
      if (line.delta === 0) continue;
      insertMovement(ctx.tx, {
        itemId: line.itemId,
        siteId: line.siteId,
        delta: line.delta,
        reason: line.reason,
        batch,
        releaseId: line.releaseId ?? null,
        expiresOn: line.expiresOn ?? null,
        note: line.note || null,
        createdBy: ctx.actor.userId,
        at: line.at && line.at.getTime() < ctx.now.getTime() ? line.at : ctx.now,
      });
    }
    ctx.audit({
      action,
      entity: 'stock',
      changes: { batch, lines: lines.map((l) => ({ itemId: l.itemId, siteId: l.siteId, delta: l.delta })) },
    });
    const own = siteThresholds(ctx.tx);
    for (const l of levels) {
      ctx.emit('stock.moved', { itemId: l.itemId, siteId: l.siteId, qty: l.after, delta: l.change });
      this.crossings(ctx, l.item, l.siteId, l.before, l.after, own);
    }
    return batch;
  }

  private crossings(
    ctx: CommandContext,
    item: ItemRow,
    siteId: number,
    before: number,
    after: number,
    own: Map<string, number>,
  ): void {
    const threshold = own.get(`${item.id}:${siteId}`) ?? item.lowStockThreshold;
    if (threshold === null) return;
    const facts = { itemId: item.id, sku: item.sku, name: item.name, siteId, qty: after, threshold };
    if (before >= threshold && after < threshold) {
      ctx.emit('stock.low', facts);
      const site = this.ports.sites.findIn(ctx.tx, siteId)?.name ?? '';
      this.ports.users.textAlertSubscribers(
        ctx,
        'stock',
        (lang) =>
          renderSuppliesText('lowStock', lang, { item: item.name, site, qty: after, unit: item.unit }),
        { kind: 'direct', related: { type: 'supply_item', id: item.id } },
      );
    } else if (before < threshold && after >= threshold) {
      ctx.emit('stock.ok', facts);
    }
  }

  /** One line by hand: a receipt, a correction, or one side of a transfer. */
  move(
    actor: Actor,
    input: { itemId: number; siteId: number; delta: number; reason: MovementReason; note?: string },
  ) {
    return this.core.commands.run(actor, (ctx) => {
      this.item(ctx, input.itemId, 'body.itemId');
      this.site(ctx, input.siteId, 'body.siteId');
      const wanted = input.reason === 'transfer_out' ? -1 : input.reason === 'adjust' ? 0 : 1;
      if (input.delta === 0 || (wanted !== 0 && Math.sign(input.delta) !== wanted))
        throw new ValidationError([
          {
            path: 'body.delta',
            message:
              wanted === 0
                ? 'must not be 0'
                : `must be ${wanted > 0 ? 'positive' : 'negative'} for ${input.reason}`,
          },
        ]);
      return this.writeIn(ctx, [{ ...input }], 'stock.moved');
    });
  }

  /** Out of one site and into another, as one move: both sides or neither. */
  transfer(
    actor: Actor,
    input: { itemId: number; fromSiteId: number; toSiteId: number; qty: number; note?: string },
  ) {
    return this.core.commands.run(actor, (ctx) => {
      this.item(ctx, input.itemId, 'body.itemId');
      this.site(ctx, input.fromSiteId, 'body.fromSiteId');
      this.site(ctx, input.toSiteId, 'body.toSiteId');
      if (input.fromSiteId === input.toSiteId)
        throw new ValidationError([{ path: 'body.toSiteId', message: 'must be another site' }]);
      const { itemId, qty, note } = input;
      return this.writeIn(
        ctx,
        [
          { itemId, siteId: input.fromSiteId, delta: -qty, reason: 'transfer_out', note },
          { itemId, siteId: input.toSiteId, delta: qty, reason: 'transfer_in', note },
        ],
        'stock.transferred',
      );
    });
  }

  /** Several lines received at once (a donation drop-off), each lot with its expiry if it has one. */
  receive(
    actor: Actor,
    input: { siteId: number; lines: { itemId: number; qty: number; expiresOn?: string }[]; note?: string },
  ) {
    return this.core.commands.run(actor, (ctx) => {
      this.site(ctx, input.siteId, 'body.siteId');
      input.lines.forEach((l, i) => {
        this.item(ctx, l.itemId, `body.lines.${i}.itemId`);
      });
      return this.writeIn(
        ctx,
        input.lines.map((l) => ({
          itemId: l.itemId,
          siteId: input.siteId,
          delta: l.qty,
          reason: 'receive' as const,
          expiresOn: l.expiresOn ?? null,
          note: input.note,
        })),
        'stock.received',
      );
    });
  }

  /** A stock count: each difference from the ledger becomes an adjustment, in one move. */
  count(actor: Actor, input: { siteId: number; lines: { itemId: number; counted: number }[] }) {
    return this.core.commands.run(actor, (ctx) => {
      this.site(ctx, input.siteId, 'body.siteId');
      const lines = input.lines.map((l, i) => {
        this.item(ctx, l.itemId, `body.lines.${i}.itemId`);
        const delta = l.counted - onHand(ctx.tx, l.itemId, input.siteId);
        return {
          itemId: l.itemId,
          siteId: input.siteId,
          delta,
          reason: 'adjust' as const,
          note: 'stock count',
        };
      });
      this.writeIn(ctx, lines, 'stock.counted');
      return lines.filter((l) => l.delta !== 0).map((l) => ({ itemId: l.itemId, delta: l.delta }));
    });
  }

  /** N kits at a site: the components out and the kits in, all or nothing. */
  assemble(actor: Actor, kitId: number, input: { siteId: number; count: number }) {
    return this.core.commands.run(actor, (ctx) => {
      const kit = findItem(ctx.tx, kitId);
      if (kit?.kind !== 'kit') throw new NotFoundError('Kit');
      this.site(ctx, input.siteId, 'body.siteId');
      const parts = componentsOf(ctx.tx, [kitId]);
      const lines: Line[] = [
        ...parts.map((p) => ({
          itemId: p.itemId,
          siteId: input.siteId,
          delta: -p.qty * input.count,
          reason: 'assemble_out' as const,
        })),
        { itemId: kitId, siteId: input.siteId, delta: input.count, reason: 'assemble_in' },
      ];
      return this.writeIn(ctx, lines, 'kit.assembled');
    });
  }

  /**
   * Hand-outs written down on paper and recorded later, each on its own day: the forecast reads the
   * pace from them. Stock is checked as for any hand-out.
   */
  recordPastHandOuts(actor: Actor, lines: { itemId: number; siteId: number; count: number; at: Date }[]) {
    return this.core.commands.run(actor, (ctx) =>
      this.writeIn(
        ctx,
        lines.map((l) => ({
          itemId: l.itemId,
          siteId: l.siteId,
          delta: -l.count,
          reason: 'hand_out' as const,
          at: l.at,
        })),
        'stock.handed_out',
      ),
    );
  }

  /** Kits or loose items given to a release's group: recorded against it, and its need ticked. */
  handOut(actor: Actor, releaseId: number, input: HandOut) {
    return this.core.commands.run(actor, (ctx) => this.handOutIn(ctx, releaseId, input));
  }

  /** Inside a command: the hand-out route, or a travel bag given for an itinerary (named in the note). */
  handOutIn(ctx: CommandContext, releaseId: number, input: HandOut, itemPath = 'body.kitId'): string {
    const found = this.ports.releases.findIn(ctx.tx, releaseId);
    if (!found) throw new NotFoundError('Release');
    const item = this.item(ctx, input.itemId, itemPath);
    this.site(ctx, input.siteId, 'body.siteId');
    const batch = this.writeIn(
      ctx,
      [
        {
          itemId: item.id,
          siteId: input.siteId,
          delta: -input.count,
          reason: 'hand_out',
          releaseId,
          note: input.note,
        },
      ],
      'stock.handed_out',
    );
    ctx.emit('release.kits', { id: releaseId, itemId: item.id, count: input.count });
    if (item.need) this.ports.releases.markNeedMetIn(ctx, releaseId, item.need);
    return batch;
  }
}
