import { DateTime } from 'luxon';
import { RecentAnswers } from './recent';

/** "sáb", "mié": an accent in a day name would turn the whole SMS into UCS-2, so dates drop them. */
function gsm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/\./g, '');
}

/** A short local date for SMS: "Mar 12" / "12 mar". */
export function shortDate(at: Date, zone: string, lang: 'en' | 'es'): string {
  return gsm(
    DateTime.fromJSDate(at, { zone })
      .setLocale(lang)
      .toFormat(lang === 'es' ? 'd LLL' : 'LLL d'),
  );
}

/** A local date (YYYY-MM-DD, already in the network's zone) for SMS: "Mar 12" / "12 mar". */
export function shortDay(date: string, lang: 'en' | 'es'): string {
  return gsm(
    DateTime.fromISO(date)
      .setLocale(lang)
      .toFormat(lang === 'es' ? 'd LLL' : 'LLL d'),
  );
}

const formatted = new RecentAnswers<string>(500);

/** A short local day and time for SMS: "Fri Mar 6 18:00" / "vie 6 mar 18:00". Shift starts repeat, so
 * the latest few hundred are kept. */
export function shortDateTime(at: Date, zone: string, lang: 'en' | 'es'): string {
  return formatted.get(`${at.getTime()} ${zone} ${lang}`, () =>
    gsm(
      DateTime.fromJSDate(at, { zone })
        .setLocale(lang)
        .toFormat(lang === 'es' ? 'ccc d LLL HH:mm' : 'ccc LLL d HH:mm'),
    ),
  );
}
