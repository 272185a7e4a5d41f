import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { resources, resourceVersions } from '../../../db/schema';

export type ResourceRow = typeof resources.$inferSelect;
export type VersionRow = typeof resourceVersions.$inferSelect;
/** A version without its file's bytes: what lists and pages need. */
export type VersionMeta = Omit<VersionRow, 'data'>;

const meta = {
  id: resourceVersions.id,
  resourceId: resourceVersions.resourceId,
  language: resourceVersions.language,
  kind: resourceVersions.kind,
  body: resourceVersions.body,
  mime: resourceVersions.mime,
  fileName: resourceVersions.fileName,
  bytes: resourceVersions.bytes,
  createdBy: resourceVersions.createdBy,
  updatedAt: resourceVersions.updatedAt,
};

export function insertResource(db: DbOrTx, row: typeof resources.$inferInsert): ResourceRow {
  return db.insert(resources).values(row).returning().get();
}

export function updateResource(db: DbOrTx, id: number, patch: Partial<typeof resources.$inferInsert>): void {
  db.update(resources).set(patch).where(eq(resources.id, id)).run();
}

export function deleteResource(db: DbOrTx, id: number): void {
  db.delete(resources).where(eq(resources.id, id)).run();
}

export function findResource(db: DbOrTx, id: number): ResourceRow | null {
  return db.select().from(resources).where(eq(resources.id, id)).get() ?? null;
}

export function findResourceBySlug(db: DbOrTx, slug: string): ResourceRow | null {
  return db.select().from(resources).where(eq(resources.slug, slug)).get() ?? null;
}

export function listResources(db: DbOrTx): ResourceRow[] {
  return db.select().from(resources).orderBy(asc(resources.title), asc(resources.id)).all();
}

export function versionsOf(db: DbOrTx, resourceId: number): VersionMeta[] {
  return db
    .select(meta)
    .from(resourceVersions)
    .where(eq(resourceVersions.resourceId, resourceId))
    .orderBy(asc(resourceVersions.language))
    .all();
}

export function allVersions(db: DbOrTx): VersionMeta[] {
  return db.select(meta).from(resourceVersions).orderBy(asc(resourceVersions.language)).all();
}

export function findVersion(db: DbOrTx, resourceId: number, language: string): VersionRow | null {
  return (
    db
      .select()
      .from(resourceVersions)
      .where(and(eq(resourceVersions.resourceId, resourceId), eq(resourceVersions.language, language)))
      .get() ?? null
  );
}

/** One version per language: a new one for a language replaces what was there. */
export function upsertVersion(db: DbOrTx, row: typeof resourceVersions.$inferInsert): VersionMeta {
  const { resourceId: _r, language: _l, ...rest } = row;
  db.insert(resourceVersions)
    .values(row)
    .onConflictDoUpdate({ target: [resourceVersions.resourceId, resourceVersions.language], set: rest })
    .run();
  return versionsOf(db, row.resourceId).find((v) => v.language === row.language)!;
}

export function deleteVersion(db: DbOrTx, resourceId: number, language: string): boolean {
  const res = db
    .delete(resourceVersions)
    .where(and(eq(resourceVersions.resourceId, resourceId), eq(resourceVersions.language, language)))
    .run();
  return res.changes > 0;
}
