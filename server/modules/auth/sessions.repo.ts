import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { type DbOrTx, preparedOn } from '../../../db/client';
import { sessions } from '../../../db/schema';

export type SessionRow = typeof sessions.$inferSelect;

export function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): SessionRow {
  return db.insert(sessions).values(row).returning().get();
}

const liveSessionByHash = preparedOn((db) =>
  db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.revokedAt)))
    .prepare(),
);

/** Read on every signed-in request: a prepared statement. */
export function findLiveSessionByHash(db: DbOrTx, tokenHash: string): SessionRow | null {
  return liveSessionByHash(db).get({ tokenHash }) ?? null;
}

export function findSessionById(db: DbOrTx, id: number): SessionRow | null {
  return db.select().from(sessions).where(eq(sessions.id, id)).get() ?? null;
}

export function touchSession(db: DbOrTx, id: number, at: Date): void {
  db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id)).run();
}

export function revokeSession(db: DbOrTx, id: number, at: Date): void {
  db.update(sessions).set({ revokedAt: at }).where(eq(sessions.id, id)).run();
}

export function deleteDeadSessions(db: DbOrTx, now: Date, idleBefore: Date): number {
  return db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore), lt(sessions.revokedAt, now)))
    .run().changes;
}

/** Revokes every live session of a user; answers their ids. */
export function revokeUserSessions(db: DbOrTx, userId: number, at: Date): number[] {
  return db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id })
    .all()
    .map((r) => r.id);
}
