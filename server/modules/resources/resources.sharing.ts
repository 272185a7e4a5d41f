import { cleanLanguages } from '../../../shared/languages';
import type { ReleaseNeed } from '../../../shared/releases';
import { closestLanguage, NEED_FOR_TAG } from '../../../shared/resources';
import type { Core } from '../../deps';
import { NotFoundError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { qrSvg } from '../../lib/qr';
import { redactPhone } from '../../lib/redact';
import { findResource, listResources, type ResourceRow, versionsOf } from './resources.repo';
import type { ReleaseBundle } from './resources.schemas';
import type { ResourcesService } from './resources.service';
import { renderResourcesText } from './resources.texts';

/** Languages a print-out covers when a release recorded none. */
const DEFAULT_LANGUAGES = ['es', 'en'];

/** Handing sheets out: texting a link, and the bundle printed or shown for a release. */
export class ResourceSharing {
  constructor(
    private readonly core: Core,
    private readonly library: ResourcesService,
  ) {}

  /** Ticks the release needs these sheets meet (health → covid_guidance, legal → legal_orientation). */
  private tickNeedsIn(ctx: CommandContext, releaseId: number, rows: ResourceRow[]): ReleaseNeed[] {
    const needs = new Set<ReleaseNeed>();
    for (const row of rows) for (const tag of row.tags) if (NEED_FOR_TAG[tag]) needs.add(NEED_FOR_TAG[tag]!);
    for (const need of needs) this.library.ports.releases.markNeedMetIn(ctx, releaseId, need);
    const release = this.library.ports.releases.findIn(ctx.tx, releaseId)?.release;
    return release ? [...needs].filter((n) => release.needsMet.includes(n)) : [];
  }

  private requireRelease(ctx: CommandContext, releaseId: number) {
    const found = this.library.ports.releases.findIn(ctx.tx, releaseId);
    if (!found) throw new NotFoundError('Release');
    return found.release;
  }

  /** Texts the sheet's link, in the closest language it has, through the outbox. */
  send(actor: Actor, id: number, input: { to: string; language: string; releaseId?: number }) {
    const phone = this.library.ports.sms.normalizePhone(input.to, 'body.to');
    return this.core.commands.run(actor, (ctx) => {
      const row = findResource(ctx.tx, id);
      if (!row) throw new NotFoundError('Resource');
      if (input.releaseId) this.requireRelease(ctx, input.releaseId);
      const { version } = this.library.pick(id, input.language);
      if (!version) throw new NotFoundError('A version of this resource');
      const url = this.library.publicUrl(row.slug, version.language);
      const smsLanguage = version.language === 'en' ? 'en' : 'es';
      const sms = this.library.ports.sms.enqueue(ctx, {
        to: phone,
        body: renderResourcesText('resourceLink', smsLanguage, { title: row.title, url }),
        kind: 'direct',
        language: smsLanguage,
        related: { type: 'resource', id },
      });
      const changes = { to: redactPhone(phone), language: version.language, smsId: sms.id };
      ctx.audit({ action: 'resource.sent', entity: 'resource', entityId: id, changes });
      ctx.emit('resource.sent', { id, language: version.language, smsId: sms.id });
      if (input.releaseId) this.tickNeedsIn(ctx, input.releaseId, [row]);
      return { smsId: sms.id, language: version.language, url };
    });
  }

  /** Sheets printed for or shown to a release's group: their needs are met. */
  shareWithRelease(actor: Actor, releaseId: number, resourceIds: number[], how: 'printed' | 'shown') {
    return this.core.commands.run(actor, (ctx) => {
      this.requireRelease(ctx, releaseId);
      const rows = resourceIds.map((id) => {
        const row = findResource(ctx.tx, id);
        if (!row) throw new NotFoundError(`Resource ${id}`);
        return row;
      });
      const needsMet = this.tickNeedsIn(ctx, releaseId, rows);
      const changes = { resourceIds, how, needsMet };
      ctx.audit({ action: 'resource.shared', entity: 'release', entityId: releaseId, changes });
      ctx.emit('resource.shared', { releaseId, resourceIds, how });
      return { needsMet };
    });
  }

  /** Every sheet in each of the release's languages (the closest each has), with QR codes to print. */
  async bundle(releaseId: number): Promise<ReleaseBundle> {
    const db = this.core.db;
    const found = this.library.ports.releases.findIn(db, releaseId);
    if (!found) throw new NotFoundError('Release');
    const { release } = found;
    const wanted = release.languages.length > 0 ? cleanLanguages(release.languages) : DEFAULT_LANGUAGES;
    const open = release.needs.filter((n) => !release.needsMet.includes(n));
    const items = [];
    for (const row of listResources(db)) {
      const languages = versionsOf(db, row.id).map((v) => v.language);
      if (languages.length === 0) continue;
      const sheets = [];
      const seen = new Set<string>();
      for (const language of wanted) {
        const served = closestLanguage(language, languages)!;
        if (seen.has(served)) continue;
        seen.add(served);
        const url = this.library.publicUrl(row.slug, served);
        sheets.push({ wanted: language, served, url, qr: await qrSvg(url) });
      }
      const suggested = row.tags.some((t) => {
        const need = NEED_FOR_TAG[t];
        return need !== undefined && (open.includes(need) || release.needs.includes(need));
      });
      items.push({ id: row.id, title: row.title, tags: row.tags, suggested, sheets });
    }
    items.sort((a, b) => Number(b.suggested) - Number(a.suggested));
    return { releaseId, code: release.code, languages: wanted, items };
  }
}
