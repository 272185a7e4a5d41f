import { shortDateTime } from '../../lib/dates';
import { screeningWords } from '../screening/screening.texts';
import type { KeywordContext, KeywordReply, KeywordSpec } from '../sms/sms.keywords';
import { textAfterWords } from '../sms/sms.text';
import { renderSmsText } from '../sms/sms.texts';
import { noWords, yesWords } from '../sms/sms.words';
import { MAX_REPLY_TEXT } from './dispatch.offers';
import { findDispatch, type OfferRow, offersOfVolunteerWithCode, openOffersOf } from './dispatch.repo';
import type { DispatchService } from './dispatch.service';
import { renderDispatchText } from './dispatch.texts';

/**
 * Codes are four digits (more while thousands are open); a longer number, or one with letters stuck to
 * it, is still a code (mistyped), never a reply to whichever offer happens to be open.
 */
const CODE = /\d{4,}/;
const NUMBER = /^\d{1,3}$/;
const MINUTES = new Set(['M', 'MIN', 'MINS', 'MINUTE', 'MINUTES', 'MINUTO', 'MINUTOS']);
const HOURS = new Set(['H', 'HR', 'HRS', 'HOUR', 'HOURS', 'HORA', 'HORAS']);
/** "there in 20", "llego en 15", "ETA 10": the number after these is minutes away. */
const BEFORE_ETA = new Set(['IN', 'EN', 'ETA']);

interface Parsed {
  code: string | null;
  eta: number | null;
  /** Whatever else the volunteer wrote, as written ("parking now", "llego en 15"). */
  extra: string | null;
}

const isUnit = (word: string | undefined) => MINUTES.has(word ?? '') || HOURS.has(word ?? '');

/** Minutes away, from a number right after the code or keyword, after "in"/"en", or before a unit. */
function etaOf(args: readonly string[], from: number): { eta: number | null; at: number } {
  const at = args.findIndex(
    (word, i) =>
      i >= from &&
      NUMBER.test(word) &&
      (i === from || BEFORE_ETA.has(args[i - 1] ?? '') || isUnit(args[i + 1])),
  );
  if (at < 0) return { eta: null, at };
  return { eta: Number(args[at]) * (HOURS.has(args[at + 1] ?? '') ? 60 : 1), at };
}

/**
 * Any code-like word is the code, wherever it stands, so a reply never answers an offer it does not
 * name; the note is the text after the keyword and any code, ETA and unit leading it.
 */
function parse(ctx: KeywordContext): Parsed {
  const { args } = ctx;
  const code = args.map((w) => CODE.exec(w)?.[0]).find((c) => c !== undefined) ?? null;
  const lead = code !== null && args[0] === code ? 1 : 0;
  const { eta, at } = etaOf(args, lead);
  const skip = lead + (eta !== null && at === lead ? (isUnit(args[at + 1]) ? 2 : 1) : 0);
  const extra = textAfterWords(ctx.raw, ctx.words, 1 + skip).slice(0, MAX_REPLY_TEXT);
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
      const { code, eta, extra } = parse(ctx);
      const volunteer = ctx.sender.kind === 'volunteer' ? ctx.sender.id : null;
      // A code names one question in one domain; without one, a volunteer's open offer comes first.
      if (code || volunteer === null || openOffersOf(ctx.cmd.tx, volunteer).length === 0) {
        for (const target of ctx.replyTargets) {
          const question = target.find(ctx, code);
          if (question) return question.answer(yes);
        }
      }
      if (ctx.sender.kind !== 'volunteer' || ctx.sender.id === null)
        return { text: renderSmsText('volunteersOnly', ctx.lang) };
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
  /**
   * Never a guess: a text that is neither YES nor NO, from someone with one offer open, is kept for a
   * coordinator to read and gets the question again, with the code; with several open, how to choose.
   */
  const unclear = (ctx: KeywordContext): KeywordReply | null => {
    if (ctx.sender.kind !== 'volunteer' || ctx.sender.id === null) return null;
    const now = ctx.cmd.now.getTime();
    const open = openOffersOf(ctx.cmd.tx, ctx.sender.id).filter((o) => o.expiresAt.getTime() > now);
    if (open.length > 1)
      return { text: renderDispatchText('offerChooseCode', ctx.lang, { code: open[0]!.code }) };
    const offer = open[0];
    if (!offer) return null;
    if (ctx.raw.trim()) replies.noteUnclear(ctx.cmd, offer, ctx.raw);
    const dispatch = findDispatch(ctx.cmd.tx, offer.dispatchId)!;
    const release = ports.releases.rowIn(ctx.cmd.tx, dispatch.releaseId)!.code;
    return { text: renderDispatchText('offerUnclear', ctx.lang, { release, code: offer.code }) };
  };
  return [
    { name: 'dispatch-yes', ...yesWords, handle: answer(true), unclear },
    { name: 'dispatch-no', ...noWords, handle: answer(false) },
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
