import type { DbOrTx } from '../../../db/client';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { toIso } from '../../lib/time';
import {
  deleteUnusedSite,
  findSiteById,
  findSiteByKeyword,
  insertSite,
  listSites,
  type SiteRow,
  updateSite,
} from './sites.repo';
import type { CreateSiteInput, Site, SitePatch } from './sites.schemas';

export type { SiteRow };

function duplicateKeyword(): ConflictError {
  return new ConflictError('duplicate_sms_keyword', 'Another site already uses this SMS keyword', [
    { path: 'smsKeyword', message: 'is already used' },
  ]);
}

/** Two sites called "Greyhound" would make every list and every text ambiguous. */
function refuseDuplicateName(db: DbOrTx, name: string, self?: number): void {
  const key = name.trim().toLowerCase();
  if (listSites(db).some((s) => s.id !== self && !s.archivedAt && s.name.trim().toLowerCase() === key)) {
    throw new ConflictError('duplicate_site_name', 'Another site already has this name', [
      { path: 'name', message: 'is already used' },
    ]);
  }
}

export class SitesService {
  constructor(private readonly core: Core) {}

  private toSite(row: SiteRow): Site {
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      address: row.address,
      smsKeyword: row.smsKeyword,
      archived: row.archivedAt !== null,
      createdAt: toIso(row.createdAt, this.core.config.NETWORK_TZ),
    };
  }

  findIn(db: DbOrTx, id: number): SiteRow | null {
    return findSiteById(db, id);
  }

  /** The site a RELEASE text names; an archived site takes no new releases. */
  findByKeywordIn(db: DbOrTx, keyword: string): SiteRow | null {
    const row = findSiteByKeyword(db, keyword);
    return row && !row.archivedAt ? row : null;
  }

  /** Every site's name by id, archived ones too: old records still name them. */
  namesById(db: DbOrTx): Map<number, string> {
    return new Map(listSites(db).map((s) => [s.id, s.name]));
  }

  keywordsIn(db: DbOrTx): string[] {
    return listSites(db)
      .filter((s) => !s.archivedAt)
      .map((s) => s.smsKeyword)
      .filter((k): k is string => !!k);
  }

  list(archived = false): Site[] {
    return listSites(this.core.db)
      .filter((row) => (row.archivedAt !== null) === archived)
      .map((row) => this.toSite(row));
  }

  create(actor: Actor, input: CreateSiteInput): Site {
    return this.core.commands.run(actor, ({ tx, now, audit, emit }) => {
      if (input.smsKeyword && findSiteByKeyword(tx, input.smsKeyword)) throw duplicateKeyword();
      refuseDuplicateName(tx, input.name);
      const row = insertSite(tx, {
        name: input.name,
        kind: input.kind,
        address: input.address || null,
        smsKeyword: input.smsKeyword ?? null,
        createdAt: now,
        createdBy: actor.userId,
      });
      const created = this.toSite(row);
      audit({ action: 'site.created', entity: 'site', entityId: row.id, changes: { ...created } });
      emit('site.created', created);
      return created;
    });
  }

  update(actor: Actor, id: number, patch: SitePatch): Site {
    return this.core.commands.run(actor, (ctx) => {
      const current = findSiteById(ctx.tx, id);
      if (!current) throw new NotFoundError('Site');
      const keyword = patch.smsKeyword === '' ? null : patch.smsKeyword;
      if (keyword && keyword !== current.smsKeyword && findSiteByKeyword(ctx.tx, keyword))
        throw duplicateKeyword();
      const archivedAt =
        patch.archived === undefined
          ? current.archivedAt
          : patch.archived
            ? (current.archivedAt ?? ctx.now)
            : null;
      if (!archivedAt) refuseDuplicateName(ctx.tx, patch.name ?? current.name, id);
      const row = updateSite(ctx.tx, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.address !== undefined ? { address: patch.address || null } : {}),
        ...(keyword !== undefined ? { smsKeyword: keyword } : {}),
        archivedAt,
      });
      return this.changed(ctx, row, { ...patch });
    });
  }

  /** Deletes a site nothing names yet; a site in use is archived instead, so its history still reads. */
  remove(actor: Actor, id: number): { deleted: boolean; archived: boolean } {
    return this.core.commands.run(actor, (ctx) => {
      const current = findSiteById(ctx.tx, id);
      if (!current) throw new NotFoundError('Site');
      if (deleteUnusedSite(ctx.tx, id)) {
        ctx.audit({ action: 'site.deleted', entity: 'site', entityId: id, changes: { name: current.name } });
        ctx.emit('site.deleted', { id });
        return { deleted: true, archived: false };
      }
      const row = updateSite(ctx.tx, id, { archivedAt: current.archivedAt ?? ctx.now });
      this.changed(ctx, row, { archived: true });
      return { deleted: false, archived: true };
    });
  }

  private changed(ctx: CommandContext, row: SiteRow, changes: Record<string, unknown>): Site {
    const site = this.toSite(row);
    ctx.audit({ action: 'site.updated', entity: 'site', entityId: row.id, changes });
    ctx.emit('site.updated', site);
    return site;
  }
}
