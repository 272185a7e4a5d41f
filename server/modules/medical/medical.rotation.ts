import { DateTime } from 'luxon';

export interface Rotation {
  participants: number[];
  handoff: 'daily' | 'weekly';
  /** Local wall-clock time "HH:mm" in the network's zone. */
  handoffTime: string;
  /** The local date of the first turn. */
  startsOn: string;
}

export interface Cover {
  contactId: number;
  startsAt: Date;
  endsAt: Date;
}

export interface Turn {
  contactId: number;
  startsAt: Date;
  endsAt: Date;
  /** Who takes over when this turn ends. */
  nextContactId: number | null;
  /** Set when someone is covering instead of the rotation. */
  override: boolean;
}

/**
 * When turn `k` starts: the handoff time on the local date k days (or weeks) after the start, so a
 * handoff at 08:00 stays at 08:00 across daylight-saving changes (a time the clocks skip moves to
 * the next valid minute).
 */
function turnStart(r: Rotation, k: number, zone: string): DateTime {
  const [hour, minute] = r.handoffTime.split(':').map(Number) as [number, number];
  const step = r.handoff === 'weekly' ? 7 : 1;
  return DateTime.fromISO(r.startsOn, { zone })
    .plus({ days: k * step })
    .set({ hour, minute, second: 0, millisecond: 0 });
}

/** The rotation's turn at an instant, or null before its first turn or with nobody in it. */
export function rotationTurn(r: Rotation, at: Date, zone: string): Omit<Turn, 'override'> | null {
  const n = r.participants.length;
  if (n === 0) return null;
  const step = r.handoff === 'weekly' ? 7 : 1;
  const local = DateTime.fromJSDate(at, { zone });
  let k = Math.floor(local.startOf('day').diff(DateTime.fromISO(r.startsOn, { zone }), 'days').days / step);
  while (turnStart(r, k + 1, zone).toMillis() <= at.getTime()) k += 1;
  while (k >= 0 && turnStart(r, k, zone).toMillis() > at.getTime()) k -= 1;
  if (k < 0) return null;
  return {
    contactId: r.participants[k % n]!,
    startsAt: turnStart(r, k, zone).toJSDate(),
    endsAt: turnStart(r, k + 1, zone).toJSDate(),
    nextContactId: r.participants[(k + 1) % n]!,
  };
}

/** Who is on call at an instant: an override covering it wins over the rotation. */
export function turnAt(r: Rotation, overrides: readonly Cover[], at: Date, zone: string): Turn | null {
  const t = at.getTime();
  const cover = overrides.find((o) => o.startsAt.getTime() <= t && t < o.endsAt.getTime());
  if (cover) {
    const after = turnAt(
      r,
      overrides.filter((o) => o !== cover),
      cover.endsAt,
      zone,
    );
    return {
      contactId: cover.contactId,
      startsAt: cover.startsAt,
      endsAt: cover.endsAt,
      nextContactId: after?.contactId ?? null,
      override: true,
    };
  }
  const turn = rotationTurn(r, at, zone);
  if (!turn) return null;
  // An override starting during this turn ends it early and is who comes next.
  const cut = overrides
    .filter((o) => o.startsAt.getTime() > t && o.startsAt.getTime() < turn.endsAt.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  return cut
    ? { ...turn, endsAt: cut.startsAt, nextContactId: cut.contactId, override: false }
    : { ...turn, override: false };
}

/** Stretches of [from, from + hours) with nobody on call, checked hour by hour and merged. */
export function gapsIn(onCall: (at: Date) => boolean, from: Date, hours: number): { from: Date; to: Date }[] {
  const HOUR = 3_600_000;
  const gaps: { from: Date; to: Date }[] = [];
  for (let h = 0; h < hours; h += 1) {
    const at = new Date(from.getTime() + h * HOUR);
    if (onCall(at)) continue;
    const last = gaps.at(-1);
    if (last && last.to.getTime() === at.getTime()) last.to = new Date(at.getTime() + HOUR);
    else gaps.push({ from: at, to: new Date(at.getTime() + HOUR) });
  }
  return gaps;
}
