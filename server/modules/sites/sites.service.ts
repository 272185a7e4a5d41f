import type { DbOrTx } from '../../../db/client';
import type { Core } from '../../deps';
import { ConflictError } from '../../errors';
import type { Actor } from '../../lib/commands';
import { toIso } from '../../lib/time';
import { findSiteById, findSiteByKeyword, insertSite, listSites, type SiteRow } from './sites.repo';
import type { CreateSiteInput, Site } from './sites.schemas';

export type { SiteRow };

export class SitesService {
  constructor(private readonly core: Core) {}

  private toSite(row: SiteRow): Site {
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      address: row.address,
      smsKeyword: row.smsKeyword,
      createdAt: toIso(row.createdAt, this.core.config.NETWORK_TZ),
    };
  }

  findIn(db: DbOrTx, id: number): SiteRow | null {
    return findSiteById(db, id);
  }

  findByKeywordIn(db: DbOrTx, keyword: string): SiteRow | null {
    return findSiteByKeyword(db, keyword);
  }

  /** Every site's name by id: small enough to read whole for any list that shows sites. */
  namesById(db: DbOrTx): Map<number, string> {
    return new Map(listSites(db).map((s) => [s.id, s.name]));
  }

  keywordsIn(db: DbOrTx): string[] {
    return listSites(db)
      .map((s) => s.smsKeyword)
      .filter((k): k is string => !!k);
  }

  list(): Site[] {
    return listSites(this.core.db).map((row) => this.toSite(row));
  }

  create(actor: Actor, input: CreateSiteInput): Site {
    return this.core.commands.run(actor, ({ tx, now, audit, emit }) => {
      if (input.smsKeyword && findSiteByKeyword(tx, input.smsKeyword)) {
        throw new ConflictError('duplicate_sms_keyword', 'Another site already uses this SMS keyword', [
          { path: 'smsKeyword', message: 'is already used' },
        ]);
      }
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
}
