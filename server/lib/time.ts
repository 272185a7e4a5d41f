import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

// Resolving a named zone's offset asks Intl for every instant, which dominates list responses. Offsets
// only change on quarter-hour boundaries, so each zone's offset is remembered per quarter hour.
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

function offsetMinutes(ms: number, zone: string): number {
  let byBucket = offsets.get(zone);
  if (!byBucket) {
    byBucket = new Map();
    offsets.set(zone, byBucket);
  }
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let offset = byBucket.get(bucket);
  if (offset === undefined) {
    if (byBucket.size > 10_000) byBucket.clear();
    offset = IANAZone.create(zone).offset(bucket * QUARTER_HOUR);
    byBucket.set(bucket, offset);
  }
  return offset;
}

function offsetSuffix(minutes: number): string {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/**
 * API instants are ISO-8601 with offset, in the network's zone ("2026-03-08T01:30:00-07:00"; the
 * milliseconds only when there are some), as luxon writes them. Lists format thousands of instants, so
 * the wall time is read off the shifted instant rather than built through a DateTime each time.
 */
export function toIso(at: Date, zone: string): string {
  const ms = at.getTime();
  const offset = offsetMinutes(ms, zone);
  const wall = new Date(ms + offset * 60_000).toISOString();
  if (wall.length !== 24) {
    // Years beyond 0000-9999: leave them to luxon.
    const fixed = FixedOffsetZone.instance(offset);
    return DateTime.fromMillis(ms, { zone: fixed }).toISO({ suppressMilliseconds: true }) ?? at.toISOString();
  }
  return `${wall.slice(0, ms % 1000 === 0 ? 19 : 23)}${offsetSuffix(offset)}`;
}

export function isoOrNull(at: Date | null | undefined, zone: string): string | null {
  return at ? toIso(at, zone) : null;
}

export type LocalParse = { ok: true; at: Date } | { ok: false; message: string };

/**
 * An instant from either an ISO string with an offset, or a local wall-clock time ("2026-03-08T02:30")
 * in the network's zone. A local time the clocks skip (spring forward) is refused rather than guessed.
 */
export function parseInstantInZone(input: string, zone: string): LocalParse {
  const hasOffset = /([zZ]|[+-]\d{2}:?\d{2})$/.test(input);
  const dt = hasOffset ? DateTime.fromISO(input, { setZone: true }) : DateTime.fromISO(input, { zone });
  // A bare date would silently mean midnight.
  if (!dt.isValid || !/T\d/i.test(input))
    return { ok: false, message: 'must be an ISO date-time such as 2026-03-06T18:00' };
  if (!hasOffset) {
    // Read in UTC, which skips no hour, the fields stay as written; in the zone a skipped time moves on.
    const written = DateTime.fromISO(input, { zone: 'UTC' });
    const wall = "yyyy-MM-dd'T'HH:mm:ss.SSS";
    if (written.toFormat(wall) !== dt.toFormat(wall))
      return { ok: false, message: `does not exist in ${zone} (the clocks skip it)` };
  }
  return { ok: true, at: dt.toJSDate() };
}
