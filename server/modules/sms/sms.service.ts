import type { DbOrTx } from '../../../db/client';
import type { SmsKind, SmsLanguage, SmsStatus } from '../../../db/schema';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { requirePhone, toE164 } from '../../lib/phone';
import { redactPhone } from '../../lib/redact';
import { isoOrNull, toIso } from '../../lib/time';
import type { KeywordRouter } from './sms.keywords';
import type { Outbox } from './sms.outbox';
import { HELD_BY_QUIET_HOURS, quietHoursRelease } from './sms.quiet';
import { ReplyCodes } from './sms.replycodes';
import {
  findSms,
  findSmsByProviderSid,
  insertSms,
  isOptedOut,
  lastInboundLanguage,
  optedOutPhones,
  type SmsRow,
  updateSms,
} from './sms.repo';
import type { SmsMessage } from './sms.schemas';
import { segmentInfo } from './sms.text';

const PRIORITY: Record<SmsKind, number> = {
  offer: 0,
  page: 0,
  reply: 1,
  direct: 1,
  opt_confirmation: 1,
  inbound: 1,
  reminder: 2,
  broadcast: 2,
  urgent_broadcast: 1,
};

/**
 * Twilio answers these single words itself on long codes (its opt-out list includes REVOKE and OPTOUT);
 * a reply of ours would only be refused. A bare YES is left out: it accepts the one open dispatch offer,
 * and the confirmation with its details must go.
 */
const PROVIDER_KEYWORDS = new Set([
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPTOUT',
  'START',
  'UNSTOP',
  'HELP',
  'INFO',
]);

/** Statuses only move forward: a late "sent" never overwrites "delivered". */
const RANK: Record<SmsStatus, number> = {
  queued: 0,
  sending: 1,
  submitted: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
  opted_out: 4,
  received: 4,
};

const PROVIDER_STATUS: Record<string, SmsStatus> = {
  accepted: 'submitted',
  scheduled: 'submitted',
  queued: 'submitted',
  sending: 'submitted',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

export interface OutgoingRequest {
  to: string;
  body: string;
  kind: SmsKind;
  language?: SmsLanguage | null;
  related?: { type: string; id: number };
}

export interface InboundSms {
  from: string;
  body: string;
  messageSid: string;
}

export class SmsService {
  constructor(
    private readonly core: Core,
    readonly router: KeywordRouter,
    readonly outbox: Outbox,
  ) {}

  /** The reply codes open in every domain, and new ones that are none of them. */
  private readonly replyCodes = new ReplyCodes();
  private queued = false;
  readonly addReplyCodes = this.replyCodes.add;
  readonly replyCodesInUse = this.replyCodes.inUse;
  readonly freshReplyCodes = this.replyCodes.fresh;

  isOptedOut(db: DbOrTx, phone: string): boolean {
    return isOptedOut(db, phone);
  }

  optedOutPhones(db: DbOrTx): Set<string> {
    return optedOutPhones(db);
  }

  /** Wakes the outbox now rather than on its next beat (an inbound reply). */
  wake(): void {
    this.outbox.wake();
  }

  /** True once after any message was queued: only then does a commit need to wake the outbox. */
  takeQueued(): boolean {
    const queued = this.queued;
    this.queued = false;
    return queued;
  }

  /** Queues a message inside the caller's command; the outbox picks it up after commit. */
  enqueue(ctx: CommandContext, req: OutgoingRequest): SmsRow {
    this.queued = true;
    const { SMS_QUIET_HOURS, NETWORK_TZ } = this.core.config;
    const dueAt = HELD_BY_QUIET_HOURS.has(req.kind)
      ? quietHoursRelease(ctx.now, SMS_QUIET_HOURS, NETWORK_TZ)
      : null;
    const row = insertSms(ctx.tx, {
      direction: 'outbound',
      phone: req.to,
      body: req.body,
      kind: req.kind,
      priority: PRIORITY[req.kind],
      language: req.language ?? null,
      status: 'queued',
      relatedType: req.related?.type ?? null,
      relatedId: req.related?.id ?? null,
      dueAt: dueAt && dueAt.getTime() > ctx.now.getTime() ? dueAt : null,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    ctx.emit('sms.queued', { id: row.id, kind: row.kind, status: row.status });
    return row;
  }

  normalizePhone(input: string, path = 'to'): string {
    return requirePhone(input, this.core.config.DEFAULT_COUNTRY, path);
  }

  /** A coordinator's one-off message. */
  sendDirect(actor: Actor, to: string, body: string): SmsRow {
    const phone = this.normalizePhone(to, 'body.to');
    return this.core.commands.run(actor, (ctx) => {
      const row = this.enqueue(ctx, { to: phone, body, kind: 'direct' });
      ctx.audit({ action: 'sms.queued', entity: 'sms', entityId: row.id, changes: { kind: 'direct' } });
      return row;
    });
  }

  /** Queues a copy of a message that failed, for a coordinator who decided it should go again. */
  resend(actor: Actor, id: number): SmsRow {
    return this.core.commands.run(actor, (ctx) => {
      const original = findSms(ctx.tx, id);
      if (original?.direction !== 'outbound') throw new NotFoundError('Outbound message');
      if (original.status !== 'failed' && original.status !== 'undelivered') {
        throw new ConflictError(
          'invalid_state',
          `Only a failed or undelivered message can be resent (this one is ${original.status})`,
        );
      }
      if (original.purgedAt) {
        throw new ConflictError(
          'invalid_state',
          'This message was purged under the retention policy: its number and text are gone',
        );
      }
      const row = this.enqueue(ctx, {
        to: original.phone,
        body: original.body,
        kind: original.kind,
        language: original.language,
        related:
          original.relatedType && original.relatedId
            ? { type: original.relatedType, id: original.relatedId }
            : undefined,
      });
      ctx.audit({ action: 'sms.resent', entity: 'sms', entityId: row.id, changes: { of: original.id } });
      return row;
    });
  }

  /**
   * Records an inbound text once per MessageSid, routes it by keyword and queues the reply, all in one
   * command. Answers null for a repeat of a message already handled. `deferFlush`: the caller waits for
   * `Commands.flushed()` before answering (the webhook does).
   */
  receive(inbound: InboundSms, deferFlush = false): { message: SmsRow; replies: SmsRow[] } | null {
    const phone = toE164(inbound.from, this.core.config.DEFAULT_COUNTRY) ?? inbound.from;
    // Identified before the command opens so every row it writes can say who acted; nothing else runs
    // between this read and the transaction (the driver is synchronous).
    const sender = this.router.identify(this.core.db, phone);
    const actor: Actor = {
      userId: sender.kind === 'user' ? sender.id : null,
      label: `sms:${redactPhone(phone)}`,
      volunteerId: sender.kind === 'volunteer' ? sender.id : null,
      deferFlush,
    };
    return this.core.commands.run(actor, (cmd) => {
      if (findSmsByProviderSid(cmd.tx, inbound.messageSid)) return null;
      const match = this.router.match(inbound.body);
      // People we know chose their language; a stranger is answered in the keyword's.
      const lang: SmsLanguage = sender.language ?? match?.lang ?? lastInboundLanguage(cmd.tx, phone) ?? 'en';
      const message = insertSms(cmd.tx, {
        direction: 'inbound',
        phone,
        body: inbound.body,
        kind: 'inbound',
        priority: PRIORITY.inbound,
        language: lang,
        status: 'received',
        providerSid: inbound.messageSid,
        createdAt: cmd.now,
        updatedAt: cmd.now,
      });
      cmd.audit({
        action: 'sms.received',
        entity: 'sms',
        entityId: message.id,
        changes: { keyword: match?.keyword ?? null, handler: match?.spec.name ?? null, sender: sender.kind },
      });
      cmd.emit('sms.received', { id: message.id, keyword: match?.keyword ?? null, sender: sender.kind });

      const reply = this.router.answer({ cmd, sender, lang, raw: inbound.body }, match);
      const providerAnswers =
        this.core.sms.driver === 'twilio' &&
        match &&
        !match.args.length &&
        PROVIDER_KEYWORDS.has(match.keyword);
      const replies =
        reply && !providerAnswers
          ? [
              this.enqueue(cmd, {
                to: phone,
                body: reply.text,
                kind: reply.kind ?? 'reply',
                language: lang,
                related: { type: 'sms', id: message.id },
              }),
            ]
          : [];
      return { message, replies };
    });
  }

  /** A provider's delivery report; answers false for a message we don't know. */
  applyProviderStatus(
    providerSid: string,
    providerStatus: string,
    errorCode: string | null,
    deferFlush = false,
  ): boolean {
    const next = PROVIDER_STATUS[providerStatus];
    return this.core.commands.run({ userId: null, label: 'sms-provider', deferFlush }, (ctx) => {
      const row = findSmsByProviderSid(ctx.tx, providerSid);
      if (!row) return false;
      if (!next || RANK[next] <= RANK[row.status]) return true;
      const updated = updateSms(ctx.tx, row.id, {
        status: next,
        errorCode: errorCode ?? row.errorCode,
        updatedAt: ctx.now,
      });
      ctx.audit({
        action: `sms.${next}`,
        entity: 'sms',
        entityId: row.id,
        changes: { from: row.status, to: next, errorCode },
      });
      ctx.emit('sms.status', { id: updated.id, status: updated.status, errorCode: updated.errorCode });
      return true;
    });
  }
}

export function toSmsMessage(row: SmsRow, zone: string): SmsMessage {
  return {
    id: row.id,
    direction: row.direction,
    phone: row.phone,
    body: row.body,
    kind: row.kind,
    language: row.language,
    status: row.status,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    attempts: row.attempts,
    relatedType: row.relatedType,
    relatedId: row.relatedId,
    dueAt: isoOrNull(row.dueAt, zone),
    createdAt: toIso(row.createdAt, zone),
    updatedAt: toIso(row.updatedAt, zone),
    ...segmentInfo(row.body),
  };
}
