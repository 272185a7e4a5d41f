import { shortDateTime } from '../../lib/dates';
import { screeningWords } from '../screening/screening.texts';
import type { KeywordContext, KeywordReply, KeywordSpec } from '../sms/sms.keywords';
import { renderSmsText } from '../sms/sms.texts';
import { type OfferRow, offersOfVolunteerWithCode, openOffersOf } from './dispatch.repo';
import type { DispatchService } from './dispatch.service';
import { renderDispatchText } from './dispatch.texts';

const CODE = /^\d{4}$/;
const ETA = /^\d{1,3}$/;

interface Parsed {
  code: string | null;
  eta: number | null;
  /** Whatever else the volunteer wrote, as written ("parking now", "with my car"). */
  extra: string | null;
}

function parse(ctx: KeywordContext): Parsed {
  const [first, second] = ctx.args;
  const code = first && CODE.test(first) ? first : null;
  const etaWord = code ? second : first;
  const eta = etaWord && ETA.test(etaWord) ? Number(etaWord) : null;
  const skip = 1 + (code ? 1 : 0) + (eta !== null ? 1 : 0);
  const extra = ctx.raw.trim().split(/\s+/).slice(skip).join(' ').slice(0, 300);
  return { code, eta, extra: extra || null };
}

/** The offer a reply is about: the one with that code, else the only one open. */
function findOffer(
  ctx: KeywordContext,
  volunteerId: number,
  code: string | null,
): OfferRow | 'none' | 'several' {
  if (code) {
    const offers = offersOfVolunteerWithCode(ctx.cmd.tx, volunteerId, code);
    return offers.find((o) => o.state === 'offered') ?? offers.at(-1) ?? 'none';
  }
  const open = openOffersOf(ctx.cmd.tx, volunteerId);
  if (open.length === 1) return open[0]!;
  return open.length === 0 ? 'none' : 'several';
}

/**
 * YES/SI and NO with an offer code (which may be left out when only one offer is open), and STATUS:
 * where a volunteer is going now, then their next shift.
 */
export function dispatchKeywords(service: DispatchService, zone: string): KeywordSpec[] {
  const { replies, ports } = service;
  const answer =
    (yes: boolean) =>
    (ctx: KeywordContext): KeywordReply => {
      if (ctx.sender.kind !== 'volunteer' || ctx.sender.id === null)
        return { text: renderSmsText('volunteersOnly', ctx.lang) };
      const { code, eta, extra } = parse(ctx);
      const offer = findOffer(ctx, ctx.sender.id, code);
      if (offer === 'several') {
        const example = openOffersOf(ctx.cmd.tx, ctx.sender.id)[0]!.code;
        return { text: renderDispatchText('offerChooseCode', ctx.lang, { code: example }) };
      }
      if (offer === 'none')
        return {
          text: renderDispatchText('offerUnknown', ctx.lang, { code: code ?? '' }).replace('  ', ' '),
        };
      if (!yes) {
        replies.decline(ctx.cmd, offer, extra);
        return { text: renderDispatchText('offerDeclined', ctx.lang) };
      }
      if (offer.state === 'accepted')
        return { text: renderDispatchText('offerAlreadyAccepted', ctx.lang, { code: offer.code }) };
      const outcome = replies.accept(ctx.cmd, offer, eta, extra);
      if (outcome === 'accepted')
        return { text: replies.detailsFor(ctx.cmd, offer, ctx.lang), kind: 'offer' };
      return {
        text: renderDispatchText(outcome === 'expired' ? 'offerExpired' : 'offerCovered', ctx.lang, {
          code: offer.code,
        }),
      };
    };
  return [
    { name: 'dispatch-yes', en: ['YES'], es: ['SI'], handle: answer(true) },
    { name: 'dispatch-no', en: ['NO'], es: ['NO'], handle: answer(false) },
    {
      name: 'shifts-status',
      en: ['STATUS'],
      es: ['ESTADO'],
      handle: (ctx) => {
        const id = ctx.sender.kind === 'volunteer' ? ctx.sender.id : null;
        if (id === null) return { text: renderSmsText('volunteersOnly', ctx.lang) };
        // An open assignment (a YES on a release still open) comes first: it is where they are going now.
        const assignment = service.openAssignmentOf(ctx.cmd.tx, id);
        const going = assignment
          ? `${renderDispatchText('statusAssignment', ctx.lang, { release: assignment.code, site: assignment.siteName })} `
          : '';
        const next = ports.shifts.nextShiftOf(ctx.cmd.tx, id, ctx.cmd.now);
        if (!next) return { text: `${going}${renderDispatchText('statusNone', ctx.lang)}` };
        const state = ports.screening.stateOf(ctx.cmd.tx, id, ctx.cmd.now).state;
        return {
          text: `${going}${renderDispatchText('statusShift', ctx.lang, {
            when: shortDateTime(next.startsAt, zone, ctx.lang),
            site: next.siteName,
            screening: screeningWords[state][ctx.lang],
          })}`,
        };
      },
    },
  ];
}
