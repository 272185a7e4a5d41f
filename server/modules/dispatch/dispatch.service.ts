import { randomInt } from 'node:crypto';
import type { SmsLanguage } from '../../../db/schema';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError } from '../../errors';
import { HOUR, MINUTE } from '../../lib/clock';
import type { Actor, CommandContext } from '../../lib/commands';
import { isoOrNull } from '../../lib/time';
import { findRelease } from '../releases/releases.repo';
import type { ReleasesService } from '../releases/releases.service';
import { findSiteById } from '../sites/sites.repo';
import type { SmsService } from '../sms/sms.service';
import { render } from '../sms/sms.templates';
import { coordinatorsWithPhones, findUserById } from '../users/users.repo';
import { findVolunteer } from '../volunteers/volunteers.repo';
import { rankCandidates } from './dispatch.ranking';
import {
  codesInUse,
  countOffers,
  type DispatchRow,
  dispatchesOfRelease,
  findDispatch,
  insertDispatch,
  insertOffer,
  type OfferRow,
  offersOf,
  updateDispatch,
  updateOffer,
} from './dispatch.repo';
import { RosterCache } from './dispatch.roster';

export interface DispatchRequest {
  needed: number;
  languages?: string[];
  skills?: string[];
}

const OPEN_RELEASE = ['expected', 'reported', 'team_en_route', 'met', 'sheltered', 'traveling'];

export class DispatchService {
  private readonly roster = new RosterCache();

  constructor(
    private readonly core: Core,
    private readonly sms: SmsService,
    private readonly releases: ReleasesService,
  ) {}

  private get cfg() {
    return this.core.config;
  }

  create(actor: Actor, releaseId: number, req: DispatchRequest) {
    const row = this.core.commands.run(actor, (ctx) => {
      const found = findRelease(ctx.tx, releaseId);
      if (!found) throw new NotFoundError('Release');
      if (!OPEN_RELEASE.includes(found.release.status)) {
        throw new ConflictError('release_closed', `This release is ${found.release.status}`);
      }
      const dispatch = insertDispatch(ctx.tx, {
        releaseId,
        status: 'open',
        needed: req.needed,
        languages: req.languages ?? found.release.languages,
        skills: req.skills ?? [],
        deadlineAt: new Date(ctx.now.getTime() + this.cfg.DISPATCH_DEADLINE_MINUTES * MINUTE),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      ctx.audit({
        action: 'dispatch.created',
        entity: 'dispatch',
        entityId: dispatch.id,
        changes: { releaseId, needed: req.needed },
      });
      ctx.emit('dispatch.created', { id: dispatch.id, releaseId, needed: dispatch.needed });
      this.core.scheduler.schedule(ctx.tx, {
        kind: 'dispatch.deadline',
        dueAt: dispatch.deadlineAt,
        payload: { dispatchId: dispatch.id },
        dedupeKey: `dispatch:${dispatch.id}:deadline`,
      });
      return this.sendWave(ctx, dispatch);
    });
    return this.get(row.id);
  }

  /** Offers the next best candidates, about DISPATCH_WAVE_FACTOR × the places still open. */
  sendWave(ctx: CommandContext, dispatch: DispatchRow): DispatchRow {
    const found = findRelease(ctx.tx, dispatch.releaseId)!;
    const site = findSiteById(ctx.tx, found.release.siteId)!;
    const offers = offersOf(ctx.tx, dispatch.id);
    const accepted = offers.filter((o) => o.offer.state === 'accepted').length;
    const open = offers.filter((o) => o.offer.state === 'offered').length;
    const want = Math.ceil((dispatch.needed - accepted) * this.cfg.DISPATCH_WAVE_FACTOR) - open;
    const chosen = rankCandidates(
      ctx.tx,
      this.roster,
      {
        siteId: site.id,
        languages: dispatch.languages,
        skills: dispatch.skills,
        now: ctx.now,
        validMs: this.cfg.SCREENING_VALID_HOURS * HOUR,
        alreadyAsked: new Set(offers.map((o) => o.offer.volunteerId)),
      },
      Math.max(0, want),
    );
    if (chosen.length === 0 && open === 0) return this.escalate(ctx, dispatch, 'nobody left to ask');

    const wave = dispatch.wave + 1;
    const expiresAt = new Date(ctx.now.getTime() + this.cfg.DISPATCH_OFFER_MINUTES * MINUTE);
    const taken = codesInUse(ctx.tx);
    for (const c of chosen) {
      const code = this.freshCode(taken);
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
      const volunteer = findVolunteer(ctx.tx, c.volunteerId)!;
      const lang = volunteer.smsLanguage;
      const body = render('offer', lang, {
        code,
        people: found.release.adults + found.release.children,
        site: site.name,
        langs: dispatch.languages.join(', ') || '-',
      });
      this.sms.enqueue(ctx, {
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
    this.core.scheduler.schedule(ctx.tx, {
      kind: 'dispatch.wave_expired',
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

  private freshCode(taken: Set<string>): string {
    for (;;) {
      const code = String(randomInt(1000, 10_000));
      if (!taken.has(code)) {
        taken.add(code);
        return code;
      }
    }
  }

  /** The wave's time is up: expire what was not answered, then ask the next wave or escalate. */
  waveExpired(dispatchId: number, wave: number): void {
    this.core.commands.run({ userId: null, label: 'dispatch' }, (ctx) => {
      const dispatch = findDispatch(ctx.tx, dispatchId);
      if (dispatch?.status !== 'open') return;
      let waiting = false;
      for (const { offer } of offersOf(ctx.tx, dispatchId)) {
        if (offer.state !== 'offered' || offer.wave > wave) continue;
        if (offer.expiresAt.getTime() <= ctx.now.getTime()) this.setOffer(ctx, dispatch, offer, 'expired');
        else waiting = true;
      }
      // Offers of this wave still running were sent after an `add`: their own job ends the wave.
      if (dispatch.wave !== wave || waiting) return;
      if (
        dispatch.wave >= this.cfg.DISPATCH_MAX_WAVES ||
        ctx.now.getTime() >= dispatch.deadlineAt.getTime()
      ) {
        this.escalate(ctx, dispatch, 'no more waves');
      } else {
        this.sendWave(ctx, dispatch);
      }
    });
  }

  deadlinePassed(dispatchId: number): void {
    this.core.commands.run({ userId: null, label: 'dispatch' }, (ctx) => {
      const dispatch = findDispatch(ctx.tx, dispatchId);
      if (dispatch?.status !== 'open') return;
      // `add` moves the deadline on; the job for the earlier one still comes due.
      if (ctx.now.getTime() < dispatch.deadlineAt.getTime()) return;
      for (const { offer } of offersOf(ctx.tx, dispatchId)) {
        if (offer.state === 'offered') this.setOffer(ctx, dispatch, offer, 'expired');
      }
      this.escalate(ctx, dispatch, 'deadline');
    });
  }

  private escalate(ctx: CommandContext, dispatch: DispatchRow, why: string): DispatchRow {
    const updated = updateDispatch(ctx.tx, dispatch.id, {
      status: 'escalated',
      updatedAt: ctx.now,
      closedAt: ctx.now,
    });
    const found = findRelease(ctx.tx, dispatch.releaseId)!;
    const accepted = countOffers(ctx.tx, dispatch.id, 'accepted');
    for (const person of coordinatorsWithPhones(ctx.tx)) {
      const lang = person.smsLanguage;
      const body = render('dispatchEscalated', lang, {
        release: found.release.code,
        site: found.siteName,
        accepted,
        needed: dispatch.needed,
      });
      this.sms.enqueue(ctx, {
        to: person.phone!,
        body,
        kind: 'page',
        language: lang,
        related: { type: 'dispatch', id: dispatch.id },
      });
    }
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
    return updated;
  }

  private setOffer(
    ctx: CommandContext,
    dispatch: DispatchRow,
    offer: OfferRow,
    state: OfferRow['state'],
    extra: Partial<OfferRow> = {},
  ) {
    updateOffer(ctx.tx, offer.id, {
      state,
      respondedAt: state === 'expired' || state === 'superseded' ? offer.respondedAt : ctx.now,
      ...extra,
    });
    ctx.emit(`dispatch.offer_${state}`, {
      dispatchId: dispatch.id,
      releaseId: dispatch.releaseId,
      volunteerId: offer.volunteerId,
      etaMinutes: extra.etaMinutes ?? null,
    });
  }

  /** Tells every volunteer whose offer is still open, with the given template, and closes their offer. */
  private closeOpenOffers(
    ctx: CommandContext,
    dispatch: DispatchRow,
    template: 'offerCovered' | 'offerCancelled',
  ) {
    for (const o of offersOf(ctx.tx, dispatch.id)) {
      if (o.offer.state !== 'offered') continue;
      this.setOffer(ctx, dispatch, o.offer, 'superseded');
      const lang = o.smsLanguage as SmsLanguage;
      this.sms.enqueue(ctx, {
        to: o.phone,
        body: render(template, lang, { code: o.offer.code }),
        kind: 'offer',
        language: lang,
        related: { type: 'dispatch_offer', id: o.offer.id },
      });
    }
  }

  /**
   * A YES: accepted only while the dispatch is open and places remain, inside the inbound command, so
   * simultaneous replies are serialised by SQLite and exactly `needed` are accepted.
   */
  accept(
    ctx: CommandContext,
    offer: OfferRow,
    etaMinutes: number | null,
    replyText: string | null,
  ): 'accepted' | 'covered' | 'expired' {
    const dispatch = findDispatch(ctx.tx, offer.dispatchId)!;
    if (offer.state === 'expired') return 'expired';
    // Past its time the offer is over, even if the job that marks it has not run yet.
    if (offer.state === 'offered' && offer.expiresAt.getTime() <= ctx.now.getTime()) {
      this.setOffer(ctx, dispatch, offer, 'expired');
      return 'expired';
    }
    if (dispatch.status !== 'open' || offer.state !== 'offered') return 'covered';
    const accepted = countOffers(ctx.tx, dispatch.id, 'accepted');
    if (accepted >= dispatch.needed) return 'covered';
    this.setOffer(ctx, dispatch, offer, 'accepted', { etaMinutes, replyText });
    ctx.audit({
      action: 'dispatch.offer_accepted',
      entity: 'dispatch',
      entityId: dispatch.id,
      changes: { volunteerId: offer.volunteerId, etaMinutes },
    });
    const found = findRelease(ctx.tx, dispatch.releaseId)!;
    if (accepted === 0 && found.release.status === 'reported') {
      this.releases.moveIn(ctx, dispatch.releaseId, 'team_en_route', 'first volunteer accepted');
    }
    if (accepted + 1 >= dispatch.needed) {
      updateDispatch(ctx.tx, dispatch.id, { status: 'filled', updatedAt: ctx.now, closedAt: ctx.now });
      ctx.emit('dispatch.filled', { id: dispatch.id, releaseId: dispatch.releaseId });
      this.closeOpenOffers(ctx, dispatch, 'offerCovered');
    }
    return 'accepted';
  }

  /** A NO; from someone already accepted it frees their place, and the dispatch asks again. */
  decline(ctx: CommandContext, offer: OfferRow, replyText: string | null): void {
    let dispatch = findDispatch(ctx.tx, offer.dispatchId)!;
    if (offer.state !== 'offered' && offer.state !== 'accepted') return;
    const wasAccepted = offer.state === 'accepted';
    this.setOffer(ctx, dispatch, offer, 'declined', { replyText });
    ctx.audit({
      action: 'dispatch.offer_declined',
      entity: 'dispatch',
      entityId: dispatch.id,
      changes: { volunteerId: offer.volunteerId, wasAccepted },
    });
    if (wasAccepted && dispatch.status === 'filled') {
      dispatch = updateDispatch(ctx.tx, dispatch.id, { status: 'open', closedAt: null, updatedAt: ctx.now });
    }
    // Everyone in this wave said no: the next wave need not wait for the expiry.
    if (dispatch.status === 'open' && countOffers(ctx.tx, dispatch.id, 'offered') === 0) {
      this.sendWave(ctx, dispatch);
    }
  }

  /** Details for an accepted volunteer, which the offer itself did not carry. */
  detailsFor(ctx: CommandContext, offer: OfferRow, lang: SmsLanguage): string {
    const dispatch = findDispatch(ctx.tx, offer.dispatchId)!;
    const found = findRelease(ctx.tx, dispatch.releaseId)!;
    const site = findSiteById(ctx.tx, found.release.siteId)!;
    const lead = dispatch.createdBy ? findUserById(ctx.tx, dispatch.createdBy) : null;
    const r = found.release;
    const group =
      lang === 'es'
        ? `${r.adults} adultos, ${r.children} menores`
        : `${r.adults} adults, ${r.children} children`;
    return render('offerAccepted', lang, {
      release: r.code,
      site: site.name,
      address: site.address ?? '-',
      group: r.languages.length ? `${group} (${r.languages.join(', ')})` : group,
      lead: lead ? [lead.name, lead.phone].filter(Boolean).join(' ') : '-',
    });
  }

  cancel(actor: Actor, id: number) {
    this.core.commands.run(actor, (ctx) => {
      const dispatch = findDispatch(ctx.tx, id);
      if (!dispatch) throw new NotFoundError('Dispatch');
      if (dispatch.status === 'cancelled') return;
      this.closeOpenOffers(ctx, dispatch, 'offerCancelled');
      // Those who said YES may already be on their way: they are told too.
      for (const o of offersOf(ctx.tx, id)) {
        if (o.offer.state !== 'accepted') continue;
        const lang = o.smsLanguage as SmsLanguage;
        const body = render('offerCancelled', lang, { code: o.offer.code });
        this.sms.enqueue(ctx, {
          to: o.phone,
          body,
          kind: 'offer',
          language: lang,
          related: { type: 'dispatch_offer', id: o.offer.id },
        });
      }
      updateDispatch(ctx.tx, id, { status: 'cancelled', updatedAt: ctx.now, closedAt: ctx.now });
      ctx.audit({ action: 'dispatch.cancelled', entity: 'dispatch', entityId: id });
      ctx.emit('dispatch.cancelled', { id, releaseId: dispatch.releaseId });
    });
    return this.get(id);
  }

  /** More people needed: the dispatch opens again (if it was filled or escalated) and asks a new wave. */
  add(actor: Actor, id: number, count: number) {
    this.core.commands.run(actor, (ctx) => {
      const dispatch = findDispatch(ctx.tx, id);
      if (!dispatch) throw new NotFoundError('Dispatch');
      if (dispatch.status === 'cancelled')
        throw new ConflictError('dispatch_cancelled', 'This dispatch was cancelled; dispatch again');
      const reopened = updateDispatch(ctx.tx, id, {
        needed: dispatch.needed + count,
        status: 'open',
        closedAt: null,
        deadlineAt: new Date(
          Math.max(
            dispatch.deadlineAt.getTime(),
            ctx.now.getTime() + this.cfg.DISPATCH_DEADLINE_MINUTES * MINUTE,
          ),
        ),
        wave: 0,
        updatedAt: ctx.now,
      });
      this.core.scheduler.schedule(ctx.tx, {
        kind: 'dispatch.deadline',
        dueAt: reopened.deadlineAt,
        payload: { dispatchId: id },
        dedupeKey: `dispatch:${id}:deadline:${reopened.deadlineAt.getTime()}`,
      });
      ctx.audit({
        action: 'dispatch.added',
        entity: 'dispatch',
        entityId: id,
        changes: { needed: reopened.needed },
      });
      ctx.emit('dispatch.updated', { id, releaseId: dispatch.releaseId, needed: reopened.needed });
      this.sendWave(ctx, reopened);
    });
    return this.get(id);
  }

  get(id: number) {
    const db = this.core.db;
    const dispatch = findDispatch(db, id);
    if (!dispatch) throw new NotFoundError('Dispatch');
    const zone = this.cfg.NETWORK_TZ;
    const offers = offersOf(db, id).map(({ offer, name }) => ({
      volunteerId: offer.volunteerId,
      name,
      code: offer.code,
      state: offer.state,
      wave: offer.wave,
      reason: offer.reason,
      etaMinutes: offer.etaMinutes,
      replyText: offer.replyText,
      offeredAt: isoOrNull(offer.offeredAt, zone)!,
      expiresAt: isoOrNull(offer.expiresAt, zone)!,
      respondedAt: isoOrNull(offer.respondedAt, zone),
    }));
    return {
      id: dispatch.id,
      releaseId: dispatch.releaseId,
      status: dispatch.status,
      needed: dispatch.needed,
      accepted: offers.filter((o) => o.state === 'accepted').length,
      languages: dispatch.languages,
      skills: dispatch.skills,
      wave: dispatch.wave,
      deadlineAt: isoOrNull(dispatch.deadlineAt, zone)!,
      createdAt: isoOrNull(dispatch.createdAt, zone)!,
      offers,
    };
  }

  listForRelease(releaseId: number) {
    return dispatchesOfRelease(this.core.db, releaseId).map((d) => this.get(d.id));
  }

  candidates(id: number) {
    const db = this.core.db;
    const dispatch = findDispatch(db, id);
    if (!dispatch) throw new NotFoundError('Dispatch');
    const found = findRelease(db, dispatch.releaseId)!;
    return rankCandidates(db, this.roster, {
      siteId: found.release.siteId,
      languages: dispatch.languages,
      skills: dispatch.skills,
      now: this.core.clock.now(),
      validMs: this.cfg.SCREENING_VALID_HOURS * HOUR,
      alreadyAsked: new Set(offersOf(db, id).map((o) => o.offer.volunteerId)),
    });
  }
}
