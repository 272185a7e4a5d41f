import type { DbOrTx } from '../../../db/client';
import { toIso } from '../../lib/time';
import type { UsersService } from '../users/users.service';
import type { VolunteersService } from '../volunteers/volunteers.service';
import { type ReleaseRow, timelineOf } from './releases.repo';
import type { TimelineEntry } from './releases.schemas';

export interface TimelineNamePorts {
  users: Pick<UsersService, 'namesById' | 'findIn'>;
  volunteers: Pick<VolunteersService, 'namesOf'>;
}

/**
 * The timeline stores who acted as a label (user:7, sms:+1***42); people read names. A volunteer's
 * name is looked up now, so one erased since reads as erased rather than by their old name or number.
 */
export function namedTimeline(
  db: DbOrTx,
  releaseId: number,
  ports: TimelineNamePorts,
  zone: string,
): TimelineEntry[] {
  const rows = timelineOf(db, releaseId);
  const users = ports.users.namesById(db);
  const volunteerIds = rows.flatMap((t) => (t.volunteerId === null ? [] : [t.volunteerId]));
  const volunteers = ports.volunteers.namesOf(db, volunteerIds);
  return rows.map((t) => {
    const volunteer = t.volunteerId === null ? null : volunteers.get(t.volunteerId) || '';
    return {
      id: t.id,
      at: toIso(t.at, zone),
      actor: volunteer ?? ((t.userId !== null && users.get(t.userId)) || t.actor),
      actorErased: volunteer === '',
      kind: t.kind,
      fromStatus: t.fromStatus,
      toStatus: t.toStatus,
      note: t.note,
    };
  });
}

/** The one line of a release just logged on the web, named as namedTimeline() would name it. */
export function createdEntry(id: number, row: ReleaseRow, actor: string, zone: string): TimelineEntry {
  return {
    id,
    at: toIso(row.createdAt, zone),
    actor,
    actorErased: false,
    kind: 'created',
    fromStatus: null,
    toStatus: row.status,
    note: null,
  };
}
