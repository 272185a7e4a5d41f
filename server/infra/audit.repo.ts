import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, preparedOn, rawPlaceholder } from '../../db/client';
import { audit } from '../../db/schema';

export type AuditRow = typeof audit.$inferSelect;
export type NewAudit = typeof audit.$inferInsert;

const insertAuditQuery = preparedOn((db) =>
  db
    .insert(audit)
    .values({
      at: sql.placeholder('at'),
      userId: sql.placeholder('userId'),
      actor: sql.placeholder('actor'),
      action: sql.placeholder('action'),
      entity: sql.placeholder('entity'),
      entityId: sql.placeholder('entityId'),
      // Bare, so a missing change set is stored as NULL rather than encoded as JSON "null".
      changes: rawPlaceholder('changes'),
      ip: sql.placeholder('ip'),
    })
    .prepare(),
);

/** Every command writes audit lines: a prepared statement. */
export function insertAudit(tx: DbOrTx, row: NewAudit): void {
  insertAuditQuery(tx).run({
    at: row.at,
    userId: row.userId ?? null,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId ?? null,
    changes: row.changes == null ? null : JSON.stringify(row.changes),
    ip: row.ip ?? null,
  });
}

/** Whether this user did `action` from this address since then (e.g. signed in from it before). */
export function actedFrom(db: DbOrTx, action: string, userId: number, ip: string, since: Date): boolean {
  const row = db
    .select({ id: audit.id })
    .from(audit)
    .where(and(eq(audit.action, action), eq(audit.userId, userId), eq(audit.ip, ip), gte(audit.at, since)))
    .limit(1)
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
