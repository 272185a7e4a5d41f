import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { audit } from '../../db/schema';

export type AuditRow = typeof audit.$inferSelect;
export type NewAudit = typeof audit.$inferInsert;

export function insertAudit(tx: DbOrTx, row: NewAudit): void {
  tx.insert(audit).values(row).run();
}

export interface AuditFilter {
  action?: string;
  entity?: string;
  entityId?: number;
  userId?: number;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

export function listAudit(db: DbOrTx, f: AuditFilter): AuditRow[] {
  const where: SQL[] = [];
  if (f.action) where.push(eq(audit.action, f.action));
  if (f.entity) where.push(eq(audit.entity, f.entity));
  if (f.entityId !== undefined) where.push(eq(audit.entityId, f.entityId));
  if (f.userId !== undefined) where.push(eq(audit.userId, f.userId));
  if (f.from) where.push(gte(audit.at, f.from));
  if (f.to) where.push(lte(audit.at, f.to));
  if (f.before !== undefined) where.push(lt(audit.id, f.before));
  return db
    .select()
    .from(audit)
    .where(and(...where))
    .orderBy(desc(audit.id))
    .limit(f.limit)
    .all();
}
