import { DateTime } from 'luxon';
import type { SmsKind } from '../../../db/schema';

/** Kinds that can wait for the morning; offers, pages and replies cannot. */
export const HELD_BY_QUIET_HOURS: ReadonlySet<SmsKind> = new Set(['reminder', 'broadcast']);

/**
 * The earliest time a non-urgent message may go out: `now` itself outside quiet hours, else the end of
 * the quiet window, in the network's zone (so "21:00-08:00" holds across midnight and DST changes).
 */
export function quietHoursRelease(now: Date, window: string, zone: string): Date {
  if (window === 'off') return now;
  const [start, end] = window.split('-') as [string, string];
  const local = DateTime.fromJSDate(now, { zone });
  const at = (hhmm: string, day: DateTime) => {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  };
  const minutes = local.hour * 60 + local.minute;
  const toMinutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number) as [number, number];
    return h * 60 + m;
  };
  const s = toMinutes(start);
  const e = toMinutes(end);
  if (s === e) return now;
  const crossesMidnight = s > e;
  const inside = crossesMidnight ? minutes >= s || minutes < e : minutes >= s && minutes < e;
  if (!inside) return now;
  const endDay = crossesMidnight && minutes >= s ? local.plus({ days: 1 }) : local;
  return at(end, endDay).toJSDate();
}

/**
 * For messages that must arrive before a time (a reminder for a 6 a.m. shift): when `at` falls in quiet
 * hours, the last minute before they began, the evening before; else `at` itself.
 */
export function beforeQuietHours(at: Date, window: string, zone: string): Date {
  if (window === 'off' || quietHoursRelease(at, window, zone).getTime() === at.getTime()) return at;
  const [start] = window.split('-') as [string, string];
  const [h, m] = start.split(':').map(Number) as [number, number];
  const local = DateTime.fromJSDate(at, { zone });
  let begin = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (begin > local) begin = begin.minus({ days: 1 });
  return begin.minus({ minutes: 1 }).toJSDate();
}
