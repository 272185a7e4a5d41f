import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/** Claims the key; answers the new row's id, or null when the key is already taken. */
export function claimKey(
  db: DbOrTx,
  scope: string,
  key: string,
  fingerprint: string,
  now: Date,
): number | null {
  const row = db
    .insert(idempotencyKeys)
    .values({ scope, key, fingerprint, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id })
    .get();
  return row?.id ?? null;
}

export function findKey(db: DbOrTx, scope: string, key: string): IdempotencyRow | null {
  return (
    db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
      .get() ?? null
  );
}

export function completeKey(db: DbOrTx, id: number, statusCode: number, response: string, now: Date): void {
  db.update(idempotencyKeys)
    .set({ statusCode, response, completedAt: now })
    .where(eq(idempotencyKeys.id, id))
    .run();
}

export function releaseKey(db: DbOrTx, id: number): void {
  db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, id)).run();
}

export function deleteKeysBefore(db: DbOrTx, before: Date): number {
  return db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run().changes;
}
