import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Core } from '../../deps';
import { type Actor, systemActor } from '../../lib/commands';
import { redactPhone } from '../../lib/redact';
import type { SmsGateway } from './sms.gateway';
import { HELD_BY_QUIET_HOURS, quietHoursRelease } from './sms.quiet';
import { isOptedOut, nextDueSms, type SmsRow, smsInStatus, updateSms } from './sms.repo';

const MAX_ATTEMPTS = 8;
const outboxActor: Actor = { ...systemActor, label: 'sms-outbox' };

/** 5 s, 10 s, 20 s … up to 10 min, each ±20 % so a recovering provider is not hit in lockstep. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(5_000 * 2 ** (attempt - 1), 600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Hands queued messages to the gateway, most urgent first, never faster than SMS_RATE_PER_SEC.
 *
 * A message is marked `sending` (committed) before the provider is called. If the process dies during
 * that call we cannot know whether the provider took it, so on the next start such a message is not
 * sent again silently (it could be a duplicate) nor dropped silently: it is marked failed with the
 * code `interrupted`, shown in the SMS log, and a coordinator can resend it with one click.
 */
export class Outbox {
  private draining: Promise<void> | undefined;
  private wakeAgain = false;
  private lastHandoff = 0;
  /** When the provider answered each of the latest handoffs, oldest first (one window's worth). */
  private readonly answeredAt: number[] = [];
  private stopped = false;

  constructor(
    private readonly core: Core,
    private readonly gateway: SmsGateway,
    private readonly log: FastifyBaseLogger,
    private readonly statusCallback: string | undefined,
  ) {}

  /** Marks messages left in `sending` by a previous process; call once before the first drain. */
  recoverInterrupted(): number {
    const stuck = smsInStatus(this.core.db, 'sending');
    for (const row of stuck) {
      this.core.commands.run(outboxActor, (ctx) => {
        updateSms(ctx.tx, row.id, {
          status: 'failed',
          errorCode: 'interrupted',
          errorMessage:
            'The server stopped while handing this message over; it may or may not have gone out.',
          updatedAt: ctx.now,
        });
        ctx.audit({
          action: 'sms.failed',
          entity: 'sms',
          entityId: row.id,
          changes: { errorCode: 'interrupted' },
        });
        ctx.emit('sms.status', { id: row.id, status: 'failed', errorCode: 'interrupted' });
      });
    }
    return stuck.length;
  }

  /** Starts a drain, or asks the running one to look again when it is done. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain()
      .catch((err) => this.log.error({ err }, 'sms outbox failed'))
      .finally(() => {
        this.draining = undefined;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  /** Runs the outbox until nothing is due (tests, shutdown). */
  async flush(): Promise<void> {
    this.wake();
    while (this.draining) await this.draining;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const row = nextDueSms(this.core.db, this.core.clock.now());
      if (!row) return;
      await this.deliver(row);
    }
  }

  /**
   * Spaces handoffs `1000 / SMS_RATE_PER_SEC` ms apart. Spacing their starts is not enough: a request
   * reaches the provider some time after it starts (the first one on a new connection later than the
   * rest), so a window is counted from the provider's answer to the handoff one window back, which
   * it can only have seen before answering.
   */
  private async pace(): Promise<void> {
    const rate = this.core.config.SMS_RATE_PER_SEC;
    const gap = 1000 / rate;
    const perWindow = Math.max(1, Math.floor(rate));
    const windowOpensAt =
      this.answeredAt.length >= perWindow ? this.answeredAt[0]! + perWindow * gap : Number.NEGATIVE_INFINITY;
    const at = Math.max(this.lastHandoff + gap, windowOpensAt);
    for (let wait = at - Date.now(); wait > 0; wait = at - Date.now()) await sleep(wait);
    this.lastHandoff = Date.now();
  }

  private answered(): void {
    this.answeredAt.push(Date.now());
    const perWindow = Math.max(1, Math.floor(this.core.config.SMS_RATE_PER_SEC));
    while (this.answeredAt.length > perWindow) this.answeredAt.shift();
  }

  /** Compliance replies (opt-out and opt-in confirmations, HELP) go even to a number that said STOP. */
  private blockedByOptOut(row: SmsRow): boolean {
    if (row.kind === 'opt_confirmation' || !isOptedOut(this.core.db, row.phone)) return false;
    this.finish(row, {
      status: 'opted_out',
      errorCode: 'opted_out',
      errorMessage: 'The number opted out (STOP)',
    });
    return true;
  }

  private async deliver(row: SmsRow): Promise<void> {
    if (this.blockedByOptOut(row) || this.heldUntilMorning(row)) return;
    await this.pace();
    // Checked again after the wait: a STOP that arrived meanwhile still holds.
    if (this.blockedByOptOut(row)) return;
    const attempts = row.attempts + 1;
    this.core.commands.run(outboxActor, (ctx) => {
      updateSms(ctx.tx, row.id, { status: 'sending', attempts, updatedAt: ctx.now });
    });
    const result = await this.gateway.send({
      to: row.phone,
      body: row.body,
      statusCallback: this.statusCallback,
    });
    this.answered();
    if (result.ok) {
      this.log.info(
        { smsId: row.id, to: redactPhone(row.phone), driver: this.gateway.driver },
        'sms handed over',
      );
      this.finish(row, {
        status: result.delivered ? 'delivered' : 'submitted',
        providerSid: result.providerSid,
        errorCode: null,
        errorMessage: null,
      });
    } else if (result.retryable && attempts < MAX_ATTEMPTS) {
      const dueAt = new Date(this.core.clock.now().getTime() + retryDelayMs(attempts));
      this.core.commands.run(outboxActor, (ctx) => {
        updateSms(ctx.tx, row.id, {
          status: 'queued',
          dueAt,
          errorCode: result.code,
          errorMessage: result.message.slice(0, 500),
          updatedAt: ctx.now,
        });
        ctx.emit('sms.status', {
          id: row.id,
          status: 'queued',
          errorCode: result.code,
          retryAt: dueAt.toISOString(),
        });
      });
      this.log.warn({ smsId: row.id, attempts, code: result.code }, 'sms handoff failed; will retry');
    } else {
      this.finish(row, {
        status: 'failed',
        errorCode: result.code,
        errorMessage: result.message.slice(0, 500),
      });
    }
  }

  /**
   * Quiet hours are checked at handoff too, not only when queued: a retry's backoff or a long queue
   * can carry a broadcast past the start of the night.
   */
  private heldUntilMorning(row: SmsRow): boolean {
    if (!HELD_BY_QUIET_HOURS.has(row.kind)) return false;
    const { SMS_QUIET_HOURS, NETWORK_TZ } = this.core.config;
    const now = this.core.clock.now();
    const release = quietHoursRelease(now, SMS_QUIET_HOURS, NETWORK_TZ);
    if (release.getTime() <= now.getTime()) return false;
    this.core.commands.run(outboxActor, (ctx) => {
      updateSms(ctx.tx, row.id, { dueAt: release, updatedAt: ctx.now });
      ctx.emit('sms.status', { id: row.id, status: 'queued', dueAt: release.toISOString() });
    });
    return true;
  }

  private finish(row: SmsRow, patch: Parameters<typeof updateSms>[2] & { status: SmsRow['status'] }): void {
    this.core.commands.run(outboxActor, (ctx) => {
      const updated = updateSms(ctx.tx, row.id, { ...patch, updatedAt: ctx.now });
      ctx.audit({
        action: `sms.${patch.status}`,
        entity: 'sms',
        entityId: row.id,
        changes: { errorCode: updated.errorCode },
      });
      ctx.emit('sms.status', { id: row.id, status: updated.status, errorCode: updated.errorCode });
    });
  }
}
