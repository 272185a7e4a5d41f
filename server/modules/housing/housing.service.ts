import type { DbOrTx } from '../../../db/client';
import { cleanLanguages } from '../../../shared/languages';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError } from '../../errors';
import type { Actor } from '../../lib/commands';
import { toIso } from '../../lib/time';
import { freeBeds } from './housing.capacity';
import { HostRequests } from './housing.hosts';
import { addDays, heldNights, nightsFrom, peoplePerNight, tonight } from './housing.nights';
import type { HousingPorts } from './housing.ports';
import {
  findHousingSite,
  type HousingSiteRow,
  insertHousingSite,
  listHousingSites,
  staysAround,
  staysOfRelease,
  updateHousingSite,
} from './housing.repo';
import type {
  CreateHousingSiteInput,
  HousingSite,
  Occupancy,
  UpdateHousingSiteInput,
} from './housing.schemas';
import { Stays } from './housing.stays';

/** Who may read where people sleep and how to reach the host. */
export interface Reader {
  seesAddresses: boolean;
}

/** Housing sites, their occupancy night by night, and (through `stays`) the people placed in them. */
export class HousingService {
  readonly stays: Stays;
  readonly hosts: HostRequests;

  constructor(
    private readonly core: Core,
    readonly ports: HousingPorts,
  ) {
    this.stays = new Stays(core, ports);
    this.hosts = new HostRequests(core, ports, this.stays);
  }

  private get zone() {
    return this.core.config.NETWORK_TZ;
  }

  findIn(db: DbOrTx, id: number): HousingSiteRow | null {
    return findHousingSite(db, id);
  }

  /**
   * Where a release's group sleeps tonight, with the address: for the confirmation texted to a volunteer
   * who accepted its dispatch, the one person besides coordinators who may know it.
   */
  placementTonight(db: DbOrTx, releaseId: number): { name: string; address: string | null } | null {
    const active = staysOfRelease(db, releaseId).filter((s) => s.status === 'active');
    if (active.length === 0) return null;
    const night = tonight(this.core.clock.now(), this.zone);
    const stay = active.find((s) => heldNights(s).includes(night));
    const site = stay ? findHousingSite(db, stay.housingSiteId) : null;
    return site ? { name: site.name, address: site.address } : null;
  }

  private toSite(row: HousingSiteRow, reader: Reader, free: number): HousingSite {
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      address: reader.seesAddresses ? row.address : null,
      beds: row.beds,
      familyFriendly: row.familyFriendly,
      accessible: row.accessible,
      languages: row.languages,
      contactName: row.contactName,
      contactPhone: reader.seesAddresses ? row.contactPhone : null,
      contactLanguage: row.contactLanguage,
      weekdays: row.weekdays,
      blackoutDates: row.blackoutDates,
      active: row.active,
      freeTonight: free,
      createdAt: toIso(row.createdAt, this.zone),
    };
  }

  /** Beds free tonight per site, from one read of the stays around tonight. */
  freeTonight(db: DbOrTx = this.core.db): Map<number, number> {
    const night = tonight(this.core.clock.now(), this.zone);
    const around = staysAround(db, night, addDays(night, 1));
    const out = new Map<number, number>();
    for (const site of listHousingSites(db)) {
      const mine = around.filter((s) => s.housingSiteId === site.id);
      out.set(site.id, site.active ? Math.max(0, freeBeds(site, mine, [night])[0]!) : 0);
    }
    return out;
  }

  list(reader: Reader): HousingSite[] {
    const db = this.core.db;
    const free = this.freeTonight(db);
    return listHousingSites(db).map((row) => this.toSite(row, reader, free.get(row.id) ?? 0));
  }

  get(id: number, reader: Reader): HousingSite {
    const row = findHousingSite(this.core.db, id);
    if (!row) throw new NotFoundError('Housing site');
    return this.toSite(row, reader, this.freeTonight().get(id) ?? 0);
  }

  create(actor: Actor, input: CreateHousingSiteInput): HousingSite {
    const phone = input.contactPhone
      ? this.ports.sms.normalizePhone(input.contactPhone, 'body.contactPhone')
      : null;
    const row = this.core.commands.run(actor, (ctx) => {
      const created = insertHousingSite(ctx.tx, {
        ...input,
        address: input.address || null,
        contactName: input.contactName || null,
        contactPhone: phone,
        languages: cleanLanguages(input.languages),
        weekdays: [...new Set(input.weekdays)].sort(),
        blackoutDates: [...new Set(input.blackoutDates)].sort(),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      // The audit keeps that an address was set, never the address: the log outlives need-to-know.
      ctx.audit({
        action: 'housing_site.created',
        entity: 'housing_site',
        entityId: created.id,
        changes: {
          name: created.name,
          kind: created.kind,
          beds: created.beds,
          address: created.address ? '[set]' : null,
        },
      });
      ctx.emit('housing_site.created', { id: created.id, name: created.name, beds: created.beds });
      return created;
    });
    return this.get(row.id, { seesAddresses: true });
  }

  update(actor: Actor, id: number, patch: UpdateHousingSiteInput): HousingSite {
    const phone =
      patch.contactPhone === undefined || patch.contactPhone === null
        ? patch.contactPhone
        : this.ports.sms.normalizePhone(patch.contactPhone, 'body.contactPhone');
    this.core.commands.run(actor, (ctx) => {
      const current = findHousingSite(ctx.tx, id);
      if (!current) throw new NotFoundError('Housing site');
      if (patch.beds !== undefined && patch.beds < current.beds) {
        const night = tonight(ctx.now, this.zone);
        const ahead = nightsFrom(night, 31);
        const mine = staysAround(ctx.tx, night, addDays(night, 31), [id]);
        const taken = peoplePerNight(mine);
        const most = Math.max(0, ...ahead.map((n) => taken.get(n) ?? 0));
        if (patch.beds < most)
          throw new ConflictError(
            'no_capacity',
            `${most} people already have a bed here on one night ahead`,
            [{ path: 'body.beds', message: `at least ${most}` }],
          );
      }
      const next = {
        ...patch,
        ...(phone !== undefined ? { contactPhone: phone } : {}),
        ...(patch.languages ? { languages: cleanLanguages(patch.languages) } : {}),
      };
      updateHousingSite(ctx.tx, id, { ...next, updatedAt: ctx.now });
      const fields = Object.keys(patch);
      ctx.audit({
        action: 'housing_site.updated',
        entity: 'housing_site',
        entityId: id,
        changes: { fields },
      });
      ctx.emit('housing_site.updated', { id, fields });
    });
    return this.get(id, { seesAddresses: true });
  }

  /** People sheltered each night from `from` to `to` (local dates, both included), for reports. */
  peopleNights(from: string, to: string): Map<string, number> {
    const taken = peoplePerNight(staysAround(this.core.db, from, addDays(to, 1)));
    return new Map([...taken].filter(([night]) => night >= from && night <= to));
  }

  /** People per site per night, from `from` (default tonight) for `days` nights, and in total. */
  occupancy(from: string | undefined, days: number): Occupancy {
    const db = this.core.db;
    const start = from ?? tonight(this.core.clock.now(), this.zone);
    const nights = nightsFrom(start, days);
    const around = staysAround(db, start, addDays(start, days));
    const sites = listHousingSites(db).map((site) => {
      const mine = around.filter((s) => s.housingSiteId === site.id);
      const taken = peoplePerNight(mine);
      return {
        housingSiteId: site.id,
        name: site.name,
        beds: site.beds,
        active: site.active,
        people: nights.map((n) => taken.get(n) ?? 0),
      };
    });
    return {
      from: start,
      nights,
      sites,
      total: {
        beds: sites.filter((s) => s.active).reduce((n, s) => n + s.beds, 0),
        people: nights.map((_, i) => sites.reduce((n, s) => n + s.people[i]!, 0)),
      },
    };
  }
}
