import { IANAZone } from 'luxon';
import type { StoredLeg } from '../../../db/schema';
import { type ErrorDetail, ValidationError } from '../../errors';
import { MINUTE } from '../../lib/clock';
import { parseInstantInZone, toIso } from '../../lib/time';
import type { Leg, LegInput } from './travel.schemas';

/**
 * Legs typed as wall-clock times at each stop, read in that stop's own zone (El Paso in Mountain time,
 * Atlanta in Eastern), so a bus's printed timetable is entered as it reads. A time the clocks skip is
 * refused; legs must follow one another, and a transfer's next leg leaves after the last one arrives.
 */
export function storedLegs(legs: LegInput[], defaultZone: string, path = 'body.legs'): StoredLeg[] {
  const problems: ErrorDetail[] = [];
  const out: StoredLeg[] = [];
  legs.forEach((leg, i) => {
    const at = `${path}.${i}`;
    const fromZone = zoneOf(leg.fromZone, defaultZone, `${at}.fromZone`, problems);
    const toZone = zoneOf(leg.toZone, defaultZone, `${at}.toZone`, problems);
    const departs = fromZone ? instant(leg.departsAt, fromZone, `${at}.departsAt`, problems) : null;
    const arrives = toZone ? instant(leg.arrivesAt, toZone, `${at}.arrivesAt`, problems) : null;
    if (departs === null || arrives === null || !fromZone || !toZone) return;
    if (arrives <= departs)
      problems.push({ path: `${at}.arrivesAt`, message: 'must be after the departure' });
    const previous = out[out.length - 1];
    if (previous && departs <= previous.arrivesAt)
      problems.push({
        path: `${at}.departsAt`,
        message: 'a transfer must leave after the previous leg arrives',
      });
    out.push({
      carrier: leg.carrier,
      from: leg.from,
      fromZone,
      departsAt: departs,
      to: leg.to,
      toZone,
      arrivesAt: arrives,
    });
  });
  if (problems.length) throw new ValidationError(problems);
  return out;
}

function zoneOf(
  given: string | undefined,
  fallback: string,
  path: string,
  problems: ErrorDetail[],
): string | null {
  const zone = given || fallback;
  if (IANAZone.isValidZone(zone)) return zone;
  problems.push({ path, message: 'must be a time zone such as America/Denver' });
  return null;
}

function instant(input: string, zone: string, path: string, problems: ErrorDetail[]): number | null {
  const parsed = parseInstantInZone(input, zone);
  if (parsed.ok) return parsed.at.getTime();
  problems.push({ path, message: parsed.message });
  return null;
}

/** Each leg with its times in its own stops' zones, and the wait before the next leg. */
export function shownLegs(legs: StoredLeg[]): Leg[] {
  return legs.map((leg, i) => {
    const next = legs[i + 1];
    return {
      carrier: leg.carrier,
      from: leg.from,
      fromZone: leg.fromZone,
      departsAt: toIso(new Date(leg.departsAt), leg.fromZone),
      to: leg.to,
      toZone: leg.toZone,
      arrivesAt: toIso(new Date(leg.arrivesAt), leg.toZone),
      transferMinutes: next ? Math.round((next.departsAt - leg.arrivesAt) / MINUTE) : null,
    };
  });
}
