import { DateTime } from 'luxon';

/** API instants are ISO-8601 with offset, in the network's zone. */
export function toIso(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true }) ?? at.toISOString();
}

export function isoOrNull(at: Date | null | undefined, zone: string): string | null {
  return at ? toIso(at, zone) : null;
}
