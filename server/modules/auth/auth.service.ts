import type { Role } from '../../../db/schema';
import type { Core } from '../../deps';
import { AppError } from '../../errors';
import { DAY, HOUR, MINUTE } from '../../lib/clock';
import { type Actor, systemActor } from '../../lib/commands';
import { decoyHash, verifyPassword } from '../../lib/passwords';
import { hashToken, newToken } from '../../lib/tokens';
import { findUserByEmail, findUserById } from '../users/users.repo';
import {
  deleteDeadSessions,
  findSessionById,
  findSessionWithUser,
  insertSession,
  revokeSession,
  touchSession,
} from './sessions.repo';

export interface AuthUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export interface AuthSession {
  sessionId: number;
  user: AuthUser;
}

const TOUCH_EVERY = MINUTE;

export class AuthService {
  private readonly sessionEnded = new Set<(sessionId: number) => void>();

  constructor(private readonly core: Core) {}

  private get idleMs() {
    return this.core.config.SESSION_IDLE_HOURS * HOUR;
  }

  private get maxMs() {
    return this.core.config.SESSION_MAX_DAYS * DAY;
  }

  async login(email: string, password: string, ip: string): Promise<{ token: string; user: AuthUser }> {
    const row = findUserByEmail(this.core.db, email);
    const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
    if (!row || !ok || row.disabledAt) {
      // Whoever failed is not known to be the account's owner: the account is the entity, not the actor.
      const actor: Actor = { userId: null, label: 'anonymous', ip };
      this.core.commands.run(actor, ({ audit }) =>
        audit({ action: 'auth.login_failed', entity: 'user', entityId: row?.id ?? null }),
      );
      throw new AppError(401, 'invalid_credentials', 'The email or password is wrong');
    }
    const user: AuthUser = { id: row.id, email: row.email, name: row.name, role: row.role };
    return { token: this.openSession(user, ip), user };
  }

  /** A fresh 128-bit token for every sign-in; only its hash is stored. */
  openSession(user: AuthUser, ip: string): string {
    const token = newToken();
    this.core.commands.run({ userId: user.id, label: `user:${user.id}`, ip }, ({ tx, now, audit }) => {
      const session = insertSession(tx, {
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.maxMs),
      });
      audit({ action: 'auth.login', entity: 'session', entityId: session.id });
    });
    return token;
  }

  /** The session behind a cookie, or null when it is unknown, revoked, idle too long or past its end. */
  resolve(token: string): AuthSession | null {
    const found = findSessionWithUser(this.core.db, hashToken(token));
    if (!found) return null;
    const { session, user } = found;
    const now = this.core.clock.now();
    if (!this.isLive(session, now) || user.disabledAt) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY)
      touchSession(this.core.db, session.id, now);
    return {
      sessionId: session.id,
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
    };
  }

  /** The same rule as resolve(): a disabled user's session is dead, even on an open live feed. */
  isSessionLive(sessionId: number): boolean {
    const session = findSessionById(this.core.db, sessionId);
    if (session === null || !this.isLive(session, this.core.clock.now())) return false;
    const user = findUserById(this.core.db, session.userId);
    return user !== null && !user.disabledAt;
  }

  private isLive(session: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date }, now: Date): boolean {
    return (
      !session.revokedAt &&
      session.expiresAt.getTime() > now.getTime() &&
      now.getTime() - session.lastSeenAt.getTime() < this.idleMs
    );
  }

  logout(actor: Actor, sessionId: number): void {
    this.core.commands.run(actor, ({ tx, now, audit }) => {
      revokeSession(tx, sessionId, now);
      audit({ action: 'auth.logout', entity: 'session', entityId: sessionId });
    });
    for (const listener of this.sessionEnded) listener(sessionId);
  }

  /** Tells listeners (the live feed) about sessions ended elsewhere, e.g. by a change of role. */
  notifySessionsEnded(sessionIds: number[]): void {
    for (const id of sessionIds) for (const listener of this.sessionEnded) listener(id);
  }

  onSessionEnded(listener: (sessionId: number) => void): void {
    this.sessionEnded.add(listener);
  }

  purgeDeadSessions(): number {
    const now = this.core.clock.now();
    return this.core.commands.run(systemActor, ({ tx }) =>
      deleteDeadSessions(tx, now, new Date(now.getTime() - this.idleMs)),
    );
  }
}
