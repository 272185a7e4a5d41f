import { DateTime } from 'luxon';
import { cleanLanguage } from '../../../shared/languages';
import { closestLanguage, isStale, type ResourceTag } from '../../../shared/resources';
import type { Core } from '../../deps';
import { NotFoundError, ValidationError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { toIso } from '../../lib/time';
import { newToken } from '../../lib/tokens';
import { checkedFile } from './resources.files';
import type { ResourcesPorts } from './resources.ports';
import {
  allVersions,
  deleteResource,
  deleteVersion,
  findResource,
  findResourceBySlug,
  findVersion,
  insertResource,
  listResources,
  type ResourceRow,
  updateResource,
  upsertVersion,
  type VersionMeta,
  versionsOf,
} from './resources.repo';
import type {
  CreateResourceInput,
  Resource,
  ResourceList,
  UpdateResourceInput,
  Version,
  VersionInput,
} from './resources.schemas';

/** The library: sheets, their versions per language, owners and review-by dates. */
export class ResourcesService {
  constructor(
    private readonly core: Core,
    readonly ports: ResourcesPorts,
  ) {}

  /** The network's date today, on the injected clock. */
  get today(): string {
    return DateTime.fromJSDate(this.core.clock.now(), { zone: this.core.config.NETWORK_TZ }).toISODate()!;
  }

  publicUrl(slug: string, language?: string): string {
    const base = `${this.core.config.PUBLIC_URL.replace(/\/$/, '')}/r/${slug}`;
    return language ? `${base}?lang=${encodeURIComponent(language)}` : base;
  }

  private toVersion(v: VersionMeta): Version {
    return {
      language: v.language,
      kind: v.kind,
      body: v.kind === 'text' ? v.body : null,
      mime: v.mime,
      fileName: v.fileName,
      bytes: v.bytes,
      updatedAt: toIso(v.updatedAt, this.core.config.NETWORK_TZ),
    };
  }

  toResource(
    row: ResourceRow,
    versions: VersionMeta[],
    owners: Map<number, string>,
    today: string,
  ): Resource {
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      tags: row.tags,
      ownerId: row.ownerId,
      ownerName: row.ownerId === null ? null : (owners.get(row.ownerId) ?? null),
      reviewBy: row.reviewBy,
      stale: isStale(row.reviewBy, today),
      url: this.publicUrl(row.slug),
      versions: versions.map((v) => this.toVersion(v)),
      updatedAt: toIso(row.updatedAt, this.core.config.NETWORK_TZ),
    };
  }

  list(tag?: ResourceTag): ResourceList {
    const db = this.core.db;
    const today = this.today;
    const owners = this.ports.users.namesById(db);
    const byResource = new Map<number, VersionMeta[]>();
    for (const v of allVersions(db))
      byResource.set(v.resourceId, [...(byResource.get(v.resourceId) ?? []), v]);
    const rows = listResources(db).filter((r) => !tag || r.tags.includes(tag));
    return { today, items: rows.map((r) => this.toResource(r, byResource.get(r.id) ?? [], owners, today)) };
  }

  get(id: number): Resource {
    const db = this.core.db;
    const row = findResource(db, id);
    if (!row) throw new NotFoundError('Resource');
    return this.toResource(row, versionsOf(db, id), this.ports.users.namesById(db), this.today);
  }

  private checkOwner(ctx: CommandContext, ownerId: number | null | undefined): void {
    if (ownerId && !this.ports.users.findIn(ctx.tx, ownerId)) {
      throw new ValidationError([{ path: 'body.ownerId', message: 'is not a user' }]);
    }
  }

  create(actor: Actor, input: CreateResourceInput): Resource {
    const id = this.core.commands.run(actor, (ctx) => {
      const ownerId = input.ownerId ?? actor.userId;
      this.checkOwner(ctx, ownerId);
      const row = insertResource(ctx.tx, {
        slug: newToken(),
        title: input.title,
        tags: input.tags,
        ownerId,
        reviewBy: input.reviewBy ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      ctx.audit({ action: 'resource.created', entity: 'resource', entityId: row.id, changes: { ...input } });
      ctx.emit('resource.created', { id: row.id });
      return row.id;
    });
    return this.get(id);
  }

  update(actor: Actor, id: number, patch: UpdateResourceInput): Resource {
    this.core.commands.run(actor, (ctx) => {
      if (!findResource(ctx.tx, id)) throw new NotFoundError('Resource');
      this.checkOwner(ctx, patch.ownerId);
      updateResource(ctx.tx, id, { ...patch, updatedAt: ctx.now });
      ctx.audit({ action: 'resource.updated', entity: 'resource', entityId: id, changes: { ...patch } });
      ctx.emit('resource.updated', { id });
    });
    return this.get(id);
  }

  remove(actor: Actor, id: number): void {
    this.core.commands.run(actor, (ctx) => {
      const row = findResource(ctx.tx, id);
      if (!row) throw new NotFoundError('Resource');
      deleteResource(ctx.tx, id);
      ctx.audit({
        action: 'resource.deleted',
        entity: 'resource',
        entityId: id,
        changes: { title: row.title },
      });
      ctx.emit('resource.deleted', { id });
    });
  }

  /** Adds the version for a language, replacing the one it had. A file is checked by its content. */
  addVersion(actor: Actor, id: number, input: VersionInput): Resource {
    const language = cleanLanguage(input.language);
    const file = input.file ? checkedFile(input.file, this.core.config.RESOURCE_MAX_BYTES) : null;
    this.core.commands.run(actor, (ctx) => {
      if (!findResource(ctx.tx, id)) throw new NotFoundError('Resource');
      const body = file ? null : (input.body ?? '');
      upsertVersion(ctx.tx, {
        resourceId: id,
        language,
        kind: file ? 'file' : 'text',
        body,
        mime: file?.mime ?? null,
        fileName: file ? (input.fileName ?? null) : null,
        data: file?.data ?? null,
        bytes: file ? file.data.length : Buffer.byteLength(body ?? ''),
        createdBy: actor.userId,
        updatedAt: ctx.now,
      });
      updateResource(ctx.tx, id, { updatedAt: ctx.now });
      const changes = { language, kind: file ? 'file' : 'text', mime: file?.mime ?? null };
      ctx.audit({ action: 'resource.version_added', entity: 'resource', entityId: id, changes });
      ctx.emit('resource.version_added', { id, language });
    });
    return this.get(id);
  }

  removeVersion(actor: Actor, id: number, rawLanguage: string): Resource {
    const language = cleanLanguage(rawLanguage);
    this.core.commands.run(actor, (ctx) => {
      if (!deleteVersion(ctx.tx, id, language)) throw new NotFoundError('That language of the resource');
      updateResource(ctx.tx, id, { updatedAt: ctx.now });
      ctx.audit({
        action: 'resource.version_removed',
        entity: 'resource',
        entityId: id,
        changes: { language },
      });
      ctx.emit('resource.version_removed', { id, language });
    });
    return this.get(id);
  }

  /** The version a reader of `wanted` gets (see closestLanguage), with the languages it exists in. */
  pick(resourceId: number, wanted: string) {
    const versions = versionsOf(this.core.db, resourceId);
    const languages = versions.map((v) => v.language);
    const served = closestLanguage(cleanLanguage(wanted), languages);
    const version = versions.find((v) => v.language === served) ?? null;
    return { version, languages };
  }

  bySlug(slug: string): ResourceRow | null {
    return findResourceBySlug(this.core.db, slug);
  }

  fileOf(resourceId: number, language: string) {
    const v = findVersion(this.core.db, resourceId, cleanLanguage(language));
    return v?.kind === 'file' && v.data && v.mime
      ? { data: v.data, mime: v.mime, fileName: v.fileName }
      : null;
  }
}
