import { DateTime } from 'luxon';

/**
 * Nights are local dates in NETWORK_TZ: the night of 2026-11-30 is the one that starts that evening.
 * Counting dates, not hours, keeps a stay right across daylight-saving nights.
 */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

export function weekdayOf(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

/** Today's date where the network is: the night people need a bed for. */
export function tonight(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate()!;
}

export function nightsFrom(checkIn: string, nights: number): string[] {
  return Array.from({ length: nights }, (_, i) => addDays(checkIn, i));
}

export interface Occupying {
  checkIn: string;
  nights: number;
  /** Check-out morning frees that night: the stay's last night is the one before. */
  checkedOutOn: string | null;
  people: number;
}

/** The nights a stay holds beds on, after an early check-out. */
export function heldNights(stay: Occupying): string[] {
  const all = nightsFrom(stay.checkIn, stay.nights);
  return stay.checkedOutOn ? all.filter((n) => n < stay.checkedOutOn!) : all;
}

/** People per night over the given stays. */
export function peoplePerNight(stays: readonly Occupying[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const stay of stays) for (const n of heldNights(stay)) out.set(n, (out.get(n) ?? 0) + stay.people);
  return out;
}
