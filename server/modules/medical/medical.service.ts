import type { DbOrTx } from '../../../db/client';
import { cleanLanguages } from '../../../shared/languages';
import { GAP_DAYS, type ScheduleLayer } from '../../../shared/medical';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Actor } from '../../lib/commands';
import { toIso } from '../../lib/time';
import { Pages } from './medical.pages';
import type { MedicalPorts } from './medical.ports';
import {
  type ContactRow,
  findContact,
  findContactByPhone,
  findSchedule,
  insertContact,
  insertOverride,
  insertSchedule,
  listContacts,
  listSchedules,
  overridesOf,
  updateContact,
} from './medical.repo';
import { gapsIn, type Turn, turnAt } from './medical.rotation';
import type { Contact, CreateContactInput, CreateScheduleInput, OnCall, Schedule } from './medical.schemas';

/** Who may read a medical contact's phone: medical staff, coordinators and admins. */
export interface Reader {
  seesPhones: boolean;
}

export interface OnCallNow {
  layer: ScheduleLayer;
  contact: ContactRow;
  turn: Turn;
}

function duplicatePhone(): ConflictError {
  return new ConflictError('duplicate_phone', 'Another medical contact already has this phone number', [
    { path: 'body.phone', message: 'is already used' },
  ]);
}

/** Medical contacts and their on-call schedules: who to call right now, and the gaps ahead. */
export class MedicalService {
  /** Paging the person on call, with escalation. */
  readonly pages: Pages;

  constructor(
    private readonly core: Core,
    readonly ports: MedicalPorts,
  ) {
    this.pages = new Pages(core, ports, this);
  }

  private get zone() {
    return this.core.config.NETWORK_TZ;
  }

  findByPhoneIn(db: DbOrTx, phone: string): ContactRow | null {
    return findContactByPhone(db, phone);
  }

  toContact(row: ContactRow, reader: Reader): Contact {
    return {
      id: row.id,
      name: row.name,
      phone: reader.seesPhones ? row.phone : null,
      role: row.role,
      languages: row.languages,
      smsLanguage: row.smsLanguage,
      active: row.active,
    };
  }

  contacts(reader: Reader): Contact[] {
    return listContacts(this.core.db).map((c) => this.toContact(c, reader));
  }

  createContact(actor: Actor, input: CreateContactInput): Contact {
    const phone = this.ports.sms.normalizePhone(input.phone, 'body.phone');
    const row = this.core.commands.run(actor, (ctx) => {
      if (findContactByPhone(ctx.tx, phone)) throw duplicatePhone();
      const created = insertContact(ctx.tx, {
        ...input,
        phone,
        languages: cleanLanguages(input.languages),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      ctx.audit({
        action: 'medical_contact.created',
        entity: 'medical_contact',
        entityId: created.id,
        changes: { name: created.name, role: created.role },
      });
      ctx.emit('medical_contact.created', { id: created.id, name: created.name }, [
        'admin',
        'coordinator',
        'medical',
      ]);
      return created;
    });
    return this.toContact(row, { seesPhones: true });
  }

  updateContact(actor: Actor, id: number, patch: Partial<CreateContactInput>): Contact {
    const phone =
      patch.phone === undefined ? undefined : this.ports.sms.normalizePhone(patch.phone, 'body.phone');
    const row = this.core.commands.run(actor, (ctx) => {
      if (!findContact(ctx.tx, id)) throw new NotFoundError('Medical contact');
      const holder = phone ? findContactByPhone(ctx.tx, phone) : null;
      if (holder && holder.id !== id) throw duplicatePhone();
      const updated = updateContact(ctx.tx, id, {
        ...patch,
        ...(phone ? { phone } : {}),
        ...(patch.languages ? { languages: cleanLanguages(patch.languages) } : {}),
        updatedAt: ctx.now,
      });
      const fields = Object.keys(patch);
      ctx.audit({
        action: 'medical_contact.updated',
        entity: 'medical_contact',
        entityId: id,
        changes: { fields },
      });
      ctx.emit('medical_contact.updated', { id, fields }, ['admin', 'coordinator', 'medical']);
      return updated;
    });
    return this.toContact(row, { seesPhones: true });
  }

  private checkContacts(db: DbOrTx, ids: number[], path: string): void {
    const known = new Set(listContacts(db, ids).map((c) => c.id));
    ids.forEach((id, i) => {
      if (!known.has(id))
        throw new ValidationError([{ path: `${path}.${i}`, message: 'no such medical contact' }]);
    });
  }

  createSchedule(actor: Actor, input: CreateScheduleInput): Schedule {
    const row = this.core.commands.run(actor, (ctx) => {
      this.checkContacts(ctx.tx, input.participants, 'body.participants');
      const created = insertSchedule(ctx.tx, { ...input, createdAt: ctx.now });
      ctx.audit({
        action: 'oncall_schedule.created',
        entity: 'oncall_schedule',
        entityId: created.id,
        changes: { ...input },
      });
      ctx.emit('oncall_schedule.created', { id: created.id, layer: created.layer });
      return created;
    });
    return this.schedules().items.find((s) => s.id === row.id)!;
  }

  addOverride(
    actor: Actor,
    scheduleId: number,
    input: { contactId: number; startsAt: string; endsAt: string },
  ): Schedule {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt.getTime() <= startsAt.getTime())
      throw new ValidationError([{ path: 'body.endsAt', message: 'must be after startsAt' }]);
    this.core.commands.run(actor, (ctx) => {
      if (!findSchedule(ctx.tx, scheduleId)) throw new NotFoundError('Schedule');
      this.checkContacts(ctx.tx, [input.contactId], 'body.contactId');
      const created = insertOverride(ctx.tx, {
        scheduleId,
        contactId: input.contactId,
        startsAt,
        endsAt,
        createdAt: ctx.now,
      });
      ctx.audit({
        action: 'oncall_override.created',
        entity: 'oncall_schedule',
        entityId: scheduleId,
        changes: { overrideId: created.id, contactId: input.contactId },
      });
      ctx.emit('oncall_schedule.updated', { id: scheduleId });
    });
    return this.schedules().items.find((s) => s.id === scheduleId)!;
  }

  /** Schedules, overrides and contacts, read once for the many instants of a gap check. */
  private rota(db: DbOrTx) {
    return {
      schedules: listSchedules(db).filter((x) => x.active),
      overrides: overridesOf(db),
      contacts: new Map(listContacts(db).map((c) => [c.id, c])),
    };
  }

  /** The person on call in a layer at an instant: the first active schedule of that layer with someone active. */
  onLayer(db: DbOrTx, layer: ScheduleLayer, at: Date, rota = this.rota(db)): OnCallNow | null {
    for (const s of rota.schedules.filter((x) => x.layer === layer)) {
      const turn = turnAt(
        s,
        rota.overrides.filter((o) => o.scheduleId === s.id),
        at,
        this.zone,
      );
      const contact = turn ? rota.contacts.get(turn.contactId) : undefined;
      if (turn && contact?.active) return { layer, contact, turn };
    }
    return null;
  }

  onCall(at: Date, reader: Reader, db: DbOrTx = this.core.db): OnCall {
    const person = (layer: ScheduleLayer) => {
      const now = this.onLayer(db, layer, at);
      if (!now) return null;
      const next = now.turn.nextContactId ? findContact(db, now.turn.nextContactId) : null;
      return {
        contactId: now.contact.id,
        name: now.contact.name,
        phone: reader.seesPhones ? now.contact.phone : null,
        until: toIso(now.turn.endsAt, this.zone),
        override: now.turn.override,
        next: next ? { contactId: next.id, name: next.name } : null,
      };
    };
    return { at: toIso(at, this.zone), primary: person('primary'), backup: person('backup') };
  }

  schedules(): { items: Schedule[]; gaps: { from: string; to: string }[] } {
    const db = this.core.db;
    const names = new Map(listContacts(db).map((c) => [c.id, c.name]));
    const overrides = overridesOf(db);
    const items = listSchedules(db).map((s) => ({
      id: s.id,
      name: s.name,
      layer: s.layer,
      participants: s.participants.map((id) => ({ contactId: id, name: names.get(id) ?? '' })),
      handoff: s.handoff,
      handoffTime: s.handoffTime,
      startsOn: s.startsOn,
      active: s.active,
      overrides: overrides
        .filter((o) => o.scheduleId === s.id)
        .map((o) => ({
          id: o.id,
          contactId: o.contactId,
          contactName: names.get(o.contactId) ?? '',
          startsAt: toIso(o.startsAt, this.zone),
          endsAt: toIso(o.endsAt, this.zone),
        })),
    }));
    const from = new Date(Math.floor(this.core.clock.now().getTime() / 3_600_000) * 3_600_000);
    const rota = this.rota(db);
    const gaps = gapsIn((at) => this.onLayer(db, 'primary', at, rota) !== null, from, GAP_DAYS * 24).map(
      (g) => ({
        from: toIso(g.from, this.zone),
        to: toIso(g.to, this.zone),
      }),
    );
    return { items, gaps };
  }
}
