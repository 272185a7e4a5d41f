import { DateTime } from 'luxon';
import type { DbOrTx } from '../../../db/client';
import { isOpenStatus } from '../../../shared/releases';
import { ticketBought } from '../../../shared/travel';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { toIso } from '../../lib/time';
import type { ReleaseWithSite } from '../releases/releases.service';
import { departJob } from './travel.jobs';
import { shownLegs, storedLegs } from './travel.legs';
import type { TravelPorts } from './travel.ports';
import {
  boughtBetween,
  departingBetween,
  findItinerary,
  type ItineraryRow,
  insertItinerary,
  itinerariesOfRelease,
  updateItinerary,
} from './travel.repo';
import type { Board, CreateItineraryInput, Itinerary, UpdateItineraryInput } from './travel.schemas';

/** Onward travel: itineraries for a release's group, the departure board and the counts for reports. */
export class TravelService {
  readonly departJob;

  constructor(
    private readonly core: Core,
    readonly ports: TravelPorts,
  ) {
    this.departJob = departJob(ports);
  }

  private get zone() {
    return this.core.config.NETWORK_TZ;
  }

  /** For the fund: which release an itinerary belongs to, if it exists and was not deleted. */
  itineraryOf(id: number): { id: number; releaseId: number } | undefined {
    const row = findItinerary(this.core.db, id);
    return row ? { id: row.id, releaseId: row.releaseId } : undefined;
  }

  /**
   * Tickets the network bought, per month (YYYY-MM in NETWORK_TZ, by the first leg's departure) from
   * `fromDate` to `toDate` inclusive. Purged itineraries still count: their departure, people and ticket stay.
   */
  ticketsBought(fromDate: string, toDate: string): { month: string; itineraries: number; people: number }[] {
    const from = DateTime.fromISO(fromDate, { zone: this.zone }).startOf('day');
    const to = DateTime.fromISO(toDate, { zone: this.zone }).plus({ days: 1 }).startOf('day');
    if (!from.isValid || !to.isValid || to <= from) return [];
    const months = new Map<string, { month: string; itineraries: number; people: number }>();
    for (let m = from.startOf('month'); m < to; m = m.plus({ months: 1 })) {
      const month = m.toFormat('yyyy-MM');
      months.set(month, { month, itineraries: 0, people: 0 });
    }
    for (const row of boughtBetween(this.core.db, from.toJSDate(), to.toJSDate())) {
      if (row.ticket !== 'network_bought') continue;
      const month = DateTime.fromJSDate(row.departsAt, { zone: this.zone }).toFormat('yyyy-MM');
      const entry = months.get(month);
      if (!entry) continue;
      entry.itineraries += 1;
      entry.people += row.people;
    }
    return [...months.values()];
  }

  toItinerary(row: ItineraryRow, found: ReleaseWithSite | null): Itinerary {
    return {
      id: row.id,
      releaseId: row.releaseId,
      releaseCode: found?.release.code ?? '',
      siteId: found?.release.siteId ?? 0,
      siteName: found?.siteName ?? '',
      people: row.people,
      destination: row.destination,
      legs: shownLegs(row.legs),
      ticket: row.ticket,
      seats: row.seats,
      confirmation: row.confirmation,
      language: row.language,
      departsAt: toIso(row.departsAt, row.legs[0]?.fromZone ?? this.zone),
      arrivesAt: toIso(row.arrivesAt, row.legs[row.legs.length - 1]?.toZone ?? this.zone),
      shared: row.token !== null,
      travelBags: row.travelBags,
      departed: row.departedAt !== null,
      purged: row.purgedAt !== null,
    };
  }

  private view(db: DbOrTx, row: ItineraryRow): Itinerary {
    return this.toItinerary(row, this.ports.releases.findIn(db, row.releaseId));
  }

  get(id: number): Itinerary {
    const row = findItinerary(this.core.db, id);
    if (!row) throw new NotFoundError('Itinerary');
    return this.view(this.core.db, row);
  }

  ofRelease(releaseId: number): Itinerary[] {
    const db = this.core.db;
    const found = this.ports.releases.findIn(db, releaseId);
    if (!found) throw new NotFoundError('Release');
    return itinerariesOfRelease(db, releaseId).map((row) => this.toItinerary(row, found));
  }

  /** Who leaves on `date` (today by default) and the day after, per day and site, in departure order. */
  board(date?: string): Board {
    const db = this.core.db;
    const start = date
      ? DateTime.fromISO(date, { zone: this.zone })
      : DateTime.fromJSDate(this.core.clock.now(), { zone: this.zone }).startOf('day');
    return {
      days: [start, start.plus({ days: 1 })].map((day) => {
        const sites = new Map<number, Board['days'][number]['sites'][number]>();
        for (const row of departingBetween(db, day.toJSDate(), day.plus({ days: 1 }).toJSDate())) {
          const it = this.view(db, row);
          const site = sites.get(it.siteId) ?? { siteId: it.siteId, siteName: it.siteName, itineraries: [] };
          site.itineraries.push(it);
          sites.set(it.siteId, site);
        }
        const ordered = [...sites.values()].sort((a, b) => a.siteName.localeCompare(b.siteName));
        return { date: day.toISODate() ?? '', sites: ordered };
      }),
    };
  }

  private openRelease(ctx: CommandContext, releaseId: number): ReleaseWithSite {
    const found = this.ports.releases.findIn(ctx.tx, releaseId);
    if (!found) throw new NotFoundError('Release');
    if (!isOpenStatus(found.release.status))
      throw new ConflictError('release_closed', `This release is ${found.release.status}`);
    return found;
  }

  private checkPeople(found: ReleaseWithSite, people: number): void {
    const group = found.release.adults + found.release.children;
    if (people > group)
      throw new ValidationError([{ path: 'body.people', message: `the group has ${group} people` }]);
  }

  /** The depart job runs when the first leg leaves; a later change of time schedules another. */
  private scheduleDeparture(ctx: CommandContext, row: ItineraryRow): void {
    this.core.scheduler.schedule(ctx.tx, this.departJob, {
      dueAt: row.departsAt,
      payload: { itineraryId: row.id },
      dedupeKey: `itinerary:${row.id}:${row.departsAt.getTime()}`,
    });
  }

  private facts(row: ItineraryRow) {
    return {
      id: row.id,
      releaseId: row.releaseId,
      people: row.people,
      ticket: row.ticket,
      legs: row.legs.length,
      departsAt: row.departsAt.toISOString(),
    };
  }

  create(actor: Actor, releaseId: number, input: CreateItineraryInput): Itinerary {
    const legs = storedLegs(input.legs, this.zone);
    const row = this.core.commands.run(actor, (ctx) => {
      const found = this.openRelease(ctx, releaseId);
      this.checkPeople(found, input.people);
      const created = insertItinerary(ctx.tx, {
        releaseId,
        people: input.people,
        destination: input.destination,
        legs,
        ticket: input.ticket,
        seats: input.seats || null,
        confirmation: input.confirmation || null,
        language: input.language,
        departsAt: new Date(legs[0]!.departsAt),
        arrivesAt: new Date(legs[legs.length - 1]!.arrivesAt),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      this.scheduleDeparture(ctx, created);
      if (ticketBought(created.ticket)) this.ports.releases.markNeedMetIn(ctx, releaseId, 'travel_tickets');
      // Places and booking codes stay out of the audit and events, which outlive the release's purge.
      ctx.audit({
        action: 'itinerary.created',
        entity: 'itinerary',
        entityId: created.id,
        changes: this.facts(created),
      });
      ctx.emit('itinerary.created', this.facts(created));
      return created;
    });
    return this.get(row.id);
  }

  update(actor: Actor, id: number, patch: UpdateItineraryInput): Itinerary {
    const { legs: typedLegs, ...rest } = patch;
    const legs = typedLegs ? storedLegs(typedLegs, this.zone) : undefined;
    this.core.commands.run(actor, (ctx) => {
      const current = findItinerary(ctx.tx, id);
      if (!current || current.purgedAt) throw new NotFoundError('Itinerary');
      const found = this.openRelease(ctx, current.releaseId);
      if (patch.people !== undefined) this.checkPeople(found, patch.people);
      const row = updateItinerary(ctx.tx, id, {
        ...rest,
        ...(patch.seats !== undefined ? { seats: patch.seats || null } : {}),
        ...(patch.confirmation !== undefined ? { confirmation: patch.confirmation || null } : {}),
        ...(legs
          ? {
              legs,
              departsAt: new Date(legs[0]!.departsAt),
              arrivesAt: new Date(legs[legs.length - 1]!.arrivesAt),
            }
          : {}),
        updatedAt: ctx.now,
      });
      if (row.departsAt.getTime() !== current.departsAt.getTime()) this.scheduleDeparture(ctx, row);
      if (ticketBought(row.ticket)) this.ports.releases.markNeedMetIn(ctx, row.releaseId, 'travel_tickets');
      const fields = Object.keys(patch);
      ctx.audit({
        action: 'itinerary.updated',
        entity: 'itinerary',
        entityId: id,
        changes: { fields, ...this.facts(row) },
      });
      ctx.emit('itinerary.updated', { ...this.facts(row), fields });
    });
    return this.get(id);
  }

  /** Deleted: off the board and the counts, and its link stops working at once. */
  remove(actor: Actor, id: number): void {
    this.core.commands.run(actor, (ctx) => {
      const current = findItinerary(ctx.tx, id);
      if (!current) throw new NotFoundError('Itinerary');
      updateItinerary(ctx.tx, id, { deletedAt: ctx.now, token: null, updatedAt: ctx.now });
      ctx.audit({
        action: 'itinerary.deleted',
        entity: 'itinerary',
        entityId: id,
        changes: this.facts(current),
      });
      ctx.emit('itinerary.deleted', { id, releaseId: current.releaseId });
    });
  }

  /** Travel bags from the supplies ledger, one per traveller unless told; the ledger line names the itinerary. */
  handOutBags(
    actor: Actor,
    id: number,
    input: { itemId: number; siteId: number; count?: number },
  ): Itinerary {
    this.core.commands.run(actor, (ctx) => {
      const current = findItinerary(ctx.tx, id);
      if (!current || current.purgedAt) throw new NotFoundError('Itinerary');
      this.openRelease(ctx, current.releaseId);
      const count = input.count ?? current.people;
      const batch = this.ports.supplies.handOutIn(
        ctx,
        current.releaseId,
        { itemId: input.itemId, siteId: input.siteId, count, note: `itinerary ${id}` },
        'body.itemId',
      );
      const row = updateItinerary(ctx.tx, id, { travelBags: current.travelBags + count, updatedAt: ctx.now });
      ctx.audit({
        action: 'itinerary.travel_bags',
        entity: 'itinerary',
        entityId: id,
        changes: { count, batch },
      });
      ctx.emit('itinerary.updated', { ...this.facts(row), fields: ['travelBags'] });
    });
    return this.get(id);
  }
}
