import { DateTime } from 'luxon';
import { cleanLanguages } from '../../../shared/languages';
import { ConflictError, ValidationError } from '../../errors';
import { MINUTE } from '../../lib/clock';
import type { CommandContext } from '../../lib/commands';
import { findRelease, insertTimeline, type ReleaseRow, updateRelease } from './releases.repo';
import type { ReleasePatch, ReleaseSearch } from './releases.schemas';

/** A clock a few minutes behind the server's should not turn "now" into "in the past". */
const PAST_GRACE_MS = 5 * MINUTE;

/** A release expected at a time already gone is most likely a typo for today or tomorrow. */
export function refuseExpectedInPast(expectedAt: string | undefined, now: Date): void {
  if (expectedAt && new Date(expectedAt).getTime() < now.getTime() - PAST_GRACE_MS) {
    throw new ValidationError([
      {
        path: 'body.expectedAt',
        message: 'is in the past: check the day, or log the release as arrived',
      },
    ]);
  }
}

/**
 * Corrects what was logged in a hurry (an SMS-logged release arrives with no languages). A closed,
 * cancelled or purged release is a record for reports and is not changed.
 */
export function editReleaseIn(ctx: CommandContext, id: number, patch: ReleasePatch): ReleaseRow | null {
  const current = findRelease(ctx.tx, id);
  if (!current) return null;
  if (current.status === 'closed' || current.status === 'cancelled' || current.purgedAt) {
    throw new ConflictError('release_closed', `This release is ${current.status} and can no longer change`);
  }
  if (patch.expectedAt !== undefined && current.status !== 'expected') {
    throw new ValidationError([
      { path: 'body.expectedAt', message: 'only an expected release has an expected time' },
    ]);
  }
  refuseExpectedInPast(patch.expectedAt, ctx.now);
  const next: Partial<ReleaseRow> = {
    ...(patch.adults !== undefined ? { adults: patch.adults } : {}),
    ...(patch.children !== undefined ? { children: patch.children } : {}),
    ...(patch.languages ? { languages: cleanLanguages(patch.languages) } : {}),
    ...(patch.needs ? { needs: [...new Set(patch.needs)] } : {}),
    ...(patch.destination !== undefined ? { destination: patch.destination || null } : {}),
    ...(patch.travelDate !== undefined ? { travelDate: patch.travelDate } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes || null } : {}),
    ...(patch.expectedAt ? { expectedAt: new Date(patch.expectedAt) } : {}),
  };
  if ((next.adults ?? current.adults) + (next.children ?? current.children) === 0) {
    throw new ValidationError([{ path: 'body.adults', message: 'a release has at least one person' }]);
  }
  const changed = Object.keys(next).filter(
    (k) => JSON.stringify(current[k as keyof ReleaseRow]) !== JSON.stringify(next[k as keyof ReleaseRow]),
  );
  if (changed.length === 0) return current;
  // A need no longer asked for is no longer met either.
  const needsMet = next.needs ? current.needsMet.filter((n) => next.needs!.includes(n)) : current.needsMet;
  const row = updateRelease(ctx.tx, id, { ...next, needsMet, updatedAt: ctx.now });
  insertTimeline(ctx.tx, {
    releaseId: id,
    at: ctx.now,
    actor: ctx.actor.label,
    userId: ctx.actor.userId,
    volunteerId: ctx.actor.volunteerId ?? null,
    kind: 'edited',
    note: changed.join(', '),
  });
  // Free text stays out of the audit and the live feed, which outlive the retention purge.
  const counted = ['adults', 'children', 'languages', 'needs', 'expectedAt'];
  ctx.audit({
    action: 'release.updated',
    entity: 'release',
    entityId: id,
    changes: Object.fromEntries(
      changed.map((k) => [k, counted.includes(k) ? next[k as keyof ReleaseRow] : '[changed]']),
    ),
  });
  return row;
}

/** Releases whose code, site and local day (when logged) match a history search. */
export function matchesSearch(rows: ReleaseRow[], search: ReleaseSearch, zone: string): ReleaseRow[] {
  const digits = search.q?.replace(/\D/g, '');
  const day = (at: Date) => DateTime.fromJSDate(at, { zone }).toISODate()!;
  return rows.filter(
    (r) =>
      (!search.q ||
        r.code.toLowerCase().includes(search.q.toLowerCase()) ||
        (!!digits && r.code.includes(digits))) &&
      (!search.siteId || r.siteId === search.siteId) &&
      (!search.from || day(r.createdAt) >= search.from) &&
      (!search.to || day(r.createdAt) <= search.to),
  );
}
