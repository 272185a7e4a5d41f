import { DateTime } from 'luxon';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { HOUR } from '../../lib/clock';
import type { Actor, CommandContext } from '../../lib/commands';
import { parseInstantInZone, toIso } from '../../lib/time';
import type { ScreeningService } from '../screening/screening.service';
import { findSiteById } from '../sites/sites.repo';
import { beforeQuietHours } from '../sms/sms.quiet';
import { findVolunteer } from '../volunteers/volunteers.repo';
import {
  deleteSignup,
  findShift,
  findSignup,
  insertShift,
  insertSignup,
  type ShiftRow,
  shiftsBetween,
  signupsFor,
} from './shifts.repo';
import type { CreateShiftInput, Shift } from './shifts.schemas';

const MAX_SHIFT_MS = 24 * HOUR;

export class ShiftsService {
  constructor(
    private readonly core: Core,
    private readonly screening: ScreeningService,
  ) {}

  private get zone() {
    return this.core.config.NETWORK_TZ;
  }

  /** Midnight of a local date, or of today, in the network's zone. */
  localDay(date: string | undefined): DateTime {
    const base = date
      ? DateTime.fromISO(date, { zone: this.zone })
      : DateTime.fromJSDate(this.core.clock.now(), { zone: this.zone });
    return base.startOf('day');
  }

  create(actor: Actor, input: CreateShiftInput): Shift {
    const starts = parseInstantInZone(input.startsAt, this.zone);
    const ends = parseInstantInZone(input.endsAt, this.zone);
    const problems = [
      ...(starts.ok ? [] : [{ path: 'body.startsAt', message: starts.message }]),
      ...(ends.ok ? [] : [{ path: 'body.endsAt', message: ends.message }]),
    ];
    if (starts.ok && ends.ok) {
      const length = ends.at.getTime() - starts.at.getTime();
      if (length <= 0) problems.push({ path: 'body.endsAt', message: 'must be after startsAt' });
      else if (length > MAX_SHIFT_MS)
        problems.push({ path: 'body.endsAt', message: 'a shift lasts at most 24 hours' });
    }
    if (problems.length || !starts.ok || !ends.ok) throw new ValidationError(problems);
    const row = this.core.commands.run(actor, (ctx) => {
      if (!findSiteById(ctx.tx, input.siteId))
        throw new ValidationError([{ path: 'body.siteId', message: 'no such site' }]);
      return this.insert(ctx, {
        siteId: input.siteId,
        startsAt: starts.at,
        endsAt: ends.at,
        role: input.role ?? null,
        needed: input.needed,
        templateId: null,
      })!;
    });
    return this.get(row.id);
  }

  /** Inside a command; answers null when a template already made this shift. */
  insert(ctx: CommandContext, shift: Omit<ShiftRow, 'id' | 'createdAt'>): ShiftRow | null {
    const row = insertShift(ctx.tx, { ...shift, createdAt: ctx.now });
    if (!row) return null;
    ctx.audit({
      action: 'shift.created',
      entity: 'shift',
      entityId: row.id,
      changes: { siteId: row.siteId, needed: row.needed, templateId: row.templateId },
    });
    ctx.emit('shift.created', { id: row.id, siteId: row.siteId });
    return row;
  }

  list(from: Date, to: Date): Shift[] {
    const db = this.core.db;
    const rows = shiftsBetween(db, from, to);
    const signups = signupsFor(
      db,
      rows.map((r) => r.shift.id),
    );
    const now = this.core.clock.now();
    const screeningOf = new Map<number, 'clear' | 'isolating' | 'missing'>();
    for (const s of signups) {
      if (!screeningOf.has(s.signup.volunteerId)) {
        screeningOf.set(s.signup.volunteerId, this.screening.stateOf(db, s.signup.volunteerId, now).state);
      }
    }
    return rows.map(({ shift, siteName }) => {
      const mine = signups
        .filter((s) => s.signup.shiftId === shift.id)
        .map((s) => {
          const screening = screeningOf.get(s.signup.volunteerId) ?? 'missing';
          return {
            volunteerId: s.signup.volunteerId,
            name: s.name,
            source: s.signup.source,
            screening,
            counts: screening !== 'isolating',
          };
        });
      const filled = mine.filter((s) => s.counts).length;
      return {
        id: shift.id,
        siteId: shift.siteId,
        siteName,
        startsAt: toIso(shift.startsAt, this.zone),
        endsAt: toIso(shift.endsAt, this.zone),
        date: DateTime.fromJSDate(shift.startsAt, { zone: this.zone }).toISODate()!,
        role: shift.role,
        needed: shift.needed,
        filled,
        gap: filled < shift.needed,
        templateId: shift.templateId,
        signups: mine,
      };
    });
  }

  get(id: number): Shift {
    const row = findShift(this.core.db, id);
    if (!row) throw new NotFoundError('Shift');
    return this.list(row.startsAt, new Date(row.startsAt.getTime() + 1)).find((s) => s.id === id)!;
  }

  /** Coverage per local day: the shifts that start that day, and how many places are still open. */
  coverage(fromDate: string | undefined, days: number) {
    const start = this.localDay(fromDate);
    const all = this.list(start.toJSDate(), start.plus({ days }).toJSDate());
    return {
      days: Array.from({ length: days }, (_, i) => {
        const date = start.plus({ days: i }).toISODate()!;
        const dayShifts = all.filter((s) => s.date === date);
        const needed = dayShifts.reduce((n, s) => n + s.needed, 0);
        const filled = dayShifts.reduce((n, s) => n + Math.min(s.filled, s.needed), 0);
        return { date, needed, filled, gaps: needed - filled, shifts: dayShifts };
      }),
    };
  }

  /** Signs a volunteer up inside the caller's command (web or SMS). The check and the insert share one transaction. */
  signUpIn(ctx: CommandContext, shiftId: number, volunteerId: number, source: 'web' | 'sms'): ShiftRow {
    const shift = findShift(ctx.tx, shiftId);
    if (!shift) throw new NotFoundError('Shift');
    const volunteer = findVolunteer(ctx.tx, volunteerId);
    if (!volunteer) throw new ValidationError([{ path: 'body.volunteerId', message: 'no such volunteer' }]);
    if (!volunteer.active) throw new ConflictError('volunteer_inactive', 'This volunteer is paused');
    if (shift.endsAt.getTime() <= ctx.now.getTime())
      throw new ConflictError('shift_over', 'This shift is over');
    const screen = this.screening.stateOf(ctx.tx, volunteerId, ctx.now);
    if (screen.state === 'isolating' && screen.until && screen.until.getTime() > shift.startsAt.getTime()) {
      throw new ConflictError(
        'volunteer_isolating',
        'This volunteer is isolating until after the shift starts',
      );
    }
    if (findSignup(ctx.tx, shiftId, volunteerId))
      throw new ConflictError('already_signed_up', 'Already signed up for this shift');
    // An isolating volunteer's place is open again, so only those who can come fill it.
    const counting = signupsFor(ctx.tx, [shiftId]).filter(
      (s) => this.screening.stateOf(ctx.tx, s.signup.volunteerId, ctx.now).state !== 'isolating',
    );
    if (counting.length >= shift.needed)
      throw new ConflictError('shift_full', 'This shift already has everyone it needs');
    insertSignup(ctx.tx, { shiftId, volunteerId, source, createdAt: ctx.now });
    ctx.audit({
      action: 'shift.signed_up',
      entity: 'shift',
      entityId: shiftId,
      changes: { volunteerId, source },
    });
    ctx.emit('shift.signup', { shiftId, volunteerId });
    this.scheduleReminder(ctx, shift, volunteerId);
    return shift;
  }

  signUp(actor: Actor, shiftId: number, volunteerId: number): Shift {
    this.core.commands.run(actor, (ctx) => this.signUpIn(ctx, shiftId, volunteerId, 'web'));
    return this.get(shiftId);
  }

  cancelIn(ctx: CommandContext, shiftId: number, volunteerId: number): ShiftRow {
    const shift = findShift(ctx.tx, shiftId);
    if (!shift) throw new NotFoundError('Shift');
    if (!deleteSignup(ctx.tx, shiftId, volunteerId)) throw new NotFoundError('Signup');
    ctx.audit({
      action: 'shift.signup_cancelled',
      entity: 'shift',
      entityId: shiftId,
      changes: { volunteerId },
    });
    ctx.emit('shift.signup_cancelled', { shiftId, volunteerId });
    return shift;
  }

  cancel(actor: Actor, shiftId: number, volunteerId: number): Shift {
    this.core.commands.run(actor, (ctx) => this.cancelIn(ctx, shiftId, volunteerId));
    return this.get(shiftId);
  }

  /** The reminder is a job due before the shift; it checks the signup still stands when it runs. */
  private scheduleReminder(ctx: CommandContext, shift: ShiftRow, volunteerId: number): void {
    const lead = this.core.config.SHIFT_REMINDER_HOURS * HOUR;
    if (lead <= 0) return;
    const { SMS_QUIET_HOURS, NETWORK_TZ } = this.core.config;
    const wanted = beforeQuietHours(new Date(shift.startsAt.getTime() - lead), SMS_QUIET_HOURS, NETWORK_TZ);
    const dueAt = new Date(Math.max(wanted.getTime(), ctx.now.getTime()));
    if (dueAt.getTime() >= shift.startsAt.getTime()) return;
    this.core.scheduler.schedule(ctx.tx, {
      kind: 'shift.reminder',
      dueAt,
      payload: { shiftId: shift.id, volunteerId },
      dedupeKey: `shift.reminder:${shift.id}:${volunteerId}`,
    });
  }
}
