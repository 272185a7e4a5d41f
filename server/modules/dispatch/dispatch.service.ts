import type { DbOrTx } from '../../../db/client';
import { cleanLanguages } from '../../../shared/languages';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError } from '../../errors';
import { MINUTE } from '../../lib/clock';
import type { Actor } from '../../lib/commands';
import { isoOrNull } from '../../lib/time';
import { closeOpenOffers, OfferReplies, textAboutOffer } from './dispatch.offers';
import type { DispatchPorts } from './dispatch.ports';
import {
  acceptedAtBetween,
  acceptedOffers,
  closeDispatch,
  dispatchesOfRelease,
  findDispatch,
  findOffer,
  insertDispatch,
  offersOf,
  releasesWithDispatches,
  talliesOf,
  updateDispatch,
} from './dispatch.repo';
import { DispatchWaves } from './dispatch.waves';

export interface DispatchRequest {
  needed: number;
  languages?: string[];
  skills?: string[];
}

const OPEN_RELEASE = ['expected', 'reported', 'team_en_route', 'met', 'sheltered', 'traveling'];

/** No one is sent to, or asked again for, a release that is closed or cancelled. */
function refuseIfClosed(status: string): void {
  if (!OPEN_RELEASE.includes(status)) throw new ConflictError('release_closed', `This release is ${status}`);
}

/** Sending volunteers to a release: start, cancel or widen a dispatch, and read it back. */
export class DispatchService {
  readonly waves: DispatchWaves;
  readonly replies: OfferReplies;

  constructor(
    private readonly core: Core,
    readonly ports: DispatchPorts,
  ) {
    this.waves = new DispatchWaves(core, ports);
    this.replies = new OfferReplies(ports, (ctx, dispatch) => this.waves.sendWave(ctx, dispatch));
  }

  private get cfg() {
    return this.core.config;
  }

  create(actor: Actor, releaseId: number, req: DispatchRequest) {
    const row = this.core.commands.run(actor, (ctx) => {
      const release = this.ports.releases.rowIn(ctx.tx, releaseId);
      if (!release) throw new NotFoundError('Release');
      refuseIfClosed(release.status);
      // Sending volunteers is the answer to a new release: its alarm stops.
      this.ports.releases.acknowledgeIn(ctx, releaseId);
      const dispatch = insertDispatch(ctx.tx, {
        releaseId,
        status: 'open',
        needed: req.needed,
        languages: cleanLanguages(req.languages ?? release.languages),
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
      this.waves.scheduleDeadline(ctx, dispatch, `dispatch:${dispatch.id}:deadline`);
      return this.waves.sendWave(ctx, dispatch);
    });
    return this.get(row.id);
  }

  cancel(actor: Actor, id: number) {
    this.core.commands.run(actor, (ctx) => {
      const dispatch = findDispatch(ctx.tx, id);
      if (!dispatch) throw new NotFoundError('Dispatch');
      if (dispatch.status === 'cancelled') return;
      closeOpenOffers(ctx, this.ports, dispatch, 'offerCancelled');
      // Those who said YES may already be on their way: they are told too.
      for (const offer of offersOf(ctx.tx, id)) {
        if (offer.state === 'accepted') textAboutOffer(ctx, this.ports, offer, 'offerCancelled');
      }
      closeDispatch(ctx.tx, id, 'cancelled', ctx.now);
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
      refuseIfClosed(this.ports.releases.rowIn(ctx.tx, dispatch.releaseId)?.status ?? 'closed');
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
      this.waves.scheduleDeadline(ctx, reopened, `dispatch:${id}:deadline:${reopened.deadlineAt.getTime()}`);
      ctx.audit({
        action: 'dispatch.added',
        entity: 'dispatch',
        entityId: id,
        changes: { needed: reopened.needed },
      });
      ctx.emit('dispatch.updated', { id, releaseId: dispatch.releaseId, needed: reopened.needed });
      this.waves.sendWave(ctx, reopened);
    });
    return this.get(id);
  }

  /** A coordinator counts a volunteer's open offer as YES or NO for them (see OfferReplies.countIn). */
  countAnswer(actor: Actor, id: number, offerId: number, answer: 'yes' | 'no') {
    this.core.commands.run(actor, (ctx) => {
      const offer = findOffer(ctx.tx, offerId);
      if (offer?.dispatchId !== id) throw new NotFoundError('Offer');
      this.replies.countIn(ctx, offer, answer === 'yes');
    });
    return this.get(id);
  }

  get(id: number) {
    const db = this.core.db;
    const dispatch = findDispatch(db, id);
    if (!dispatch) throw new NotFoundError('Dispatch');
    const zone = this.cfg.NETWORK_TZ;
    const rows = offersOf(db, id);
    const names = this.ports.volunteers.namesOf(
      db,
      rows.map((o) => o.volunteerId),
    );
    const offers = rows.map((offer) => ({
      id: offer.id,
      volunteerId: offer.volunteerId,
      name: names.get(offer.volunteerId) ?? '',
      code: offer.code,
      state: offer.state,
      wave: offer.wave,
      reason: offer.reason,
      etaMinutes: offer.etaMinutes,
      replyText: offer.replyText,
      // Text kept on an offer still open read as neither YES nor NO: someone should read it and count it.
      unclear: offer.state === 'offered' && offer.replyText !== null,
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

  /** What the board shows of every open release's dispatches, in one read instead of one per release. */
  boardDispatches() {
    const db = this.core.db;
    const open = this.ports.releases.openAmong(db, releasesWithDispatches(db));
    return talliesOf(db, [...open]);
  }

  /** Everyone, ranked, with the reasons some may not be asked. */
  candidates(id: number) {
    const db = this.core.db;
    const dispatch = findDispatch(db, id);
    if (!dispatch) throw new NotFoundError('Dispatch');
    return this.waves.rank(db, this.core.clock.now(), dispatch);
  }

  /** When each standing YES in [from, to) was given: the donor report counts them as volunteer hours. */
  acceptedBetween(from: Date, to: Date): Date[] {
    return acceptedAtBetween(this.core.db, from, to);
  }

  /** The release a volunteer said YES to that is still open, if any. */
  openAssignmentOf(db: DbOrTx, volunteerId: number): { code: string; siteName: string } | null {
    const mine = acceptedOffers(db, volunteerId);
    const open = this.ports.releases.openAmong(
      db,
      mine.map((a) => a.releaseId),
    );
    const first = mine.find((a) => open.has(a.releaseId));
    const found = first ? this.ports.releases.findIn(db, first.releaseId) : null;
    return found ? { code: found.release.code, siteName: found.siteName } : null;
  }
}
