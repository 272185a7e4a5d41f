import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { type DbOrTx, dateOrNull, rowsOn } from '../../../db/client';
import { sessions } from '../../../db/schema';

export type SessionRow = typeof sessions.$inferSelect;

export function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): SessionRow {
  return db.insert(sessions).values(row).returning().get();
}

/** A session as SQLite stores it, in the order the statements below name the columns. */
type StoredSession = [
  id: number,
  tokenHash: string,
  userId: number,
  createdAt: number,
  lastSeenAt: number,
  expiresAt: number,
  revokedAt: number | null,
];
const COLUMNS = 'id, token_hash, user_id, created_at, last_seen_at, expires_at, revoked_at';

function sessionOf(r: StoredSession): SessionRow {
  return {
    id: r[0],
    tokenHash: r[1],
    userId: r[2],
    createdAt: new Date(r[3]),
    lastSeenAt: new Date(r[4]),
    expiresAt: new Date(r[5]),
    revokedAt: dateOrNull(r[6]),
  };
}

const liveSessionByHashStatement = rowsOn(
  `SELECT ${COLUMNS} FROM sessions WHERE token_hash = ? AND revoked_at IS NULL`,
);

/** Read on every signed-in request: compiled once, its row read as an array and converted here. */
export function findLiveSessionByHash(db: DbOrTx, tokenHash: string): SessionRow | null {
  const r = liveSessionByHashStatement(db).get(tokenHash) as StoredSession | undefined;
  return r ? sessionOf(r) : null;
}

const sessionByIdStatement = rowsOn(`SELECT ${COLUMNS} FROM sessions WHERE id = ?`);

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
