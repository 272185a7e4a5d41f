import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/client';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { HOUR } from '../../lib/clock';
import type { Actor, CommandContext } from '../../lib/commands';
import { toIso } from '../../lib/time';
import { beforeQuietHours } from '../sms/sms.quiet';
import { deleteShiftIn, editShiftIn, shiftTimes } from './shifts.edit';
import type { ShiftsPorts } from './shifts.ports';
import { shiftReminderJob } from './shifts.reminders';
import {
  deleteFutureSignupsOf,
  deleteSignup,
  findShift,
  findSignup,
  insertShift,
  insertSignup,
  onShiftAt,
  type ShiftRow,
  shiftsBetween,
  signupsFor,
  upcomingShiftsOf,
} from './shifts.repo';
import type { CreateShiftInput, Shift, ShiftPatch } from './shifts.schemas';
import { ShiftTemplates } from './shifts.templates';

export type { ShiftsPorts };

export class ShiftsService {
  /** Weekly shifts that make dated ones. */
  readonly templates: ShiftTemplates;
  readonly reminder: ReturnType<typeof shiftReminderJob>;

  constructor(
    private readonly core: Core,
    readonly ports: ShiftsPorts,
  ) {
    this.templates = new ShiftTemplates(core, this, ports.sites);
    this.reminder = shiftReminderJob(core, ports);
  }

  /** The volunteers signed up for a shift, or null when there is no such shift. */
  signedUpFor(db: DbOrTx, shiftId: number): Set<number> | null {
    if (!findShift(db, shiftId)) return null;
    return new Set(signupsFor(db, [shiftId]).map((s) => s.volunteerId));
  }

  /** Inside the command that erases a volunteer: places on shifts to come open up again. */
  dropFutureSignupsIn(ctx: CommandContext, volunteerId: number): number {
    return deleteFutureSignupsOf(ctx.tx, volunteerId, ctx.now);
  }

  /** Who is on a shift right now, and at which sites. */
  onShiftNow(db: DbOrTx, now: Date): Map<number, Set<number>> {
    return onShiftAt(db, now);
  }

  /** A volunteer's next shift that has not ended, with its site's name. */
  nextShiftOf(db: DbOrTx, volunteerId: number, now: Date): { startsAt: Date; siteName: string } | null {
    const next = upcomingShiftsOf(db, volunteerId, now)[0];
    if (!next) return null;
    return { startsAt: next.startsAt, siteName: this.ports.sites.findIn(db, next.siteId)?.name ?? '' };
  }

  /** Shifts starting in [from, to) with how many signed up: volunteer hours for the donor report. */
  staffedShifts(from: Date, to: Date): { startsAt: Date; endsAt: Date; people: number }[] {
    const db = this.core.db;
    const rows = shiftsBetween(db, from, to).filter((s) => s.startsAt >= from && s.startsAt < to);
    const signups = signupsFor(
      db,
      rows.map((s) => s.id),
    );
    return rows.map((s) => ({
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      people: signups.filter((u) => u.shiftId === s.id).length,
    }));
  }

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
    const times = shiftTimes(input.startsAt, input.endsAt, this.zone, this.core.clock.now());
    const row = this.core.commands.run(actor, (ctx) => {
      const site = this.ports.sites.findIn(ctx.tx, input.siteId);
      if (!site) throw new ValidationError([{ path: 'body.siteId', message: 'no such site' }]);
      if (site.archivedAt)
        throw new ValidationError([{ path: 'body.siteId', message: 'this site is archived' }]);
      return this.insert(ctx, {
        siteId: input.siteId,
        ...times,
        role: input.role ?? null,
        needed: input.needed,
        templateId: null,
      })!;
    });
    return this.get(row.id);
  }

  update(actor: Actor, id: number, patch: ShiftPatch): Shift {
    this.core.commands.run(actor, (ctx) => editShiftIn(ctx, this.ports, id, patch, this.zone));
    return this.get(id);
  }

  /** Deletes a one-off shift; those signed up are told. */
  remove(actor: Actor, id: number): { told: number } {
    return this.core.commands.run(actor, (ctx) => deleteShiftIn(ctx, this.ports, id, this.zone));
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
      rows.map((r) => r.id),
    );
    const siteNames = this.ports.sites.namesById(db);
    const signedUp = signups.map((s) => s.volunteerId);
    const names = this.ports.volunteers.namesOf(db, signedUp);
    const states = signups.length ? this.ports.screening.statesOf(db, signedUp) : new Map();
    const byShift = new Map<number, typeof signups>();
    for (const s of signups) {
      const list = byShift.get(s.shiftId);
      if (list) list.push(s);
      else byShift.set(s.shiftId, [s]);
    }
    return rows.map((shift) => {
      const siteName = siteNames.get(shift.siteId) ?? '';
      const mine = (byShift.get(shift.id) ?? []).map((s) => {
        const screening = states.get(s.volunteerId)?.state ?? 'missing';
        return {
          volunteerId: s.volunteerId,
          name: names.get(s.volunteerId) ?? '',
          source: s.source,
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
    const volunteer = this.ports.volunteers.findIn(ctx.tx, volunteerId);
    if (!volunteer) throw new ValidationError([{ path: 'body.volunteerId', message: 'no such volunteer' }]);
    if (!volunteer.active) throw new ConflictError('volunteer_inactive', 'This volunteer is paused');
    if (shift.endsAt.getTime() <= ctx.now.getTime())
      throw new ConflictError('shift_over', 'This shift is over');
    const screen = this.ports.screening.stateOf(ctx.tx, volunteerId, ctx.now);
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
      (s) => this.ports.screening.stateOf(ctx.tx, s.volunteerId, ctx.now).state !== 'isolating',
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
    this.core.scheduler.schedule(ctx.tx, this.reminder, {
      dueAt,
      payload: { shiftId: shift.id, volunteerId },
      dedupeKey: `shift.reminder:${shift.id}:${volunteerId}`,
    });
  }
}
