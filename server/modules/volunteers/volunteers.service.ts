import type { DbOrTx } from '../../../db/client';
import { cleanLanguage, cleanLanguages } from '../../../shared/languages';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { isoOrNull, toIso } from '../../lib/time';
import type { ScreeningState } from '../screening/screening.rules';
import type { ScreeningService } from '../screening/screening.service';
import { quietHoursRelease } from '../sms/sms.quiet';
import type { BroadcastBody, BroadcastResult } from '../sms/sms.schemas';
import type { SmsService } from '../sms/sms.service';
import {
  currentRosterVersion,
  eraseVolunteer,
  findVolunteer,
  findVolunteerByPhone,
  insertVolunteer,
  listVolunteers,
  type RankingRosterRow,
  rosterForRanking,
  updateVolunteer,
  type VolunteerRow,
  volunteerContacts,
  volunteerNames,
} from './volunteers.repo';
import type { VolunteerInput, VolunteerPatch } from './volunteers.schemas';
import { RosterSnapshot } from './volunteers.snapshot';

export type { RankingRosterRow, VolunteerRow };

function duplicatePhone(): ConflictError {
  return new ConflictError('duplicate_phone', 'Another volunteer already has this phone number', [
    { path: 'phone', message: 'is already used' },
  ]);
}

export interface VolunteersPorts {
  sms: Pick<SmsService, 'normalizePhone' | 'isOptedOut' | 'optedOutPhones' | 'enqueue'>;
  screening: Pick<ScreeningService, 'stateOf' | 'stateFrom' | 'factsByVolunteer' | 'eraseVolunteerIn'>;
  /** Read after every module exists: shifts sign volunteers up. */
  shifts: () => {
    signedUpFor(db: DbOrTx, shiftId: number): Set<number> | null;
    dropFutureSignupsIn(ctx: CommandContext, volunteerId: number): number;
  };
}

export class VolunteersService {
  private readonly snapshot: RosterSnapshot;

  constructor(
    private readonly core: Core,
    private readonly ports: VolunteersPorts,
  ) {
    this.snapshot = new RosterSnapshot(ports.screening);
  }

  /** The numbers that opted out of texts (the roster shows who did). */
  optedOutPhones(db: DbOrTx): Set<string> {
    return this.ports.sms.optedOutPhones(db);
  }

  /** Changes whenever a volunteer or a screening does, so callers may keep what they derived until then. */
  rosterVersion(db: DbOrTx): string {
    return currentRosterVersion(db);
  }

  findIn(db: DbOrTx, id: number): VolunteerRow | null {
    return findVolunteer(db, id);
  }

  findByPhoneIn(db: DbOrTx, phone: string): VolunteerRow | null {
    return findVolunteerByPhone(db, phone);
  }

  /** The volunteer with this phone as typed ("(303) 555-0142"), or null; a bad number is nobody. */
  findByTypedPhone(phone: string): VolunteerRow | null {
    try {
      return findVolunteerByPhone(this.core.db, this.ports.sms.normalizePhone(phone, 'phone'));
    } catch {
      return null;
    }
  }

  /** Names by id, for lists that show who (signups, offers). */
  namesOf(db: DbOrTx, ids: number[]): Map<number, string> {
    return volunteerNames(db, [...new Set(ids)]);
  }

  /** Numbers and text languages by id, for texts to many at once. */
  contactsOf(db: DbOrTx, ids: number[]): Map<number, Pick<VolunteerRow, 'phone' | 'smsLanguage'>> {
    return volunteerContacts(db, [...new Set(ids)]);
  }

  /** The columns dispatch ranking reads, for the whole roster, in one read. */
  rosterForRanking(db: DbOrTx): RankingRosterRow[] {
    return rosterForRanking(db);
  }

  private readonly iso = (at: Date | null) => isoOrNull(at, this.core.config.NETWORK_TZ);

  /** One object per volunteer, not a copy of a copy: the roster builds ten thousand of them. */
  private withScreening(row: VolunteerRow, optedOut: boolean, s: ScreeningState, iso = this.iso) {
    return {
      id: row.id,
      name: row.name,
      phone: row.phone,
      languages: row.languages,
      skills: row.skills,
      highRisk: row.highRisk,
      active: row.active,
      smsLanguage: row.smsLanguage,
      optedOut,
      createdAt: iso(row.createdAt)!,
      updatedAt: iso(row.updatedAt)!,
      screening: { state: s.state, until: iso(s.until), lastScreenedAt: iso(s.lastScreenedAt) },
    };
  }

  /**
   * The roster with opt-outs and screening states. Volunteers and their screening facts come from
   * memory until either changes (see RosterSnapshot); opt-outs are one small read.
   * `byPhone` false: `q` matches names only, for roles that may not read phones.
   */
  list(filter: { q?: string; language?: string; skill?: string; active?: boolean }, byPhone = true) {
    const db = this.core.db;
    const now = this.core.clock.now();
    const q = filter.q?.toLowerCase();
    const language = filter.language ? cleanLanguage(filter.language).toLowerCase() : undefined;
    // "303-555" finds +1303555…: numbers are searched by their digits.
    const digits = byPhone ? (q ?? '').replace(/\D/g, '') : '';
    const { rows, facts } = this.snapshot.read(db);
    const zone = this.core.config.NETWORK_TZ;
    const written = (at: Date | null) => this.snapshot.iso(at, zone);
    const optedOut = this.ports.sms.optedOutPhones(db);
    const out = [];
    for (const v of rows) {
      if (v.erasedAt) continue;
      if (q && !v.name.toLowerCase().includes(q) && !(digits.length >= 3 && v.phone.includes(digits)))
        continue;
      if (language && !v.languages.some((l) => l.toLowerCase() === language)) continue;
      if (filter.skill && !v.skills.includes(filter.skill as never)) continue;
      if (filter.active !== undefined && v.active !== filter.active) continue;
      const state = this.ports.screening.stateFrom(facts.get(v.id), now);
      out.push(this.withScreening(v, optedOut.has(v.phone), state, written));
    }
    return out;
  }

  /** How many volunteers are active, and how many of them a dispatch may text now. */
  counts(): { active: number; available: number } {
    let active = 0;
    let available = 0;
    for (const v of this.list({ active: true })) {
      active += 1;
      if (!v.optedOut && v.screening.state !== 'isolating') available += 1;
    }
    return { active, available };
  }

  detail(row: VolunteerRow) {
    const db = this.core.db;
    return this.withScreening(
      row,
      this.ports.sms.isOptedOut(db, row.phone),
      this.ports.screening.stateOf(db, row.id),
    );
  }

  get(id: number) {
    const row = findVolunteer(this.core.db, id);
    if (!row || row.erasedAt) throw new NotFoundError('Volunteer');
    return this.detail(row);
  }

  create(actor: Actor, input: VolunteerInput, path = 'body.phone') {
    const phone = this.ports.sms.normalizePhone(input.phone, path);
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
    const phone =
      patch.phone === undefined ? undefined : this.ports.sms.normalizePhone(patch.phone, 'body.phone');
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

  /**
   * A person who leaves the network is erased: name, phone, languages, skills and health screens go,
   * future shifts open up; the row stays so offers answered and shifts worked still count.
   */
  erase(actor: Actor, id: number): { id: number; erased: true } {
    return this.core.commands.run(actor, (ctx) => {
      const current = findVolunteer(ctx.tx, id);
      if (!current || current.erasedAt) throw new NotFoundError('Volunteer');
      const screens = this.ports.screening.eraseVolunteerIn(ctx, id);
      const shifts = this.ports.shifts().dropFutureSignupsIn(ctx, id);
      eraseVolunteer(ctx.tx, id, ctx.now);
      ctx.audit({
        action: 'volunteer.erased',
        entity: 'volunteer',
        entityId: id,
        changes: { screens, shifts },
      });
      ctx.emit('volunteer.erased', { id });
      return { id, erased: true as const };
    });
  }

  /** Texts every matching active volunteer who has not opted out, each in their own language when given. */
  broadcast(actor: Actor, input: BroadcastBody): BroadcastResult {
    const { body, bodyEs, volunteerIds, shiftId, urgent } = input;
    return this.core.commands.run(actor, (ctx) => {
      const roster = listVolunteers(ctx.tx);
      const byId = new Map(roster.map((v) => [v.id, v]));
      let wanted = volunteerIds ? [...new Set(volunteerIds)] : roster.map((v) => v.id);
      if (shiftId !== undefined) {
        const onShift = this.ports.shifts().signedUpFor(ctx.tx, shiftId);
        if (!onShift) throw new ValidationError([{ path: 'body.shiftId', message: 'no such shift' }]);
        wanted = wanted.filter((id) => onShift.has(id));
      }
      const skipped: BroadcastResult['skipped'] = [];
      const messageIds: number[] = [];
      for (const id of wanted) {
        const v = byId.get(id);
        if (!v) skipped.push({ volunteerId: id, reason: 'not_found' });
        else if (!v.active) skipped.push({ volunteerId: id, reason: 'inactive' });
        else if (this.ports.sms.isOptedOut(ctx.tx, v.phone))
          skipped.push({ volunteerId: id, reason: 'opted_out' });
        else {
          const text = v.smsLanguage === 'es' && bodyEs ? bodyEs : body;
          const row = this.ports.sms.enqueue(ctx, {
            to: v.phone,
            body: text,
            kind: urgent ? 'urgent_broadcast' : 'broadcast',
            language: v.smsLanguage,
            related: { type: 'volunteer', id: v.id },
          });
          messageIds.push(row.id);
        }
      }
      ctx.audit({
        action: 'sms.broadcast',
        entity: 'sms',
        changes: { queued: messageIds.length, skipped: skipped.length, urgent: urgent ?? false },
      });
      const { SMS_QUIET_HOURS, NETWORK_TZ } = this.core.config;
      const release = quietHoursRelease(ctx.now, SMS_QUIET_HOURS, NETWORK_TZ);
      const held = !urgent && messageIds.length > 0 && release.getTime() > ctx.now.getTime();
      return {
        queued: messageIds.length,
        messageIds,
        heldUntil: held ? toIso(release, NETWORK_TZ) : null,
        skipped,
      };
    });
  }
}
