import { MAX_NIGHTS } from '../../../shared/housing';
import { isOpenStatus } from '../../../shared/releases';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { toIso } from '../../lib/time';
import { capacityProblems } from './housing.capacity';
import { addDays, heldNights, nightsFrom, tonight } from './housing.nights';
import type { HousingPorts } from './housing.ports';
import {
  findHousingSite,
  findStay,
  insertStay,
  type StayRow,
  staysAround,
  staysOfRelease,
  updateStay,
} from './housing.repo';
import type { CreateStayInput, Stay } from './housing.schemas';

/**
 * Placing people in beds. Every rule that must hold under concurrency (no night with more people than
 * beds, no more people placed than the group) is checked inside the command that writes the stay, where
 * SQLite serialises writers.
 */
export class Stays {
  constructor(
    private readonly core: Core,
    private readonly ports: HousingPorts,
  ) {}

  private get zone() {
    return this.core.config.NETWORK_TZ;
  }

  toStay(db: Parameters<HousingPorts['releases']['findIn']>[0], row: StayRow): Stay {
    const last = heldNights(row).at(-1);
    return {
      id: row.id,
      housingSiteId: row.housingSiteId,
      housingSiteName: findHousingSite(db, row.housingSiteId)?.name ?? '',
      releaseId: row.releaseId,
      releaseCode: this.ports.releases.findIn(db, row.releaseId)?.release.code ?? '',
      people: row.people,
      checkIn: row.checkIn,
      nights: row.nights,
      checkOut: row.checkedOutOn ?? (last ? addDays(last, 1) : row.checkIn),
      status: row.status,
      guests: row.guests,
      createdAt: toIso(row.createdAt, this.zone),
    };
  }

  /** Tonight's date where the network is. */
  tonight(): string {
    return tonight(this.core.clock.now(), this.zone);
  }

  /**
   * Every running stay holding beds tonight or later, and those whose last morning was this one: the
   * board shows whose bed runs out, including people who left a bed today with nowhere to go.
   */
  current(): Stay[] {
    const db = this.core.db;
    const lastNight = addDays(this.tonight(), -1);
    return staysAround(db, lastNight, addDays(lastNight, MAX_NIGHTS + 1))
      .filter((s) => s.status === 'active' && heldNights(s).some((n) => n >= lastNight))
      .map((s) => this.toStay(db, s));
  }

  ofRelease(releaseId: number): Stay[] {
    const db = this.core.db;
    return staysOfRelease(db, releaseId).map((s) => this.toStay(db, s));
  }

  /** Checks a stay of `people` at a site for these nights and throws the reason it cannot be. */
  private checkFits(
    ctx: CommandContext,
    siteId: number,
    releaseId: number,
    people: number,
    nights: string[],
    except?: number,
  ): void {
    const site = findHousingSite(ctx.tx, siteId);
    if (!site) throw new ValidationError([{ path: 'body.housingSiteId', message: 'no such housing site' }]);
    if (!site.active) throw new ConflictError('site_inactive', `${site.name} is not taking guests now`);
    const found = this.ports.releases.findIn(ctx.tx, releaseId);
    if (!found) throw new ValidationError([{ path: 'body.releaseId', message: 'no such release' }]);
    if (!isOpenStatus(found.release.status))
      throw new ConflictError('release_closed', `This release is ${found.release.status}`);
    const first = nights[0]!;
    const end = addDays(nights.at(-1)!, 1);
    // The group's own other stays on these nights: no more people placed than the group has.
    const group = found.release.adults + found.release.children;
    const mine = staysOfRelease(ctx.tx, releaseId).filter((s) => s.status === 'active' && s.id !== except);
    for (const night of nights) {
      const placed = mine.filter((s) => heldNights(s).includes(night)).reduce((n, s) => n + s.people, 0);
      if (placed + people > group) {
        throw new ConflictError(
          'group_exceeded',
          `${found.release.code} has ${group} people; ${placed} already have a bed on ${night}`,
          [{ path: 'body.people', message: `at most ${Math.max(0, group - placed)} more on ${night}` }],
        );
      }
    }
    const others = staysAround(ctx.tx, first, end, [siteId]).filter((s) => s.id !== except);
    const problems = capacityProblems(site, others, nights, people);
    if (problems.unavailable.length) {
      throw new ConflictError(
        'unavailable',
        `${site.name} cannot host on ${problems.unavailable.map((p) => p.night).join(', ')}`,
        problems.unavailable.map((p) => ({ path: 'body.checkIn', message: `${p.night}: ${p.why}` })),
      );
    }
    if (problems.full.length) {
      throw new ConflictError(
        'no_capacity',
        `${site.name} has no room for ${people} on ${problems.full.map((p) => p.night).join(', ')}`,
        problems.full.map((p) => ({
          path: 'body.nights',
          message: `${p.night}: ${p.free} of ${site.beds} beds free`,
        })),
      );
    }
  }

  private checkNotPast(ctx: CommandContext, checkIn: string): void {
    if (checkIn < tonight(ctx.now, this.zone)) {
      throw new ValidationError([{ path: 'body.checkIn', message: 'must be tonight or later' }]);
    }
  }

  /** Whether this placement could be made now; throws the reason it cannot. */
  check(ctx: CommandContext, input: Omit<CreateStayInput, 'guests'>): void {
    this.checkNotPast(ctx, input.checkIn);
    this.checkFits(
      ctx,
      input.housingSiteId,
      input.releaseId,
      input.people,
      nightsFrom(input.checkIn, input.nights),
    );
  }

  /** Inside a command: the web route, or a host's YES. */
  placeIn(ctx: CommandContext, input: Omit<CreateStayInput, 'guests'> & { guests?: string }): StayRow {
    this.checkNotPast(ctx, input.checkIn);
    const nights = nightsFrom(input.checkIn, input.nights);
    this.checkFits(ctx, input.housingSiteId, input.releaseId, input.people, nights);
    const row = insertStay(ctx.tx, {
      housingSiteId: input.housingSiteId,
      releaseId: input.releaseId,
      people: input.people,
      checkIn: input.checkIn,
      nights: input.nights,
      status: 'active',
      guests: input.guests || null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const found = this.ports.releases.findIn(ctx.tx, input.releaseId)!;
    if (found.release.status === 'met') {
      this.ports.releases.moveIn(ctx, input.releaseId, 'sheltered', 'bed found');
    }
    this.ports.releases.markNeedMetIn(ctx, input.releaseId, 'housing_tonight');
    const facts = {
      id: row.id,
      housingSiteId: row.housingSiteId,
      releaseId: row.releaseId,
      people: row.people,
      checkIn: row.checkIn,
      nights: row.nights,
    };
    ctx.audit({ action: 'stay.created', entity: 'stay', entityId: row.id, changes: facts });
    ctx.emit('stay.created', facts);
    return row;
  }

  place(actor: Actor, input: CreateStayInput): Stay {
    const row = this.core.commands.run(actor, (ctx) => this.placeIn(ctx, input));
    return this.toStay(this.core.db, row);
  }

  private activeStay(ctx: CommandContext, id: number): StayRow {
    const row = findStay(ctx.tx, id);
    if (!row) throw new NotFoundError('Stay');
    if (row.status !== 'active')
      throw new ConflictError('stay_ended', `This stay is ${row.status.replace('_', ' ')}`);
    return row;
  }

  /** More nights at the same site, each of them checked as a new placement would be. */
  extend(actor: Actor, id: number, more: number): Stay {
    const row = this.core.commands.run(actor, (ctx) => {
      const current = this.activeStay(ctx, id);
      const nights = current.nights + more;
      if (nights > MAX_NIGHTS)
        throw new ValidationError([
          { path: 'body.nights', message: `a stay lasts at most ${MAX_NIGHTS} nights` },
        ]);
      const added = nightsFrom(addDays(current.checkIn, current.nights), more);
      this.checkFits(ctx, current.housingSiteId, current.releaseId, current.people, added, current.id);
      const updated = updateStay(ctx.tx, id, { nights, updatedAt: ctx.now });
      ctx.audit({ action: 'stay.extended', entity: 'stay', entityId: id, changes: { nights } });
      ctx.emit('stay.updated', {
        id,
        housingSiteId: updated.housingSiteId,
        releaseId: updated.releaseId,
        nights,
      });
      return updated;
    });
    return this.toStay(this.core.db, row);
  }

  /**
   * To another site for the nights still ahead, as one transaction: the nights already slept stay
   * where they were, and the rest are placed (and checked) at the new site, or nothing changes.
   */
  move(actor: Actor, id: number, toSiteId: number): Stay {
    const row = this.core.commands.run(actor, (ctx) => {
      const current = this.activeStay(ctx, id);
      if (current.housingSiteId === toSiteId) return current;
      const today = tonight(ctx.now, this.zone);
      const ahead = heldNights(current).filter((n) => n >= today);
      if (ahead.length === 0)
        throw new ConflictError('stay_ended', 'No nights of this stay are left to move');
      const slept = heldNights(current).length - ahead.length;
      if (slept > 0) {
        updateStay(ctx.tx, id, { status: 'checked_out', checkedOutOn: today, updatedAt: ctx.now });
      } else {
        updateStay(ctx.tx, id, { status: 'cancelled', updatedAt: ctx.now });
      }
      this.checkFits(ctx, toSiteId, current.releaseId, current.people, ahead, current.id);
      const moved = insertStay(ctx.tx, {
        housingSiteId: toSiteId,
        releaseId: current.releaseId,
        people: current.people,
        checkIn: ahead[0]!,
        nights: ahead.length,
        status: 'active',
        guests: current.guests,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      const changes = { from: current.housingSiteId, to: toSiteId, stayId: moved.id, nights: ahead.length };
      ctx.audit({ action: 'stay.moved', entity: 'stay', entityId: id, changes });
      ctx.emit('stay.moved', { id, releaseId: current.releaseId, ...changes });
      return moved;
    });
    return this.toStay(this.core.db, row);
  }

  /** Leaving on the morning of `on` (default today): that night and the later ones are free again. */
  checkout(actor: Actor, id: number, on?: string): Stay {
    const row = this.core.commands.run(actor, (ctx) => {
      const current = this.activeStay(ctx, id);
      const day = on ?? tonight(ctx.now, this.zone);
      const end = addDays(current.checkIn, current.nights);
      if (day < current.checkIn || day > end) {
        throw new ValidationError([
          { path: 'body.on', message: `must be between ${current.checkIn} and ${end}` },
        ]);
      }
      const updated = updateStay(ctx.tx, id, {
        status: day <= current.checkIn ? 'cancelled' : 'checked_out',
        checkedOutOn: day,
        updatedAt: ctx.now,
      });
      ctx.audit({ action: 'stay.checked_out', entity: 'stay', entityId: id, changes: { on: day } });
      ctx.emit('stay.checked_out', {
        id,
        housingSiteId: current.housingSiteId,
        releaseId: current.releaseId,
      });
      return updated;
    });
    return this.toStay(this.core.db, row);
  }
}
