import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/** What a request carrying an Idempotency-Key hands to the commands it runs. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  fingerprint: string;
}

/**
 * Records, inside a command's own transaction, that the request behind this key has been carried out:
 * the mark commits (or rolls back) with the command's rows, so no extra flush to disk is paid for it.
 */
export function markCarriedOut(tx: DbOrTx, claim: IdempotencyClaim, now: Date): void {
  tx.insert(idempotencyKeys)
    .values({ scope: claim.scope, key: claim.key, fingerprint: claim.fingerprint, createdAt: now })
    .onConflictDoNothing()
    .run();
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

/**
 * Keeps the answer for replays. It is written without waiting for the disk: the next durable commit
 * flushes it too. If power fails first, the mark of the command survives and a retry is refused
 * rather than run twice.
 */
export function keepAnswer(db: Db, claim: IdempotencyClaim, statusCode: number, response: string, now: Date) {
  const sqlite = db.$client;
  sqlite.pragma('synchronous = OFF');
  try {
    db.insert(idempotencyKeys)
      .values({ ...claim, statusCode, response, createdAt: now, completedAt: now })
      .onConflictDoUpdate({
        target: [idempotencyKeys.scope, idempotencyKeys.key],
        set: { statusCode, response, completedAt: now },
        where: sql`${idempotencyKeys.completedAt} is null`,
      })
      .run();
  } finally {
    sqlite.pragma('synchronous = FULL');
  }
}

/** A failed attempt keeps no answer, so the key can be used again for a corrected retry. */
export function forgetKey(db: DbOrTx, claim: IdempotencyClaim): void {
  db.delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key)))
    .run();
}

export function deleteKeysBefore(db: DbOrTx, before: Date): number {
  return db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run().changes;
}
