import { z } from 'zod';
import type { DbOrTx } from '../../../db/client';
import type { Core } from '../../deps';
import { defineJob } from '../../infra/jobs';
import { HOUR, MINUTE } from '../../lib/clock';
import type { CommandContext } from '../../lib/commands';
import { shortDateTime } from '../../lib/dates';
import { languageList } from '../../lib/texts';
import { setOffer } from './dispatch.offers';
import type { DispatchPorts } from './dispatch.ports';
import { type Candidate, type RankingInput, rankCandidates } from './dispatch.ranking';
import {
  acceptedOffers,
  closeDispatch,
  countOffers,
  type DispatchRow,
  findDispatch,
  insertOffer,
  offersOf,
  updateDispatch,
} from './dispatch.repo';
import { RosterCache } from './dispatch.roster';
import { renderDispatchText } from './dispatch.texts';

const dispatchId = z.coerce.number().int();

/**
 * Asking volunteers in waves: each wave offers the next best candidates; when its offers expire
 * unanswered the next goes out, and after the last wave or the deadline the coordinators are told.
 * Waves and deadlines are jobs, so a restart between waves loses nothing and sends nothing twice.
 */
export class DispatchWaves {
  private readonly roster: RosterCache;
  readonly waveExpiredJob;
  readonly deadlineJob;

  constructor(
    private readonly core: Core,
    private readonly ports: DispatchPorts,
  ) {
    this.roster = new RosterCache(ports);
    this.waveExpiredJob = defineJob(
      'dispatch.wave_expired',
      z.object({ dispatchId, wave: z.coerce.number().int() }),
      (ctx, p) => this.waveExpired(ctx, p.dispatchId, p.wave),
      { actor: 'dispatch' },
    );
    this.deadlineJob = defineJob(
      'dispatch.deadline',
      z.object({ dispatchId }),
      (ctx, p) => this.deadlinePassed(ctx, p.dispatchId),
      { actor: 'dispatch' },
    );
  }

  private get cfg() {
    return this.core.config;
  }

  /** The deadline job for a dispatch's current deadline. */
  scheduleDeadline(ctx: CommandContext, dispatch: DispatchRow, dedupeKey: string): void {
    this.core.scheduler.schedule(ctx.tx, this.deadlineJob, {
      dueAt: dispatch.deadlineAt,
      payload: { dispatchId: dispatch.id },
      dedupeKey,
    });
  }

  /** Everyone ranked for a dispatch, or only the first `limit` eligible. */
  rank(db: DbOrTx, now: Date, dispatch: DispatchRow, limit?: number): Candidate[] {
    const release = this.ports.releases.rowIn(db, dispatch.releaseId)!;
    const offers = offersOf(db, dispatch.id);
    const input: RankingInput = {
      siteId: release.siteId,
      languages: dispatch.languages,
      skills: dispatch.skills,
      now,
      validMs: this.cfg.SCREENING_VALID_HOURS * HOUR,
      alreadyAsked: new Set(offers.map((o) => o.volunteerId)),
    };
    return this.rankFor(db, input, limit);
  }

  /** Ranks the whole roster for an input: the roster from the cache, the other facts read once. */
  rankFor(db: DbOrTx, input: RankingInput, limit?: number): Candidate[] {
    const accepted = acceptedOffers(db);
    const open = this.ports.releases.openAmong(db, [...new Set(accepted.map((a) => a.releaseId))]);
    const facts = {
      optedOut: this.ports.sms.optedOutPhones(db),
      busy: new Set(accepted.filter((a) => open.has(a.releaseId)).map((a) => a.volunteerId)),
      onShift: this.ports.shifts.onShiftNow(db, input.now),
    };
    return rankCandidates(this.roster.read(db), facts, input, limit);
  }

  /** Offers the next best candidates, about DISPATCH_WAVE_FACTOR × the places still open. */
  sendWave(ctx: CommandContext, dispatch: DispatchRow): DispatchRow {
    const r = this.ports.releases.rowIn(ctx.tx, dispatch.releaseId)!;
    const site = this.ports.sites.findIn(ctx.tx, r.siteId)!;
    const offers = offersOf(ctx.tx, dispatch.id);
    const accepted = offers.filter((o) => o.state === 'accepted').length;
    const open = offers.filter((o) => o.state === 'offered').length;
    const want = Math.ceil((dispatch.needed - accepted) * this.cfg.DISPATCH_WAVE_FACTOR) - open;
    const chosen = this.rank(ctx.tx, ctx.now, dispatch, Math.max(0, want));
    if (chosen.length === 0 && open === 0) return this.escalate(ctx, dispatch, 'nobody left to ask');

    const wave = dispatch.wave + 1;
    const expiresAt = new Date(ctx.now.getTime() + this.cfg.DISPATCH_OFFER_MINUTES * MINUTE);
    const codes = this.ports.sms.freshReplyCodes(ctx.tx, chosen.length);
    for (const c of chosen) {
      const code = codes.shift()!;
      const offer = insertOffer(ctx.tx, {
        dispatchId: dispatch.id,
        volunteerId: c.volunteerId,
        code,
        wave,
        state: 'offered',
        reason: c.why,
        offeredAt: ctx.now,
        expiresAt,
      });
      const volunteer = this.ports.volunteers.findIn(ctx.tx, c.volunteerId)!;
      const lang = volunteer.smsLanguage;
      const expected = r.status === 'expected' && r.expectedAt;
      const body = renderDispatchText(expected ? 'offerExpected' : 'offer', lang, {
        code,
        people: r.adults + r.children,
        site: site.name,
        when: expected ? shortDateTime(expected, this.cfg.NETWORK_TZ, lang) : '',
        langs: languageList(lang, dispatch.languages) || (lang === 'es' ? 'por confirmar' : 'not known yet'),
      });
      this.ports.sms.enqueue(ctx, {
        to: volunteer.phone,
        body,
        kind: 'offer',
        language: lang,
        related: { type: 'dispatch_offer', id: offer.id },
      });
      ctx.emit('dispatch.offer_sent', {
        dispatchId: dispatch.id,
        releaseId: dispatch.releaseId,
        volunteerId: c.volunteerId,
        wave,
      });
    }
    const updated = updateDispatch(ctx.tx, dispatch.id, { wave, updatedAt: ctx.now });
    this.core.scheduler.schedule(ctx.tx, this.waveExpiredJob, {
      dueAt: expiresAt,
      payload: { dispatchId: dispatch.id, wave },
      // `add` starts the wave count again while the earlier wave of that number may still be pending.
      dedupeKey: `dispatch:${dispatch.id}:wave:${wave}:${expiresAt.getTime()}`,
    });
    ctx.audit({
      action: 'dispatch.wave',
      entity: 'dispatch',
      entityId: dispatch.id,
      changes: { wave, offered: chosen.length },
    });
    return updated;
  }

  /** The wave's time is up: expire what was not answered, then ask the next wave or escalate. */
  waveExpired(ctx: CommandContext, dispatchId: number, wave: number): void {
    const dispatch = findDispatch(ctx.tx, dispatchId);
    if (dispatch?.status !== 'open' || this.releaseFinished(ctx, dispatch)) return;
    let waiting = false;
    for (const offer of offersOf(ctx.tx, dispatchId)) {
      if (offer.state !== 'offered' || offer.wave > wave) continue;
      if (offer.expiresAt.getTime() <= ctx.now.getTime()) setOffer(ctx, dispatch, offer, 'expired');
      else waiting = true;
    }
    // Offers of this wave still running were sent after an `add`: their own job ends the wave.
    if (dispatch.wave !== wave || waiting) return;
    if (dispatch.wave >= this.cfg.DISPATCH_MAX_WAVES || ctx.now.getTime() >= dispatch.deadlineAt.getTime()) {
      this.escalate(ctx, dispatch, 'no more waves');
    } else {
      this.sendWave(ctx, dispatch);
    }
  }

  /** A release closed or cancelled while its dispatch was open: no next wave, and no alarm. */
  private releaseFinished(ctx: CommandContext, dispatch: DispatchRow): boolean {
    const status = this.ports.releases.rowIn(ctx.tx, dispatch.releaseId)?.status;
    return status === 'closed' || status === 'cancelled';
  }

  deadlinePassed(ctx: CommandContext, dispatchId: number): void {
    const dispatch = findDispatch(ctx.tx, dispatchId);
    if (dispatch?.status !== 'open' || this.releaseFinished(ctx, dispatch)) return;
    // `add` moves the deadline on; the job for the earlier one still comes due.
    if (ctx.now.getTime() < dispatch.deadlineAt.getTime()) return;
    for (const offer of offersOf(ctx.tx, dispatchId)) {
      if (offer.state === 'offered') setOffer(ctx, dispatch, offer, 'expired');
    }
    this.escalate(ctx, dispatch, 'deadline');
  }

  private escalate(ctx: CommandContext, dispatch: DispatchRow, why: string): DispatchRow {
    closeDispatch(ctx.tx, dispatch.id, 'escalated', ctx.now);
    const found = this.ports.releases.findIn(ctx.tx, dispatch.releaseId)!;
    const accepted = countOffers(ctx.tx, dispatch.id, 'accepted');
    this.ports.users.textCoordinators(
      ctx,
      (lang) =>
        renderDispatchText('dispatchEscalated', lang, {
          release: found.release.code,
          site: found.siteName,
          accepted,
          needed: dispatch.needed,
        }),
      { kind: 'page', related: { type: 'dispatch', id: dispatch.id } },
    );
    ctx.audit({
      action: 'dispatch.escalated',
      entity: 'dispatch',
      entityId: dispatch.id,
      changes: { why, accepted },
    });
    ctx.emit('dispatch.escalated', {
      id: dispatch.id,
      releaseId: dispatch.releaseId,
      code: found.release.code,
      accepted,
      needed: dispatch.needed,
      why,
    });
    return findDispatch(ctx.tx, dispatch.id)!;
  }
}
