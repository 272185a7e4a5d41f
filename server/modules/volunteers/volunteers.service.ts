import { cleanLanguages } from '../../../shared/languages';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError } from '../../errors';
import type { Actor } from '../../lib/commands';
import { isoOrNull, toIso } from '../../lib/time';
import type { ScreeningService } from '../screening/screening.service';
import { isOptedOut } from '../sms/sms.repo';
import type { SmsService } from '../sms/sms.service';
import {
  findVolunteer,
  findVolunteerByPhone,
  insertVolunteer,
  listVolunteers,
  updateVolunteer,
  type VolunteerRow,
} from './volunteers.repo';
import type { Volunteer, VolunteerInput, VolunteerPatch } from './volunteers.schemas';

function duplicatePhone(): ConflictError {
  return new ConflictError('duplicate_phone', 'Another volunteer already has this phone number', [
    { path: 'phone', message: 'is already used' },
  ]);
}

export class VolunteersService {
  constructor(
    private readonly core: Core,
    private readonly sms: SmsService,
    private readonly screening: ScreeningService,
  ) {}

  toVolunteer(row: VolunteerRow): Volunteer {
    const zone = this.core.config.NETWORK_TZ;
    return {
      id: row.id,
      name: row.name,
      phone: row.phone,
      languages: row.languages,
      skills: row.skills,
      highRisk: row.highRisk,
      active: row.active,
      smsLanguage: row.smsLanguage,
      optedOut: isOptedOut(this.core.db, row.phone),
      createdAt: toIso(row.createdAt, zone),
      updatedAt: toIso(row.updatedAt, zone),
    };
  }

  list(filter: { q?: string; language?: string; skill?: string; active?: boolean }) {
    const q = filter.q?.toLowerCase();
    const language = filter.language?.toLowerCase();
    // "303-555" finds +1303555…: numbers are searched by their digits.
    const digits = (q ?? '').replace(/\D/g, '');
    return listVolunteers(this.core.db)
      .filter(
        (v) => !q || v.name.toLowerCase().includes(q) || (digits.length >= 3 && v.phone.includes(digits)),
      )
      .filter((v) => !language || v.languages.some((l) => l.toLowerCase() === language))
      .filter((v) => !filter.skill || v.skills.includes(filter.skill as never))
      .filter((v) => filter.active === undefined || v.active === filter.active)
      .map((v) => this.detail(v));
  }

  detail(row: VolunteerRow) {
    const zone = this.core.config.NETWORK_TZ;
    const s = this.screening.stateOf(this.core.db, row.id);
    return {
      ...this.toVolunteer(row),
      screening: {
        state: s.state,
        until: isoOrNull(s.until, zone),
        lastScreenedAt: isoOrNull(s.lastScreenedAt, zone),
      },
    };
  }

  get(id: number) {
    const row = findVolunteer(this.core.db, id);
    if (!row) throw new NotFoundError('Volunteer');
    return this.detail(row);
  }

  create(actor: Actor, input: VolunteerInput, path = 'body.phone') {
    const phone = this.sms.normalizePhone(input.phone, path);
    const row = this.core.commands.run(actor, ({ tx, now, audit, emit }) => {
      if (findVolunteerByPhone(tx, phone)) throw duplicatePhone();
      const created = insertVolunteer(tx, {
        ...input,
        phone,
        languages: cleanLanguages(input.languages),
        createdAt: now,
        updatedAt: now,
      });
      audit({
        action: 'volunteer.created',
        entity: 'volunteer',
        entityId: created.id,
        changes: { name: created.name },
      });
      emit('volunteer.created', { id: created.id, name: created.name });
      return created;
    });
    return this.detail(row);
  }

  update(actor: Actor, id: number, patch: VolunteerPatch) {
    const phone = patch.phone === undefined ? undefined : this.sms.normalizePhone(patch.phone, 'body.phone');
    const row = this.core.commands.run(actor, ({ tx, now, audit, emit }) => {
      const current = findVolunteer(tx, id);
      if (!current) throw new NotFoundError('Volunteer');
      if (phone && phone !== current.phone && findVolunteerByPhone(tx, phone)) throw duplicatePhone();
      const next = {
        ...patch,
        ...(phone ? { phone } : {}),
        ...(patch.languages ? { languages: cleanLanguages(patch.languages) } : {}),
      };
      const changed = Object.fromEntries(
        Object.entries(next).filter(
          ([k, v]) => JSON.stringify(current[k as keyof VolunteerRow]) !== JSON.stringify(v),
        ),
      );
      if (Object.keys(changed).length === 0) return current;
      const updated = updateVolunteer(tx, id, { ...changed, updatedAt: now });
      // The phone itself is personal data: the audit says that it changed, not what to.
      const auditable = Object.fromEntries(
        Object.entries(changed).map(([k, v]) => [k, k === 'phone' ? '[changed]' : v]),
      );
      audit({ action: 'volunteer.updated', entity: 'volunteer', entityId: id, changes: auditable });
      emit('volunteer.updated', { id, fields: Object.keys(changed) });
      return updated;
    });
    return this.detail(row);
  }
}
