import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, preparedOn, rawPlaceholder } from '../../db/client';
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
  markQuery(tx).run({ scope: claim.scope, key: claim.key, fingerprint: claim.fingerprint, createdAt: now });
}

const markQuery = preparedOn((db) =>
  db
    .insert(idempotencyKeys)
    .values({
      scope: sql.placeholder('scope'),
      key: sql.placeholder('key'),
      fingerprint: sql.placeholder('fingerprint'),
      createdAt: sql.placeholder('createdAt'),
    })
    .onConflictDoNothing()
    .prepare(),
);

const findQuery = preparedOn((db) =>
  db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, sql.placeholder('scope')),
        eq(idempotencyKeys.key, sql.placeholder('key')),
      ),
    )
    .prepare(),
);

export function findKey(db: DbOrTx, scope: string, key: string): IdempotencyRow | null {
  return findQuery(db).get({ scope, key }) ?? null;
}

const answerQuery = preparedOn((db) =>
  db
    .insert(idempotencyKeys)
    .values({
      scope: sql.placeholder('scope'),
      key: sql.placeholder('key'),
      fingerprint: sql.placeholder('fingerprint'),
      statusCode: sql.placeholder('statusCode'),
      response: sql.placeholder('response'),
      createdAt: sql.placeholder('at'),
      completedAt: sql.placeholder('at'),
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: {
        statusCode: sql`excluded.status_code`,
        response: sql`excluded.response`,
        completedAt: sql`excluded.completed_at`,
      },
      where: sql`${idempotencyKeys.completedAt} is null`,
    })
    .prepare(),
);

const completeQuery = preparedOn((db) =>
  db
    .update(idempotencyKeys)
    .set({
      statusCode: rawPlaceholder('statusCode'),
      response: rawPlaceholder('response'),
      completedAt: rawPlaceholder('atMs'),
    })
    .where(
      and(
        eq(idempotencyKeys.scope, sql.placeholder('scope')),
        eq(idempotencyKeys.key, sql.placeholder('key')),
        isNull(idempotencyKeys.completedAt),
      ),
    )
    .prepare(),
);

/**
 * Keeps the answer for replays. Inside the transaction commands share (the usual case: a request's
 * answer is kept before its flush), it completes the mark the command left and is flushed with it.
 * Otherwise it is written without waiting for the disk: the next durable commit flushes it too. If
 * power fails first, the mark of the command survives and a retry is refused rather than run twice.
 */
export function keepAnswer(db: Db, claim: IdempotencyClaim, statusCode: number, response: string, now: Date) {
  const sqlite = db.$client;
  if (sqlite.inTransaction) {
    const { scope, key } = claim;
    const done = completeQuery(db).run({ scope, key, statusCode, response, atMs: now.getTime() });
    if (done.changes === 0) answerQuery(db).run({ ...claim, statusCode, response, at: now });
    return;
  }
  sqlite.prepare('PRAGMA synchronous = OFF').run();
  try {
    answerQuery(db).run({ ...claim, statusCode, response, at: now });
  } finally {
    sqlite.prepare('PRAGMA synchronous = FULL').run();
  }
}

export function deleteKeysBefore(db: DbOrTx, before: Date): number {
  return db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before)).run().changes;
}
