import { DateTime } from 'luxon';
import type { Core } from '../../deps';
import { NotFoundError, ValidationError } from '../../errors';
import { type Actor, type CommandContext, systemActor } from '../../lib/commands';
import type { SitesService } from '../sites/sites.service';
import {
  insertTemplate,
  listTemplates,
  type ShiftRow,
  type TemplateRow,
  updateTemplate,
} from './shifts.repo';
import type { TemplateInput } from './shifts.schemas';

export const HORIZON_DAYS = 14;

/**
 * Local wall-clock times on a local date, as instants. Built from the date's own offset on each side,
 * so "18:00" is 18:00 on both sides of a DST change; a start in the skipped hour moves to the next
 * valid minute (luxon's rule).
 */
export function occurrence(day: DateTime, t: TemplateRow): { startsAt: Date; endsAt: Date } {
  const at = (d: DateTime, hhmm: string) => {
    const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
    return d.set({ hour, minute, second: 0, millisecond: 0 });
  };
  const start = at(day, t.startTime);
  const endDay = t.endTime <= t.startTime ? day.plus({ days: 1 }) : day;
  return { startsAt: start.toJSDate(), endsAt: at(endDay, t.endTime).toJSDate() };
}

export class ShiftTemplates {
  constructor(
    private readonly core: Core,
    private readonly shifts: {
      insert(ctx: CommandContext, shift: Omit<ShiftRow, 'id' | 'createdAt'>): ShiftRow | null;
    },
    private readonly sites: Pick<SitesService, 'findIn'>,
  ) {}

  list(): TemplateRow[] {
    return listTemplates(this.core.db);
  }

  create(actor: Actor, input: TemplateInput): TemplateRow {
    const row = this.core.commands.run(actor, (ctx) => {
      if (!this.sites.findIn(ctx.tx, input.siteId))
        throw new ValidationError([{ path: 'body.siteId', message: 'no such site' }]);
      const created = insertTemplate(ctx.tx, { ...input, role: input.role ?? null, createdAt: ctx.now });
      ctx.audit({
        action: 'shift_template.created',
        entity: 'shift_template',
        entityId: created.id,
        changes: { ...input },
      });
      ctx.emit('shift_template.created', { id: created.id });
      return created;
    });
    this.materialize();
    return row;
  }

  /**
   * Pausing a template stops new dated shifts; those already made (and their signups) stay, since
   * people may have planned around them. A new count or role applies to shifts made from now on.
   */
  update(
    actor: Actor,
    id: number,
    patch: { active?: boolean; needed?: number; role?: string | null },
  ): TemplateRow {
    const row = this.core.commands.run(actor, (ctx) => {
      const updated = updateTemplate(ctx.tx, id, patch);
      if (!updated) throw new NotFoundError('Shift template');
      ctx.audit({
        action: 'shift_template.updated',
        entity: 'shift_template',
        entityId: id,
        changes: { ...patch },
      });
      ctx.emit('shift_template.updated', { id });
      return updated;
    });
    if (row.active) this.materialize();
    return row;
  }

  /** Makes the dated shifts of every active template for the next HORIZON_DAYS; running it twice adds nothing. */
  materialize(): number {
    if (!listTemplates(this.core.db).some((t) => t.active)) return 0;
    return this.core.commands.run({ ...systemActor, label: 'shift-templates' }, (ctx) =>
      this.materializeIn(ctx),
    );
  }

  materializeIn(ctx: CommandContext): number {
    const zone = this.core.config.NETWORK_TZ;
    const today = DateTime.fromJSDate(ctx.now, { zone }).startOf('day');
    const templates = listTemplates(ctx.tx).filter((t) => t.active);
    let made = 0;
    for (let i = 0; i < HORIZON_DAYS; i += 1) {
      const day = today.plus({ days: i });
      for (const t of templates.filter((x) => x.weekday === day.weekday)) {
        const { startsAt, endsAt } = occurrence(day, t);
        if (endsAt.getTime() <= ctx.now.getTime()) continue;
        const row = this.shifts.insert(ctx, {
          siteId: t.siteId,
          startsAt,
          endsAt,
          role: t.role,
          needed: t.needed,
          templateId: t.id,
        });
        if (row) made += 1;
      }
    }
    return made;
  }
}
