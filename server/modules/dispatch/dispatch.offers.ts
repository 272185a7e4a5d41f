import type { SmsLanguage } from '../../../shared/sms';
import { ConflictError } from '../../errors';
import type { CommandContext } from '../../lib/commands';
import { groupOf, languageList } from '../../lib/texts';
import type { DispatchPorts } from './dispatch.ports';
import {
  closeDispatch,
  countOffers,
  type DispatchRow,
  findDispatch,
  type OfferRow,
  supersedeOpenOffers,
  updateDispatch,
  writeOffer,
} from './dispatch.repo';
import { renderDispatchText } from './dispatch.texts';

/** The most of a volunteer's own words kept with their answer. */
export const MAX_REPLY_TEXT = 300;

/** Moves an offer to a new state and tells the dashboards. */
export function setOffer(
  ctx: CommandContext,
  dispatch: DispatchRow,
  offer: OfferRow,
  state: OfferRow['state'],
  extra: Partial<Pick<OfferRow, 'etaMinutes' | 'replyText'>> = {},
): void {
  writeOffer(ctx.tx, offer.id, {
    state,
    respondedAt: state === 'expired' || state === 'superseded' ? offer.respondedAt : ctx.now,
    etaMinutes: extra.etaMinutes !== undefined ? extra.etaMinutes : offer.etaMinutes,
    replyText: extra.replyText !== undefined ? extra.replyText : offer.replyText,
  });
  offerMoved(ctx, dispatch, offer, state, extra.etaMinutes ?? null);
}

/** Tells the dashboards an offer moved. */
function offerMoved(
  ctx: CommandContext,
  dispatch: DispatchRow,
  offer: OfferRow,
  state: OfferRow['state'],
  etaMinutes: number | null,
): void {
  ctx.emit(`dispatch.offer_${state}`, {
    dispatchId: dispatch.id,
    releaseId: dispatch.releaseId,
    volunteerId: offer.volunteerId,
    etaMinutes,
  });
}

/** Texts a volunteer about their offer, in their language. */
export function textAboutOffer(
  ctx: CommandContext,
  ports: Pick<DispatchPorts, 'sms' | 'volunteers'>,
  offer: OfferRow,
  template: 'offerCovered' | 'offerCancelled',
): void {
  const volunteer = ports.volunteers.findIn(ctx.tx, offer.volunteerId);
  if (!volunteer) return;
  const lang = volunteer.smsLanguage;
  ports.sms.enqueue(ctx, {
    to: volunteer.phone,
    body: renderDispatchText(template, lang, { code: offer.code }),
    kind: 'offer',
    language: lang,
    related: { type: 'dispatch_offer', id: offer.id },
  });
}

/**
 * Tells every volunteer whose offer is still open, with the given template, and closes their offer. The
 * offers close in one statement and their volunteers are read in one: a dispatch that fills may close
 * dozens.
 */
export function closeOpenOffers(
  ctx: CommandContext,
  ports: Pick<DispatchPorts, 'sms' | 'volunteers'>,
  dispatch: DispatchRow,
  template: 'offerCovered' | 'offerCancelled',
): void {
  const closed = supersedeOpenOffers(ctx.tx, dispatch.id);
  if (closed.length === 0) return;
  const contacts = ports.volunteers.contactsOf(
    ctx.tx,
    closed.map((o) => o.volunteerId),
  );
  for (const offer of closed) {
    offerMoved(ctx, dispatch, offer, 'superseded', null);
    const to = contacts.get(offer.volunteerId);
    if (!to) continue;
    ports.sms.enqueue(ctx, {
      to: to.phone,
      body: renderDispatchText(template, to.smsLanguage, { code: offer.code }),
      kind: 'offer',
      language: to.smsLanguage,
      related: { type: 'dispatch_offer', id: offer.id },
    });
  }
}

/** Answers to offers: YES and NO by text, and the details an accepted volunteer needs. */
export class OfferReplies {
  constructor(
    private readonly ports: DispatchPorts,
    private readonly askAgain: (ctx: CommandContext, dispatch: DispatchRow) => void,
  ) {}

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
      setOffer(ctx, dispatch, offer, 'expired');
      return 'expired';
    }
    if (dispatch.status !== 'open' || offer.state !== 'offered') return 'covered';
    const accepted = countOffers(ctx.tx, dispatch.id, 'accepted');
    if (accepted >= dispatch.needed) return 'covered';
    setOffer(ctx, dispatch, offer, 'accepted', { etaMinutes, replyText });
    ctx.audit({
      action: 'dispatch.offer_accepted',
      entity: 'dispatch',
      entityId: dispatch.id,
      changes: { volunteerId: offer.volunteerId, etaMinutes },
    });
    // The first YES sends the team on its way; later ones find the release already moved.
    if (accepted === 0 && this.ports.releases.rowIn(ctx.tx, dispatch.releaseId)!.status === 'reported') {
      this.ports.releases.moveIn(ctx, dispatch.releaseId, 'team_en_route', 'first volunteer accepted');
    }
    if (accepted + 1 >= dispatch.needed) {
      closeDispatch(ctx.tx, dispatch.id, 'filled', ctx.now);
      ctx.emit('dispatch.filled', { id: dispatch.id, releaseId: dispatch.releaseId });
      closeOpenOffers(ctx, this.ports, dispatch, 'offerCovered');
    }
    return 'accepted';
  }

  /** A NO; from someone already accepted it frees their place, and the dispatch asks again. */
  decline(ctx: CommandContext, offer: OfferRow, replyText: string | null): void {
    let dispatch = findDispatch(ctx.tx, offer.dispatchId)!;
    if (offer.state !== 'offered' && offer.state !== 'accepted') return;
    const wasAccepted = offer.state === 'accepted';
    setOffer(ctx, dispatch, offer, 'declined', { replyText });
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
      this.askAgain(ctx, dispatch);
    }
  }

  /**
   * A text that reads as neither YES nor NO ("ok", "claro", "👍"): kept on the offer, still open, for a
   * coordinator to read and count; never taken as an answer.
   */
  noteUnclear(ctx: CommandContext, offer: OfferRow, text: string): void {
    const dispatch = findDispatch(ctx.tx, offer.dispatchId)!;
    writeOffer(ctx.tx, offer.id, {
      state: offer.state,
      respondedAt: ctx.now,
      etaMinutes: offer.etaMinutes,
      replyText: text.trim().slice(0, MAX_REPLY_TEXT),
    });
    ctx.audit({
      action: 'dispatch.offer_unclear',
      entity: 'dispatch',
      entityId: dispatch.id,
      changes: { volunteerId: offer.volunteerId, code: offer.code },
    });
    ctx.emit('dispatch.offer_unclear', {
      dispatchId: dispatch.id,
      releaseId: dispatch.releaseId,
      volunteerId: offer.volunteerId,
    });
  }

  /**
   * A coordinator counts an open offer as YES or NO on the volunteer's behalf (an unclear text, a phone
   * call). A YES goes through the same acceptance as a text, so exactly `needed` still hold; the volunteer
   * is told what was counted, and how to take a YES back.
   */
  countIn(ctx: CommandContext, offer: OfferRow, yes: boolean): void {
    if (offer.state === 'accepted' || offer.state === 'declined')
      throw new ConflictError('offer_answered', 'This volunteer has already answered');
    if (offer.state !== 'offered') throw new ConflictError('offer_closed', 'This offer is no longer open');
    const unclear = offer.replyText;
    if (yes) {
      const outcome = this.accept(ctx, offer, offer.etaMinutes, unclear);
      if (outcome === 'expired') throw new ConflictError('offer_closed', 'This offer has expired');
      if (outcome === 'covered')
        throw new ConflictError('dispatch_filled', 'Enough volunteers have already said YES');
    } else {
      this.decline(ctx, offer, unclear);
    }
    const dispatch = findDispatch(ctx.tx, offer.dispatchId)!;
    ctx.audit({
      action: 'dispatch.offer_counted',
      entity: 'dispatch',
      entityId: dispatch.id,
      changes: { volunteerId: offer.volunteerId, code: offer.code, answer: yes ? 'yes' : 'no' },
    });
    const volunteer = this.ports.volunteers.findIn(ctx.tx, offer.volunteerId);
    if (!volunteer) return;
    const lang = volunteer.smsLanguage;
    const release = this.ports.releases.rowIn(ctx.tx, dispatch.releaseId)!.code;
    const bodies = [
      renderDispatchText(yes ? 'offerCountedYes' : 'offerCountedNo', lang, { release, code: offer.code }),
      ...(yes ? [this.detailsFor(ctx, offer, lang)] : []),
    ];
    for (const body of bodies) {
      this.ports.sms.enqueue(ctx, {
        to: volunteer.phone,
        body,
        kind: 'offer',
        language: lang,
        related: { type: 'dispatch_offer', id: offer.id },
      });
    }
  }

  /** Details for an accepted volunteer, which the offer itself did not carry. */
  detailsFor(ctx: CommandContext, offer: OfferRow, lang: SmsLanguage): string {
    const dispatch = findDispatch(ctx.tx, offer.dispatchId)!;
    const r = this.ports.releases.rowIn(ctx.tx, dispatch.releaseId)!;
    const site = this.ports.sites.findIn(ctx.tx, r.siteId)!;
    const lead = dispatch.createdBy ? this.ports.users.findIn(ctx.tx, dispatch.createdBy) : null;
    const group = groupOf(lang, r.adults, r.children);
    const bed = this.ports.housing.placementTonight(ctx.tx, r.id);
    return renderDispatchText('offerAccepted', lang, {
      release: r.code,
      site: site.name,
      address: site.address ?? '-',
      group: r.languages.length ? `${group} (${languageList(lang, r.languages)})` : group,
      lead: lead ? [lead.name, lead.phone].filter(Boolean).join(' ') : '-',
      bed: bed ? renderDispatchText('offerBed', lang, { site: bed.name, address: bed.address ?? '-' }) : '',
    });
  }
}
