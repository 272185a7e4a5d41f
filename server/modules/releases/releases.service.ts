import type { DbOrTx } from '../../../db/client';
import type { ReleaseNeed, ReleaseStatus } from '../../../db/schema';
import { cleanLanguages } from '../../../shared/languages';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { isoOrNull, toIso } from '../../lib/time';
import type { SitesService } from '../sites/sites.service';
import { editReleaseIn, matchesSearch, refuseExpectedInPast } from './releases.edit';
import {
  findRelease,
  insertNewRelease,
  insertTimeline,
  listReleases,
  nextReleaseId,
  type ReleaseRow,
  releasesForReports,
  stillOpen,
  updateRelease,
} from './releases.repo';
import type { CreateReleaseInput, Release, ReleasePatch, ReleaseSearch } from './releases.schemas';
import { createdEntry, namedTimeline, type TimelineNamePorts } from './releases.timeline';
import { canMove, OPEN_STATUSES, releaseCode, TRANSITIONS } from './releases.workflow';

const CLOSED_STATUSES: readonly ReleaseStatus[] = ['closed', 'cancelled'];

export interface ReleaseWithSite {
  release: ReleaseRow;
  siteName: string;
}

export interface ReleasesPorts extends TimelineNamePorts {
  sites: Pick<SitesService, 'findIn' | 'namesById'>;
}

export class ReleasesService {
  constructor(
    private readonly core: Core,
    private readonly ports: ReleasesPorts,
  ) {}

  /** The release's own row, for callers that need neither its site's name nor its timeline. */
  rowIn(db: DbOrTx, id: number): ReleaseRow | null {
    return findRelease(db, id);
  }

  findIn(db: DbOrTx, id: number): ReleaseWithSite | null {
    const release = findRelease(db, id);
    if (!release) return null;
    return { release, siteName: this.ports.sites.findIn(db, release.siteId)?.name ?? '' };
  }

  /** The ids among these whose release is still open. */
  openAmong(db: DbOrTx, ids: number[]): Set<number> {
    return stillOpen(db, ids);
  }

  /** Every release that was not cancelled, with its site's name, for reports. */
  forReports(): ReleaseWithSite[] {
    return this.withSites(this.core.db, releasesForReports(this.core.db));
  }

  private withSites(db: DbOrTx, rows: ReleaseRow[]): ReleaseWithSite[] {
    const names = this.ports.sites.namesById(db);
    return rows.map((release) => ({ release, siteName: names.get(release.siteId) ?? '' }));
  }

  private get zone() {
    return this.core.config.NETWORK_TZ;
  }

  toRelease(row: ReleaseRow, siteName: string): Release {
    const z = this.zone;
    return {
      id: row.id,
      code: row.code,
      siteId: row.siteId,
      siteName,
      status: row.status,
      expectedAt: isoOrNull(row.expectedAt, z),
      releasedAt: isoOrNull(row.releasedAt, z),
      reportedAt: isoOrNull(row.reportedAt, z),
      metAt: isoOrNull(row.metAt, z),
      closedAt: isoOrNull(row.closedAt, z),
      adults: row.adults,
      children: row.children,
      people: row.adults + row.children,
      languages: row.languages,
      needs: row.needs,
      needsMet: row.needsMet,
      needsOutstanding: row.needs.filter((n) => !row.needsMet.includes(n)),
      destination: row.destination,
      travelDate: row.travelDate,
      notes: row.notes,
      source: row.source,
      acknowledged: row.acknowledgedAt !== null,
      purged: row.purgedAt !== null,
      createdAt: toIso(row.createdAt, z),
      updatedAt: toIso(row.updatedAt, z),
    };
  }

  list(search: ReleaseSearch): Release[] {
    const { status } = search;
    const statuses = status === 'open' ? OPEN_STATUSES : status === 'closed' ? CLOSED_STATUSES : null;
    const found = matchesSearch(listReleases(this.core.db, statuses), search, this.zone);
    return this.withSites(this.core.db, found).map((r) => this.toRelease(r.release, r.siteName));
  }

  get(id: number) {
    const found = this.findIn(this.core.db, id);
    if (!found) throw new NotFoundError('Release');
    const timeline = namedTimeline(this.core.db, id, this.ports, this.zone);
    return { ...this.toRelease(found.release, found.siteName), timeline };
  }

  /** Inside a command (the web route or the RELEASE keyword). */
  createIn(ctx: CommandContext, input: CreateReleaseInput, source: 'web' | 'sms'): ReleaseRow {
    return this.created(ctx, input, source).row;
  }

  private created(ctx: CommandContext, input: CreateReleaseInput, source: 'web' | 'sms') {
    const site = this.ports.sites.findIn(ctx.tx, input.siteId);
    if (!site) throw new ValidationError([{ path: 'body.siteId', message: 'no such site' }]);
    if (site.archivedAt)
      throw new ValidationError([{ path: 'body.siteId', message: 'this site is archived' }]);
    if (input.adults + input.children === 0) {
      throw new ValidationError([{ path: 'body.adults', message: 'a release has at least one person' }]);
    }
    refuseExpectedInPast(input.expectedAt, ctx.now);
    const status: ReleaseStatus = input.expectedAt ? 'expected' : 'reported';
    const id = nextReleaseId(ctx.tx);
    const row = insertNewRelease(ctx.tx, {
      id,
      code: releaseCode(id),
      siteId: site.id,
      status,
      expectedAt: input.expectedAt ? new Date(input.expectedAt) : null,
      releasedAt: input.releasedAt ? new Date(input.releasedAt) : status === 'reported' ? ctx.now : null,
      reportedAt: status === 'reported' ? ctx.now : null,
      adults: input.adults,
      children: input.children,
      languages: cleanLanguages(input.languages),
      needs: [...new Set(input.needs)],
      needsMet: [],
      destination: input.destination || null,
      travelDate: input.travelDate ?? null,
      notes: input.notes || null,
      source,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const line = insertTimeline(ctx.tx, {
      releaseId: row.id,
      at: ctx.now,
      actor: ctx.actor.label,
      userId: ctx.actor.userId,
      volunteerId: ctx.actor.volunteerId ?? null,
      kind: 'created',
      toStatus: status,
    });
    ctx.audit({
      action: 'release.created',
      entity: 'release',
      entityId: row.id,
      changes: {
        code: row.code,
        siteId: row.siteId,
        status,
        adults: row.adults,
        children: row.children,
        source,
      },
    });
    // Events are kept after the retention purge, so the free text stays out of them.
    ctx.emit('release.created', { ...this.toRelease(row, site.name), notes: null, destination: null });
    return { row, siteName: site.name, line };
  }

  /** Answers from what the command wrote, as get() would, without reading it all back. */
  create(actor: Actor, input: CreateReleaseInput) {
    const { row, siteName, line } = this.core.commands.run(actor, (ctx) => this.created(ctx, input, 'web'));
    const name =
      actor.name ??
      (actor.userId === null ? null : this.ports.users.findIn(this.core.db, actor.userId)?.name);
    const entry = createdEntry(line, row, name || actor.label, this.zone);
    return { ...this.toRelease(row, siteName), timeline: [entry] };
  }

  update(actor: Actor, id: number, patch: ReleasePatch) {
    this.core.commands.run(actor, (ctx) => {
      const row = editReleaseIn(ctx, id, patch);
      if (!row) throw new NotFoundError('Release');
      const siteName = this.ports.sites.findIn(ctx.tx, row.siteId)?.name ?? '';
      ctx.emit('release.updated', { ...this.toRelease(row, siteName), notes: null, destination: null });
    });
    return this.get(id);
  }

  /** Inside a command: the web route, or a dispatch whose first volunteer said YES. */
  moveIn(ctx: CommandContext, id: number, to: ReleaseStatus, note?: string): void {
    const release = findRelease(ctx.tx, id);
    if (!release) throw new NotFoundError('Release');
    const from = release.status;
    if (!canMove(from, to)) {
      throw new ConflictError('invalid_transition', `A release that is ${from} cannot become ${to}`, [
        { path: 'body.status', message: `allowed from ${from}: ${TRANSITIONS[from].join(', ') || 'none'}` },
      ]);
    }
    const stamps = {
      ...(to === 'reported' ? { reportedAt: ctx.now, releasedAt: release.releasedAt ?? ctx.now } : {}),
      ...(to === 'met' ? { metAt: ctx.now } : {}),
      ...(to === 'closed' || to === 'cancelled' ? { closedAt: ctx.now } : {}),
    };
    updateRelease(ctx.tx, id, { status: to, updatedAt: ctx.now, ...stamps });
    insertTimeline(ctx.tx, {
      releaseId: id,
      at: ctx.now,
      actor: ctx.actor.label,
      userId: ctx.actor.userId,
      volunteerId: ctx.actor.volunteerId ?? null,
      kind: 'status',
      fromStatus: from,
      toStatus: to,
      note: note || null,
    });
    ctx.audit({ action: 'release.status', entity: 'release', entityId: id, changes: { from, to } });
    ctx.emit('release.status', { id, code: release.code, from, to });
  }

  move(actor: Actor, id: number, to: ReleaseStatus, note?: string) {
    this.core.commands.run(actor, (ctx) => this.moveIn(ctx, id, to, note));
    return this.get(id);
  }

  /** Inside another domain's command: a bed found ticks housing_tonight, a kit handed out its need. */
  markNeedMetIn(ctx: CommandContext, id: number, need: ReleaseNeed): void {
    const release = findRelease(ctx.tx, id);
    if (!release?.needs.includes(need) || release.needsMet.includes(need)) return;
    const needsMet = [...release.needsMet, need];
    updateRelease(ctx.tx, id, { needsMet, updatedAt: ctx.now });
    insertTimeline(ctx.tx, {
      releaseId: id,
      at: ctx.now,
      actor: ctx.actor.label,
      userId: ctx.actor.userId,
      volunteerId: ctx.actor.volunteerId ?? null,
      kind: 'needs',
      note: needsMet.join(', '),
    });
    ctx.audit({ action: 'release.needs', entity: 'release', entityId: id, changes: { needsMet } });
    ctx.emit('release.needs', { id, needsMet });
  }

  /** The ids among these whose release's free text was purged: their stays' guest names go too. */
  purgedAmong(db: DbOrTx, ids: number[]): Set<number> {
    return new Set(ids.filter((id) => findRelease(db, id)?.purgedAt));
  }

  setNeedsMet(actor: Actor, id: number, met: ReleaseNeed[]) {
    this.core.commands.run(actor, (ctx) => {
      const release = findRelease(ctx.tx, id);
      if (!release) throw new NotFoundError('Release');
      const unknown = met.filter((n) => !release.needs.includes(n));
      if (unknown.length) {
        throw new ValidationError([
          { path: 'body.met', message: `not needs of this release: ${unknown.join(', ')}` },
        ]);
      }
      const needsMet = [...new Set(met)];
      updateRelease(ctx.tx, id, { needsMet, updatedAt: ctx.now });
      insertTimeline(ctx.tx, {
        releaseId: id,
        at: ctx.now,
        actor: ctx.actor.label,
        userId: ctx.actor.userId,
        volunteerId: ctx.actor.volunteerId ?? null,
        kind: 'needs',
        note: needsMet.join(', ') || null,
      });
      ctx.audit({ action: 'release.needs', entity: 'release', entityId: id, changes: { needsMet } });
      ctx.emit('release.needs', { id, needsMet });
    });
    return this.get(id);
  }

  acknowledge(actor: Actor, id: number) {
    this.core.commands.run(actor, (ctx) => this.acknowledgeIn(ctx, id));
    return this.get(id);
  }

  /** Inside a command: the button, or a dispatch started for the release (someone is on it). */
  acknowledgeIn(ctx: CommandContext, id: number): void {
    const release = findRelease(ctx.tx, id);
    if (!release) throw new NotFoundError('Release');
    if (release.acknowledgedAt) return;
    updateRelease(ctx.tx, id, {
      acknowledgedAt: ctx.now,
      acknowledgedBy: ctx.actor.userId,
      updatedAt: ctx.now,
    });
    insertTimeline(ctx.tx, {
      releaseId: id,
      at: ctx.now,
      actor: ctx.actor.label,
      userId: ctx.actor.userId,
      volunteerId: ctx.actor.volunteerId ?? null,
      kind: 'acknowledged',
    });
    ctx.audit({ action: 'release.acknowledged', entity: 'release', entityId: id });
    ctx.emit('release.acknowledged', { id });
  }
}
