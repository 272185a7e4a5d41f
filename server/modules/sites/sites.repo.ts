import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { sites } from '../../../db/schema';

export type SiteRow = typeof sites.$inferSelect;

export function insertSite(db: DbOrTx, row: typeof sites.$inferInsert): SiteRow {
  return db.insert(sites).values(row).returning().get();
}

export function listSites(db: DbOrTx): SiteRow[] {
  return db.select().from(sites).orderBy(asc(sites.name), asc(sites.id)).all();
}

export function findSiteById(db: DbOrTx, id: number): SiteRow | null {
  return db.select().from(sites).where(eq(sites.id, id)).get() ?? null;
}

export function findSiteByKeyword(db: DbOrTx, keyword: string): SiteRow | null {
  return db.select().from(sites).where(eq(sites.smsKeyword, keyword)).get() ?? null;
}
