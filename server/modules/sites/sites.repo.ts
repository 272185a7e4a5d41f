import { asc, eq } from 'drizzle-orm';
import { type DbOrTx, dateOrNull, rowsOn } from '../../../db/client';
import { sites } from '../../../db/schema';

export type SiteRow = typeof sites.$inferSelect;

export function insertSite(db: DbOrTx, row: typeof sites.$inferInsert): SiteRow {
  return db.insert(sites).values(row).returning().get();
}

export function listSites(db: DbOrTx): SiteRow[] {
  return db.select().from(sites).orderBy(asc(sites.name), asc(sites.id)).all();
}

const siteByIdStatement = rowsOn(
  'SELECT id, name, kind, address, sms_keyword, created_at, created_by, archived_at FROM sites WHERE id = ?',
);

/** Read by every release logged and most other writes: compiled once, its row read as an array. */
export function findSiteById(db: DbOrTx, id: number): SiteRow | null {
  const r = siteByIdStatement(db).get(id) as
    | [number, string, SiteRow['kind'], string | null, string | null, number, number | null, number | null]
    | undefined;
  return r
    ? {
        id: r[0],
        name: r[1],
        kind: r[2],
        address: r[3],
        smsKeyword: r[4],
        createdAt: new Date(r[5]),
        createdBy: r[6],
        archivedAt: dateOrNull(r[7]),
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
