import type { SmsLanguage } from '../../../db/schema';
import { AppError } from '../../errors';
import { DAY } from '../../lib/clock';
import { shortDateTime } from '../../lib/dates';
import type { KeywordContext, KeywordSpec } from '../sms/sms.keywords';
import { renderSmsText } from '../sms/sms.texts';
import type { ShiftsService } from './shifts.service';
import { renderShiftsText, shiftWords } from './shifts.texts';

type Words = keyof typeof shiftWords;

function reason(err: unknown, lang: SmsLanguage): string {
  const code = err instanceof AppError ? err.code : 'not_found';
  return (shiftWords[code as Words] ?? shiftWords.not_found)[lang];
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
        if (id === null) return { text: renderSmsText('volunteersOnly', ctx.lang) };
        const shiftId = Number(ctx.args[0]);
        if (!Number.isInteger(shiftId) || shiftId <= 0) {
          const soon = shifts
            .list(ctx.cmd.now, new Date(ctx.cmd.now.getTime() + 3 * DAY))
            .filter((s) => s.gap && !s.signups.some((x) => x.volunteerId === id))
            .slice(0, 3);
          if (soon.length === 0) return { text: renderShiftsText('noOpenShifts', ctx.lang) };
          const keyword = ctx.lang === 'es' ? 'TURNO' : 'SHIFT';
          const list = soon
            // Each entry is the very text to send back, so a shift's number is never read as a date.
            .map((s) => `${keyword} ${s.id}: ${when(new Date(s.startsAt), ctx.lang)} ${s.siteName}`)
            .join('; ');
          return { text: renderShiftsText('openShifts', ctx.lang, { list }) };
        }
        try {
          const shift = shifts.signUpIn(ctx.cmd, shiftId, id, 'sms');
          const site = shifts.ports.sites.findIn(ctx.cmd.tx, shift.siteId)?.name ?? '';
          return {
            text: renderShiftsText('signedUp', ctx.lang, {
              id: shiftId,
              when: when(shift.startsAt, ctx.lang),
              site,
            }),
          };
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          return {
            text: renderShiftsText('shiftRefused', ctx.lang, { id: shiftId, reason: reason(err, ctx.lang) }),
          };
        }
      },
    },
    {
      name: 'shifts-drop',
      en: ['DROP'],
      es: ['DEJAR'],
      handle: (ctx) => {
        const id = volunteerOnly(ctx);
        if (id === null) return { text: renderSmsText('volunteersOnly', ctx.lang) };
        const shiftId = Number(ctx.args[0]);
        try {
          shifts.cancelIn(ctx.cmd, shiftId, id);
          return { text: renderShiftsText('dropped', ctx.lang, { id: shiftId }) };
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          return {
            text: renderShiftsText('shiftRefused', ctx.lang, {
              id: ctx.args[0] ?? '?',
              reason: reason(err, ctx.lang),
            }),
          };
        }
      },
    },
  ];
}
