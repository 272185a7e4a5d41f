import { asc, eq } from 'drizzle-orm';
import { type DbOrTx, dateOrNull, statementOn } from '../../../db/client';
import { sites } from '../../../db/schema';

export type SiteRow = typeof sites.$inferSelect;

export function insertSite(db: DbOrTx, row: typeof sites.$inferInsert): SiteRow {
  return db.insert(sites).values(row).returning().get();
}

export function listSites(db: DbOrTx): SiteRow[] {
  return db.select().from(sites).orderBy(asc(sites.name), asc(sites.id)).all();
}

/** A site as SQLite stores it. */
interface StoredSite {
  id: number;
  name: string;
  kind: SiteRow['kind'];
  address: string | null;
  sms_keyword: string | null;
  created_at: number;
  created_by: number | null;
  archived_at: number | null;
}

const siteByIdStatement = statementOn('SELECT * FROM sites WHERE id = ?');

/** Read by every release logged and most other writes: compiled once, converted without drizzle. */
export function findSiteById(db: DbOrTx, id: number): SiteRow | null {
  const r = siteByIdStatement(db).get(id) as StoredSite | undefined;
  return r
    ? {
        id: r.id,
        name: r.name,
        kind: r.kind,
        address: r.address,
        smsKeyword: r.sms_keyword,
        createdAt: new Date(r.created_at),
        createdBy: r.created_by,
        archivedAt: dateOrNull(r.archived_at),
      }
    : null;
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
