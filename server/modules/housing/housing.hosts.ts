import { z } from 'zod';
import type { DbOrTx } from '../../../db/client';
import type { SmsLanguage } from '../../../shared/sms';
import type { Core } from '../../deps';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../errors';
import { defineJob } from '../../infra/jobs';
import { MINUTE } from '../../lib/clock';
import type { Actor, CommandContext } from '../../lib/commands';
import { shortDay } from '../../lib/dates';
import { toIso } from '../../lib/time';
import type { ReplyTarget } from '../sms/sms.keywords';
import type { HousingPorts } from './housing.ports';
import {
  findHostRequest,
  findHousingSite,
  type HostRequestRow,
  hostRequestsOfRelease,
  hostRequestsWithCodeFor,
  insertHostRequest,
  openHostRequestCodes,
  openHostRequestsFor,
  updateHostRequest,
} from './housing.repo';
import type { HostRequest } from './housing.schemas';
import type { Stays } from './housing.stays';
import { suggestSites } from './housing.suggestions';
import { renderHousingText } from './housing.texts';

export interface HostRequestInput {
  housingSiteId: number;
  releaseId: number;
  people: number;
  checkIn: string;
  nights: number;
}

/**
 * Asking a volunteer host by text before placing anyone in their home: the stay is placed only when
 * the host answers YES with the request's code, inside that inbound command, with every capacity rule
 * checked again then. A NO, or no answer within HOST_REPLY_MINUTES, goes back to the coordinators
 * with the next suggestion.
 */
export class HostRequests {
  readonly expiryJob;

  constructor(
    private readonly core: Core,
    private readonly ports: HousingPorts,
    private readonly stays: Stays,
  ) {
    this.expiryJob = defineJob(
      'housing.host_request_expired',
      z.object({ requestId: z.coerce.number().int() }),
      (ctx, p) => this.expireIn(ctx, p.requestId),
      { actor: 'housing' },
    );
  }

  private get zone() {
    return this.core.config.NETWORK_TZ;
  }

  toHostRequest(row: HostRequestRow): HostRequest {
    return {
      id: row.id,
      housingSiteId: row.housingSiteId,
      releaseId: row.releaseId,
      people: row.people,
      checkIn: row.checkIn,
      nights: row.nights,
      code: row.code,
      state: row.state,
      stayId: row.stayId,
      expiresAt: toIso(row.expiresAt, this.zone),
      createdAt: toIso(row.createdAt, this.zone),
    };
  }

  ofRelease(releaseId: number): HostRequest[] {
    return hostRequestsOfRelease(this.core.db, releaseId).map((r) => this.toHostRequest(r));
  }

  /** Codes of requests still waiting for an answer: no new reply code may take one. */
  openCodes(db: DbOrTx): Set<string> {
    return openHostRequestCodes(db);
  }

  /** Requests waiting for an answer from this phone, oldest first. */
  openFor(db: DbOrTx, phone: string): HostRequestRow[] {
    return openHostRequestsFor(db, phone);
  }

  /** YES or NO from a host: the request with the code, or their only open one without a code. */
  readonly replies: ReplyTarget = {
    name: 'housing-hosts',
    find: (ctx, code) => {
      const phone = ctx.sender.phone;
      const request = code
        ? hostRequestsWithCodeFor(ctx.cmd.tx, phone, code)[0]
        : ((open) => (open.length === 1 ? open[0] : undefined))(openHostRequestsFor(ctx.cmd.tx, phone));
      if (!request) return null;
      return { answer: (yes) => ({ text: this.answerIn(ctx.cmd, request, yes, ctx.lang), kind: 'offer' }) };
    },
  };

  ask(actor: Actor, input: HostRequestInput): HostRequest {
    const row = this.core.commands.run(actor, (ctx) => {
      const site = findHousingSite(ctx.tx, input.housingSiteId);
      if (!site) throw new ValidationError([{ path: 'body.housingSiteId', message: 'no such housing site' }]);
      if (!site.contactPhone)
        throw new ConflictError(
          'no_contact',
          `${site.name} has no host phone to text; place the stay directly`,
        );
      // The same checks as a placement, now; they run again when the host says YES.
      this.stays.check(ctx, input);
      const code = this.ports.sms.freshReplyCodes(ctx.tx, 1)[0]!;
      const request = insertHostRequest(ctx.tx, {
        ...input,
        code,
        state: 'asked',
        expiresAt: new Date(ctx.now.getTime() + this.core.config.HOST_REPLY_MINUTES * MINUTE),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
      });
      const lang = site.contactLanguage;
      this.ports.sms.enqueue(ctx, {
        to: site.contactPhone,
        body: renderHousingText('hostAsk', lang, {
          code,
          people: input.people,
          nights: input.nights,
          date: shortDay(input.checkIn, lang),
        }),
        kind: 'offer',
        language: lang,
        related: { type: 'host_request', id: request.id },
      });
      this.core.scheduler.schedule(ctx.tx, this.expiryJob, {
        dueAt: request.expiresAt,
        payload: { requestId: request.id },
        dedupeKey: `host_request:${request.id}`,
      });
      const facts = {
        id: request.id,
        housingSiteId: site.id,
        releaseId: input.releaseId,
        people: input.people,
      };
      ctx.audit({
        action: 'host_request.sent',
        entity: 'host_request',
        entityId: request.id,
        changes: facts,
      });
      ctx.emit('host_request.sent', { ...facts, state: 'asked' });
      return request;
    });
    return this.toHostRequest(row);
  }

  /** A host's YES or NO, inside the inbound command. Answers the reply to text back. */
  answerIn(ctx: CommandContext, request: HostRequestRow, yes: boolean, lang: SmsLanguage): string {
    if (request.state !== 'asked') return renderHousingText('hostTooLate', lang, { code: request.code });
    if (!yes) {
      this.close(ctx, request, 'declined');
      this.tellCoordinators(ctx, request, 'declined');
      return renderHousingText('hostDeclined', lang);
    }
    try {
      const stay = this.stays.placeIn(ctx, { ...request });
      this.close(ctx, request, 'accepted', stay.id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      this.close(ctx, request, 'expired');
      this.tellCoordinators(ctx, request, err.code);
      return renderHousingText('hostNoRoom', lang, { code: request.code });
    }
    const release = this.ports.releases.findIn(ctx.tx, request.releaseId)!.release;
    return renderHousingText('hostConfirmed', lang, {
      release: release.code,
      people: request.people,
      nights: request.nights,
      date: shortDay(request.checkIn, lang),
    });
  }

  private close(
    ctx: CommandContext,
    request: HostRequestRow,
    state: 'accepted' | 'declined' | 'expired' | 'cancelled',
    stayId?: number,
  ) {
    updateHostRequest(ctx.tx, request.id, { state, respondedAt: ctx.now, stayId: stayId ?? null });
    ctx.audit({
      action: `host_request.${state}`,
      entity: 'host_request',
      entityId: request.id,
      changes: { stayId },
    });
    ctx.emit(`host_request.${state}`, {
      id: request.id,
      housingSiteId: request.housingSiteId,
      releaseId: request.releaseId,
      state,
    });
  }

  /** The coordinators hear which host could not, and the best site to ask next. */
  private tellCoordinators(ctx: CommandContext, request: HostRequestRow, why: string): void {
    const found = this.ports.releases.findIn(ctx.tx, request.releaseId);
    const site = findHousingSite(ctx.tx, request.housingSiteId);
    if (!found || !site) return;
    const next = suggestSites(ctx.tx, {
      checkIn: request.checkIn,
      nights: request.nights,
      people: request.people,
      children: found.release.children,
      languages: found.release.languages,
      accessible: false,
    }).find((s) => s.fits && s.housingSiteId !== site.id);
    this.ports.users.textCoordinators(
      ctx,
      (lang) =>
        renderHousingText('hostRefused', lang, {
          site: site.name,
          release: found.release.code,
          why:
            why === 'declined'
              ? lang === 'es'
                ? 'dijo que no'
                : 'said no'
              : why === 'expired'
                ? lang === 'es'
                  ? 'sin respuesta'
                  : 'no answer'
                : why,
          next: next ? `${next.name} (${next.freeBeds})` : '-',
        }),
      { kind: 'page', related: { type: 'host_request', id: request.id } },
    );
  }

  expireIn(ctx: CommandContext, requestId: number): void {
    const request = findHostRequest(ctx.tx, requestId);
    if (request?.state !== 'asked') return;
    this.close(ctx, request, 'expired');
    this.tellCoordinators(ctx, request, 'expired');
  }

  cancel(actor: Actor, id: number): HostRequest {
    const row = this.core.commands.run(actor, (ctx) => {
      const request = findHostRequest(ctx.tx, id);
      if (!request) throw new NotFoundError('Host request');
      if (request.state === 'asked') this.close(ctx, request, 'cancelled');
      return findHostRequest(ctx.tx, id)!;
    });
    return this.toHostRequest(row);
  }
}
