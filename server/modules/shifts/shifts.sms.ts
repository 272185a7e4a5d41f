import type { SmsLanguage } from '../../../db/schema';
import { AppError } from '../../errors';
import { DAY } from '../../lib/clock';
import { shortDateTime } from '../../lib/dates';
import type { KeywordContext, KeywordSpec } from '../sms/sms.keywords';
import { render, words } from '../sms/sms.templates';
import type { ShiftsService } from './shifts.service';

type Words = keyof typeof words;

function reason(err: unknown, lang: SmsLanguage): string {
  const code = err instanceof AppError ? err.code : 'not_found';
  return (words[code as Words] ?? words.not_found)[lang];
}

function volunteerOnly(ctx: KeywordContext): number | null {
  return ctx.sender.kind === 'volunteer' ? ctx.sender.id : null;
}

/** SHIFT/TURNO [n] and DROP/DEJAR n: a volunteer's schedule by text. */
export function shiftKeywords(shifts: ShiftsService, zone: string): KeywordSpec[] {
  const when = (at: Date, lang: SmsLanguage) => shortDateTime(at, zone, lang);
  return [
    {
      name: 'shifts-signup',
      en: ['SHIFT'],
      es: ['TURNO'],
      handle: (ctx) => {
        const id = volunteerOnly(ctx);
        if (id === null) return { text: render('volunteersOnly', ctx.lang) };
        const shiftId = Number(ctx.args[0]);
        if (!Number.isInteger(shiftId) || shiftId <= 0) {
          const soon = shifts
            .list(ctx.cmd.now, new Date(ctx.cmd.now.getTime() + 3 * DAY))
            .filter((s) => s.gap && !s.signups.some((x) => x.volunteerId === id))
            .slice(0, 3);
          if (soon.length === 0) return { text: render('noOpenShifts', ctx.lang) };
          const list = soon
            .map((s) => `${s.id} ${when(new Date(s.startsAt), ctx.lang)} ${s.siteName}`)
            .join('; ');
          return { text: render('openShifts', ctx.lang, { list }) };
        }
        try {
          const shift = shifts.signUpIn(ctx.cmd, shiftId, id, 'sms');
          const site = shifts.ports.sites.findIn(ctx.cmd.tx, shift.siteId)?.name ?? '';
          return {
            text: render('signedUp', ctx.lang, { id: shiftId, when: when(shift.startsAt, ctx.lang), site }),
          };
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          return { text: render('shiftRefused', ctx.lang, { id: shiftId, reason: reason(err, ctx.lang) }) };
        }
      },
    },
    {
      name: 'shifts-drop',
      en: ['DROP'],
      es: ['DEJAR'],
      handle: (ctx) => {
        const id = volunteerOnly(ctx);
        if (id === null) return { text: render('volunteersOnly', ctx.lang) };
        const shiftId = Number(ctx.args[0]);
        try {
          shifts.cancelIn(ctx.cmd, shiftId, id);
          return { text: render('dropped', ctx.lang, { id: shiftId }) };
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          return {
            text: render('shiftRefused', ctx.lang, { id: ctx.args[0] ?? '?', reason: reason(err, ctx.lang) }),
          };
        }
      },
    },
  ];
}
