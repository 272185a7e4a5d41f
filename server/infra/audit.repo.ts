import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { type DbOrTx, literalLimit, statementOn } from '../../db/client';
import { audit } from '../../db/schema';

export type AuditRow = typeof audit.$inferSelect;
export type NewAudit = typeof audit.$inferInsert;

const insertAuditStatement = statementOn(
  'INSERT INTO audit (at, user_id, actor, action, entity, entity_id, changes, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
);

/** Every command writes audit lines: compiled once, run without drizzle (see statementOn). */
export function insertAudit(tx: DbOrTx, row: NewAudit): void {
  insertAuditStatement(tx).run(
    row.at.getTime(),
    row.userId ?? null,
    row.actor,
    row.action,
    row.entity,
    row.entityId ?? null,
    // A missing change set is stored as NULL rather than encoded as JSON "null".
    row.changes == null ? null : JSON.stringify(row.changes),
    row.ip ?? null,
  );
}

/** Whether this user did `action` from this address since then (e.g. signed in from it before). */
export function actedFrom(db: DbOrTx, action: string, userId: number, ip: string, since: Date): boolean {
  const row = db
    .select({ id: audit.id })
    .from(audit)
    .where(and(eq(audit.action, action), eq(audit.userId, userId), eq(audit.ip, ip), gte(audit.at, since)))
    .limit(literalLimit(1))
    .get();
  return row !== undefined;
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
