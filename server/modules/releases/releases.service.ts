import type { ReleaseNeed, ReleaseStatus } from '../../../db/schema';
import { cleanLanguages } from '../../../shared/languages';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { isoOrNull, toIso } from '../../lib/time';
import { findSiteById } from '../sites/sites.repo';
import { listUsers } from '../users/users.repo';
import {
  findRelease,
  insertRelease,
  insertTimeline,
  listReleases,
  type ReleaseRow,
  timelineOf,
  updateRelease,
} from './releases.repo';
import type { CreateReleaseInput, Release } from './releases.schemas';
import { canMove, OPEN_STATUSES, releaseCode, TRANSITIONS } from './releases.workflow';

const CLOSED_STATUSES: readonly ReleaseStatus[] = ['closed', 'cancelled'];

export class ReleasesService {
  constructor(private readonly core: Core) {}

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

  list(status: 'open' | 'closed' | 'all'): Release[] {
    const statuses = status === 'open' ? OPEN_STATUSES : status === 'closed' ? CLOSED_STATUSES : null;
    return listReleases(this.core.db, statuses).map((r) => this.toRelease(r.release, r.siteName));
  }

  get(id: number) {
    const found = findRelease(this.core.db, id);
    if (!found) throw new NotFoundError('Release');
    // The timeline stores who acted as a label (user:7, sms:+1***42); people read names.
    const names = new Map(listUsers(this.core.db).map((u) => [u.id, u.name]));
    const timeline = timelineOf(this.core.db, id).map((t) => ({
      id: t.id,
      at: toIso(t.at, this.zone),
      actor: (t.userId !== null && names.get(t.userId)) || t.actor,
      kind: t.kind,
      fromStatus: t.fromStatus,
      toStatus: t.toStatus,
      note: t.note,
    }));
    return { ...this.toRelease(found.release, found.siteName), timeline };
  }

  /** Inside a command (the web route or the RELEASE keyword). */
  createIn(ctx: CommandContext, input: CreateReleaseInput, source: 'web' | 'sms'): ReleaseRow {
    const site = findSiteById(ctx.tx, input.siteId);
    if (!site) throw new ValidationError([{ path: 'body.siteId', message: 'no such site' }]);
    if (input.adults + input.children === 0) {
      throw new ValidationError([{ path: 'body.adults', message: 'a release has at least one person' }]);
    }
    const status: ReleaseStatus = input.expectedAt ? 'expected' : 'reported';
    const inserted = insertRelease(ctx.tx, {
      code: `pending-${ctx.now.getTime()}-${Math.random()}`,
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
    const row = updateRelease(ctx.tx, inserted.id, { code: releaseCode(inserted.id) });
    insertTimeline(ctx.tx, {
      releaseId: row.id,
      at: ctx.now,
      actor: ctx.actor.label,
      userId: ctx.actor.userId,
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
    return row;
  }

  create(actor: Actor, input: CreateReleaseInput) {
    const row = this.core.commands.run(actor, (ctx) => this.createIn(ctx, input, 'web'));
    return this.get(row.id);
  }

  /** Inside a command: the web route, or a dispatch whose first volunteer said YES. */
  moveIn(ctx: CommandContext, id: number, to: ReleaseStatus, note?: string): void {
    const found = findRelease(ctx.tx, id);
    if (!found) throw new NotFoundError('Release');
    const from = found.release.status;
    if (!canMove(from, to)) {
      throw new ConflictError('invalid_transition', `A release that is ${from} cannot become ${to}`, [
        { path: 'body.status', message: `allowed from ${from}: ${TRANSITIONS[from].join(', ') || 'none'}` },
      ]);
    }
    const stamps = {
      ...(to === 'reported' ? { reportedAt: ctx.now, releasedAt: found.release.releasedAt ?? ctx.now } : {}),
      ...(to === 'met' ? { metAt: ctx.now } : {}),
      ...(to === 'closed' || to === 'cancelled' ? { closedAt: ctx.now } : {}),
    };
    updateRelease(ctx.tx, id, { status: to, updatedAt: ctx.now, ...stamps });
    insertTimeline(ctx.tx, {
      releaseId: id,
      at: ctx.now,
      actor: ctx.actor.label,
      userId: ctx.actor.userId,
      kind: 'status',
      fromStatus: from,
      toStatus: to,
      note: note || null,
    });
    ctx.audit({ action: 'release.status', entity: 'release', entityId: id, changes: { from, to } });
    ctx.emit('release.status', { id, code: found.release.code, from, to });
  }

  move(actor: Actor, id: number, to: ReleaseStatus, note?: string) {
    this.core.commands.run(actor, (ctx) => this.moveIn(ctx, id, to, note));
    return this.get(id);
  }

  setNeedsMet(actor: Actor, id: number, met: ReleaseNeed[]) {
    this.core.commands.run(actor, (ctx) => {
      const found = findRelease(ctx.tx, id);
      if (!found) throw new NotFoundError('Release');
      const unknown = met.filter((n) => !found.release.needs.includes(n));
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
        kind: 'needs',
        note: needsMet.join(', ') || null,
      });
      ctx.audit({ action: 'release.needs', entity: 'release', entityId: id, changes: { needsMet } });
      ctx.emit('release.needs', { id, needsMet });
    });
    return this.get(id);
  }

  acknowledge(actor: Actor, id: number) {
    this.core.commands.run(actor, (ctx) => {
      const found = findRelease(ctx.tx, id);
      if (!found) throw new NotFoundError('Release');
      if (found.release.acknowledgedAt) return;
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
        kind: 'acknowledged',
      });
      ctx.audit({ action: 'release.acknowledged', entity: 'release', entityId: id });
      ctx.emit('release.acknowledged', { id });
    });
    return this.get(id);
  }
}
