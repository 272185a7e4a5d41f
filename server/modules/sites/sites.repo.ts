import { asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, preparedOn } from '../../../db/client';
import { sites } from '../../../db/schema';

export type SiteRow = typeof sites.$inferSelect;

export function insertSite(db: DbOrTx, row: typeof sites.$inferInsert): SiteRow {
  return db.insert(sites).values(row).returning().get();
}

export function listSites(db: DbOrTx): SiteRow[] {
  return db.select().from(sites).orderBy(asc(sites.name), asc(sites.id)).all();
}

const siteById = preparedOn((db) =>
  db
    .select()
    .from(sites)
    .where(eq(sites.id, sql.placeholder('id')))
    .prepare(),
);

/** Read by every release logged and most other writes: a prepared statement. */
export function findSiteById(db: DbOrTx, id: number): SiteRow | null {
  return siteById(db).get({ id }) ?? null;
}

export function findSiteByKeyword(db: DbOrTx, keyword: string): SiteRow | null {
  return db.select().from(sites).where(eq(sites.smsKeyword, keyword)).get() ?? null;
}

export function updateSite(db: DbOrTx, id: number, patch: Partial<typeof sites.$inferInsert>): SiteRow {
  return db.update(sites).set(patch).where(eq(sites.id, id)).returning().get()!;
}

/** Deletes a site no row points at; false when a release, shift or other record still names it. */
export function deleteUnusedSite(db: DbOrTx, id: number): boolean {
  try {
    db.delete(sites).where(eq(sites.id, id)).run();
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
    throw err;
  }
}
