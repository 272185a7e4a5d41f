import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { type DbOrTx, dateOrNull, statementOn } from '../../../db/client';
import { sessions } from '../../../db/schema';

export type SessionRow = typeof sessions.$inferSelect;

export function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): SessionRow {
  return db.insert(sessions).values(row).returning().get();
}

/** A session as SQLite stores it. */
interface StoredSession {
  id: number;
  token_hash: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  revoked_at: number | null;
}

function sessionOf(r: StoredSession): SessionRow {
  return {
    id: r.id,
    tokenHash: r.token_hash,
    userId: r.user_id,
    createdAt: new Date(r.created_at),
    lastSeenAt: new Date(r.last_seen_at),
    expiresAt: new Date(r.expires_at),
    revokedAt: dateOrNull(r.revoked_at),
  };
}

const liveSessionByHashStatement = statementOn(
  'SELECT * FROM sessions WHERE token_hash = ? AND revoked_at IS NULL',
);

/** Read on every signed-in request: compiled once, converted without drizzle. */
export function findLiveSessionByHash(db: DbOrTx, tokenHash: string): SessionRow | null {
  const r = liveSessionByHashStatement(db).get(tokenHash) as StoredSession | undefined;
  return r ? sessionOf(r) : null;
}

const sessionByIdStatement = statementOn('SELECT * FROM sessions WHERE id = ?');

/** Asked for each open live feed at every heartbeat. */
export function findSessionById(db: DbOrTx, id: number): SessionRow | null {
  const r = sessionByIdStatement(db).get(id) as StoredSession | undefined;
  return r ? sessionOf(r) : null;
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
