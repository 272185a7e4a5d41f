import { DateTime } from 'luxon';

/** A short local date for SMS: "Mar 12" / "12 mar". */
export function shortDate(at: Date, zone: string, lang: 'en' | 'es'): string {
  return DateTime.fromJSDate(at, { zone })
    .setLocale(lang)
    .toFormat(lang === 'es' ? 'd LLL' : 'LLL d')
    .replace('.', '');
}
