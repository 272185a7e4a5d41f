import type { Core } from '../../deps';
import { ConflictError } from '../../errors';
import type { Actor } from '../../lib/commands';
import { toIso } from '../../lib/time';
import { findSiteByKeyword, insertSite, listSites, type SiteRow } from './sites.repo';
import type { CreateSiteInput, Site } from './sites.schemas';

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
