import type { Lang } from '../i18n';

/*
 * The server writes instants with the network's own offset ("2026-03-09T07:00:00-06:00"), so the digits
 * already are the network's wall-clock time. Formatting them as if they were UTC shows those digits in the
 * reader's language without moving them into the browser's zone, which may be another one entirely.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${lang}:${key}`;
  let fmt = formats.get(id);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
    formats.set(id, fmt);
  }
  return fmt;
}

/** The wall-clock fields of an ISO string as a Date whose UTC fields carry them. */
function wall(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 12), Number(mi ?? 0)));
}

/** `YYYY-MM-DD` of an instant, in the network's zone. */
export function wallDate(iso: string): string {
  return iso.slice(0, 10);
}

/** `HH:mm` of an instant, in the network's zone. */
export function wallTime(iso: string): string {
  return iso.slice(11, 16);
}

export type DayStyle = 'long' | 'short' | 'weekday';

const dayOptions: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', month: 'long', day: 'numeric' },
  short: { weekday: 'short', month: 'short', day: 'numeric' },
  weekday: { weekday: 'long' },
};

/** A local date (`YYYY-MM-DD`, or the date part of an instant) in words. */
export function formatDay(lang: Lang, dateOrIso: string, style: DayStyle = 'short'): string {
  const d = wall(dateOrIso.slice(0, 10));
  return d ? formatter(lang, `day-${style}`, dayOptions[style]).format(d) : dateOrIso;
}

/** The wall-clock time of an instant, as the reader's language writes times ("7:00 AM", "7:00"). */
export function formatTime(lang: Lang, iso: string): string {
  const d = wall(iso);
  return d ? formatter(lang, 'time', { hour: 'numeric', minute: '2-digit' }).format(d) : iso;
}

/** Day and time of an instant, e.g. "Thu, Mar 12, 7:00 AM". */
export function formatDayTime(lang: Lang, iso: string): string {
  const d = wall(iso);
  return d
    ? formatter(lang, 'dayTime', {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }).format(d)
    : iso;
}

/** `YYYY-MM-DD` of the day after a local date; calendar arithmetic, so no zone can shift it. */
export function nextDay(date: string): string {
  const d = wall(date);
  if (!d) return date;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The browser's own date `days` from now, as `YYYY-MM-DD`; close enough to bound a query. */
export function dateFromNow(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** ISO weekday names, Monday first, in the reader's language. */
export function weekdayNames(lang: Lang): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => formatDay(lang, `2024-01-0${i + 1}`, 'weekday'));
}
