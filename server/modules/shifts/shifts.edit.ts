import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { HOUR, MINUTE } from '../../lib/clock';
import type { CommandContext } from '../../lib/commands';
import { shortDateTime } from '../../lib/dates';
import { parseInstantInZone } from '../../lib/time';
import type { ShiftsPorts } from './shifts.ports';
import { deleteShift, findShift, type ShiftRow, signupsFor, updateShift } from './shifts.repo';
import type { ShiftPatch } from './shifts.schemas';
import { renderShiftsText } from './shifts.texts';

const MAX_SHIFT_MS = 24 * HOUR;
/** A shift entered for "now" is fine; one that ended before it was entered is a typo. */
const PAST_GRACE_MS = 5 * MINUTE;

type Problem = { path: string; message: string };

/** Parses and checks a shift's local times: both real, in order, at most a day, not over already. */
export function shiftTimes(
  startsAt: string,
  endsAt: string,
  zone: string,
  now: Date,
): { startsAt: Date; endsAt: Date } {
  const starts = parseInstantInZone(startsAt, zone);
  const ends = parseInstantInZone(endsAt, zone);
  const problems: Problem[] = [
    ...(starts.ok ? [] : [{ path: 'body.startsAt', message: starts.message }]),
    ...(ends.ok ? [] : [{ path: 'body.endsAt', message: ends.message }]),
  ];
  if (starts.ok && ends.ok) {
    const length = ends.at.getTime() - starts.at.getTime();
    if (length <= 0) problems.push({ path: 'body.endsAt', message: 'must be after startsAt' });
    else if (length > MAX_SHIFT_MS)
      problems.push({ path: 'body.endsAt', message: 'a shift lasts at most 24 hours' });
    else if (ends.at.getTime() <= now.getTime() - PAST_GRACE_MS)
      problems.push({ path: 'body.startsAt', message: 'is in the past: this shift would already be over' });
  }
  if (problems.length || !starts.ok || !ends.ok) throw new ValidationError(problems);
  return { startsAt: starts.at, endsAt: ends.at };
}

function oneOff(ctx: CommandContext, id: number): ShiftRow {
  const shift = findShift(ctx.tx, id);
  if (!shift) throw new NotFoundError('Shift');
  // The weekly template would make it again; change or pause the template instead.
  if (shift.templateId !== null) {
    throw new ConflictError('template_shift', 'This shift comes from a weekly template: change the template');
  }
  return shift;
}

/** Texts everyone signed up for a shift, each in their own language. */
function tellSignedUp(
  ctx: CommandContext,
  ports: ShiftsPorts,
  shift: ShiftRow,
  key: 'shiftMoved' | 'shiftCancelled',
  zone: string,
): number {
  const site = ports.sites.findIn(ctx.tx, shift.siteId)?.name ?? '';
  let told = 0;
  for (const s of signupsFor(ctx.tx, [shift.id])) {
    const v = ports.volunteers.findIn(ctx.tx, s.volunteerId);
    if (!v?.active) continue;
    const lang = v.smsLanguage;
    const body = renderShiftsText(key, lang, {
      id: shift.id,
      site,
      when: shortDateTime(shift.startsAt, zone, lang),
    });
    ports.sms.enqueue(ctx, {
      to: v.phone,
      body,
      kind: 'direct',
      language: lang,
      related: { type: 'shift', id: shift.id },
    });
    told += 1;
  }
  return told;
}

export function editShiftIn(
  ctx: CommandContext,
  ports: ShiftsPorts,
  id: number,
  patch: ShiftPatch,
  zone: string,
): ShiftRow {
  const shift = oneOff(ctx, id);
  const times =
    patch.startsAt !== undefined || patch.endsAt !== undefined
      ? shiftTimes(
          patch.startsAt ?? shift.startsAt.toISOString(),
          patch.endsAt ?? shift.endsAt.toISOString(),
          zone,
          ctx.now,
        )
      : null;
  const updated = updateShift(ctx.tx, id, {
    ...(times ?? {}),
    ...(patch.needed !== undefined ? { needed: patch.needed } : {}),
    ...(patch.role !== undefined ? { role: patch.role } : {}),
  });
  const moved =
    updated.startsAt.getTime() !== shift.startsAt.getTime() ||
    updated.endsAt.getTime() !== shift.endsAt.getTime();
  const told = moved ? tellSignedUp(ctx, ports, updated, 'shiftMoved', zone) : 0;
  ctx.audit({
    action: 'shift.updated',
    entity: 'shift',
    entityId: id,
    changes: { ...patch, told },
  });
  ctx.emit('shift.updated', { id, siteId: updated.siteId });
  return updated;
}

export function deleteShiftIn(
  ctx: CommandContext,
  ports: ShiftsPorts,
  id: number,
  zone: string,
): { told: number } {
  const shift = oneOff(ctx, id);
  const told =
    shift.endsAt.getTime() > ctx.now.getTime() ? tellSignedUp(ctx, ports, shift, 'shiftCancelled', zone) : 0;
  deleteShift(ctx.tx, id);
  ctx.audit({
    action: 'shift.deleted',
    entity: 'shift',
    entityId: id,
    changes: { siteId: shift.siteId, told },
  });
  ctx.emit('shift.deleted', { id, siteId: shift.siteId });
  return { told };
}
