import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/client';
import { fieldReaders } from '../../../shared/roles';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { plainAmount } from '../../lib/money';
import { toIso } from '../../lib/time';
import type { FundPorts } from './fund.ports';
import {
  balances,
  type FundRow,
  findDisbursement,
  findFund,
  type IncomeRow,
  insertDisbursement,
  insertFund,
  insertIncome,
  listFunds,
  pendingTotals,
  recentDisbursements,
  recentIncome,
  updateDisbursement,
} from './fund.repo';
import type {
  CreateFundInput,
  Disbursement,
  DisbursementInput,
  Fund,
  FundList,
  Income,
  IncomeInput,
  Ledger,
} from './fund.schemas';
import { renderFundText, renderFundWord } from './fund.texts';
import { toDisbursements, toIncome } from './fund.views';

const LEDGER_ROWS = 200;
/** Ledger events reach those who may read the ledger; the report page reloads on a resync. */
const LEDGER_READERS = fieldReaders.fundLedger;

/**
 * Funds, the money that comes into them and what is paid out of them. A balance is income minus what
 * is approved or pending, checked and written in one synchronous transaction, so it never goes below
 * zero however many disbursements arrive at once.
 */
export class FundService {
  constructor(
    private readonly core: Core,
    private readonly ports: FundPorts,
  ) {}

  private get zone() {
    return this.core.config.NETWORK_TZ;
  }

  get currency(): string {
    return this.core.config.CURRENCY;
  }

  private toFund(row: FundRow, balance: number, pending: number): Fund {
    return {
      id: row.id,
      name: row.name,
      source: row.source,
      balanceCents: balance,
      pendingCents: pending,
      currency: this.currency,
      createdAt: toIso(row.createdAt, this.zone),
    };
  }

  list(): FundList {
    const db = this.core.db;
    const balance = balances(db);
    const pending = pendingTotals(db);
    return {
      items: listFunds(db).map((f) => this.toFund(f, balance.get(f.id) ?? 0, pending.get(f.id) ?? 0)),
      currency: this.currency,
      approvalCents: this.core.config.FUND_APPROVAL_CENTS,
      today: DateTime.fromJSDate(this.core.clock.now(), { zone: this.zone }).toISODate()!,
    };
  }

  get(id: number): Fund {
    const db = this.core.db;
    const row = findFund(db, id);
    if (!row) throw new NotFoundError('Fund');
    return this.toFund(row, balances(db, [id]).get(id) ?? 0, pendingTotals(db).get(id) ?? 0);
  }

  create(actor: Actor, input: CreateFundInput): Fund {
    const row = this.core.commands.run(actor, (ctx) => {
      const created = insertFund(ctx.tx, {
        name: input.name,
        source: input.source || null,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
      });
      ctx.audit({
        action: 'fund.created',
        entity: 'fund',
        entityId: created.id,
        changes: { name: created.name },
      });
      ctx.emit('fund.created', { id: created.id }, LEDGER_READERS);
      return created;
    });
    return this.get(row.id);
  }

  fundIn(db: DbOrTx, id: number, path = 'params.id'): FundRow {
    const row = findFund(db, id);
    if (!row) {
      if (path === 'params.id') throw new NotFoundError('Fund');
      throw new ValidationError([{ path, message: 'no such fund' }]);
    }
    return row;
  }

  /** Income written inside the caller's command (one typed entry, or one imported row). */
  recordIncomeIn(
    ctx: CommandContext,
    fundId: number,
    input: IncomeInput & { externalId?: string },
    source: 'typed' | 'import',
  ): IncomeRow {
    this.fundIn(ctx.tx, fundId);
    const row = insertIncome(ctx.tx, {
      fundId,
      amountCents: input.amountCents,
      receivedOn: input.receivedOn,
      note: input.note || null,
      externalId: input.externalId ?? null,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    ctx.audit({
      action: 'fund.income_recorded',
      entity: 'fund',
      entityId: fundId,
      changes: { incomeId: row.id, amountCents: row.amountCents, receivedOn: row.receivedOn, source },
    });
    ctx.emit('fund.income_recorded', { fundId, id: row.id, amountCents: row.amountCents }, LEDGER_READERS);
    return row;
  }

  recordIncome(actor: Actor, fundId: number, input: IncomeInput): Income {
    const row = this.core.commands.run(actor, (ctx) => this.recordIncomeIn(ctx, fundId, input, 'typed'));
    return toIncome(row, this.zone);
  }

  /** The release a disbursement is tied to: the one named, or the itinerary's; both must agree. */
  private releaseFor(ctx: CommandContext, input: DisbursementInput): number | null {
    let releaseId = input.releaseId ?? null;
    if (releaseId !== null && !this.ports.releases.findIn(ctx.tx, releaseId)) {
      throw new ValidationError([{ path: 'body.releaseId', message: 'no such release' }]);
    }
    if (input.itineraryId !== undefined) {
      const itinerary = this.ports.travel.itineraryOf(input.itineraryId);
      if (!itinerary) throw new ValidationError([{ path: 'body.itineraryId', message: 'no such itinerary' }]);
      if (releaseId !== null && itinerary.releaseId !== releaseId) {
        throw new ValidationError([
          { path: 'body.itineraryId', message: 'belongs to another release than releaseId' },
        ]);
      }
      releaseId = itinerary.releaseId;
    }
    return releaseId;
  }

  disburse(actor: Actor, fundId: number, input: DisbursementInput): Disbursement {
    const row = this.core.commands.run(actor, (ctx) => {
      this.fundIn(ctx.tx, fundId);
      const releaseId = this.releaseFor(ctx, input);
      const available = balances(ctx.tx, [fundId]).get(fundId) ?? 0;
      if (input.amountCents > available) {
        throw new ConflictError(
          'insufficient_funds',
          `This fund has ${plainAmount(available, this.currency)} left to give`,
          [{ path: 'body.amountCents', message: `at most ${available}` }],
        );
      }
      const pending = input.amountCents > this.core.config.FUND_APPROVAL_CENTS;
      const created = insertDisbursement(ctx.tx, {
        fundId,
        amountCents: input.amountCents,
        purpose: input.purpose,
        status: pending ? 'pending' : 'approved',
        releaseId,
        itineraryId: input.itineraryId ?? null,
        note: input.note || null,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        decidedAt: pending ? null : ctx.now,
      });
      ctx.audit({
        action: 'disbursement.created',
        entity: 'disbursement',
        entityId: created.id,
        changes: {
          fundId,
          amountCents: created.amountCents,
          purpose: created.purpose,
          status: created.status,
          releaseId,
        },
      });
      ctx.emit(
        'disbursement.created',
        { id: created.id, fundId, amountCents: created.amountCents, status: created.status },
        LEDGER_READERS,
      );
      if (pending) {
        this.ports.users.textCoordinators(
          ctx,
          (lang) =>
            renderFundText('disbursementPending', lang, {
              amount: plainAmount(created.amountCents, this.currency),
              purpose: renderFundWord(`purpose_${created.purpose}`, lang),
            }),
          { kind: 'direct', related: { type: 'disbursement', id: created.id } },
        );
      }
      return created;
    });
    return toDisbursements(this.core.db, [row], this.ports, this.zone)[0]!;
  }

  /** Approve or reject a pending disbursement. The person who asked for it may not decide it. */
  decide(actor: Actor, id: number, decision: 'approved' | 'rejected', reason?: string): Disbursement {
    const row = this.core.commands.run(actor, (ctx) => {
      const current = findDisbursement(ctx.tx, id);
      if (!current) throw new NotFoundError('Disbursement');
      if (current.status !== 'pending') {
        throw new ConflictError('not_pending', `This disbursement is already ${current.status}`);
      }
      if (current.createdBy !== null && current.createdBy === ctx.actor.userId) {
        throw new ConflictError(
          'own_disbursement',
          'Another coordinator must approve or reject what you asked for',
        );
      }
      const updated = updateDisbursement(ctx.tx, id, {
        status: decision,
        decidedBy: ctx.actor.userId,
        decidedAt: ctx.now,
        decisionReason: reason ?? null,
      });
      const verb = decision === 'approved' ? 'approved' : 'rejected';
      ctx.audit({
        action: `disbursement.${verb}`,
        entity: 'disbursement',
        entityId: id,
        changes: {
          fundId: updated.fundId,
          amountCents: updated.amountCents,
          ...(reason ? { reason: '[set]' } : {}),
        },
      });
      ctx.emit(`disbursement.${verb}`, { id, fundId: updated.fundId }, LEDGER_READERS);
      return updated;
    });
    return toDisbursements(this.core.db, [row], this.ports, this.zone)[0]!;
  }

  /** The newest income and disbursements (pending first), of one fund or of all. */
  ledger(fundId?: number): Ledger {
    const db = this.core.db;
    if (fundId !== undefined) this.fundIn(db, fundId, 'querystring.fundId');
    return {
      income: recentIncome(db, fundId, LEDGER_ROWS).map((r) => toIncome(r, this.zone)),
      disbursements: toDisbursements(db, recentDisbursements(db, fundId, LEDGER_ROWS), this.ports, this.zone),
    };
  }
}
