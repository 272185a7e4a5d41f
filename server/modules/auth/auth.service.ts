import type { Role } from '../../../db/schema';
import type { Core } from '../../deps';
import { AppError } from '../../errors';
import { DAY, HOUR, MINUTE } from '../../lib/clock';
import type { Actor, CommandContext } from '../../lib/commands';
import { decoyHash, verifyPassword } from '../../lib/passwords';
import { hashToken, newToken } from '../../lib/tokens';
import type { UsersService } from '../users/users.service';
import {
  deleteDeadSessions,
  findLiveSessionByHash,
  findSessionById,
  insertSession,
  revokeSession,
  revokeUserSessions,
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

  constructor(
    private readonly core: Core,
    private readonly users: Pick<UsersService, 'findIn' | 'credentialsOf'>,
  ) {}

  private get idleMs() {
    return this.core.config.SESSION_IDLE_HOURS * HOUR;
  }

  private get maxMs() {
    return this.core.config.SESSION_MAX_DAYS * DAY;
  }

  async login(email: string, password: string, ip: string): Promise<{ token: string; user: AuthUser }> {
    const row = this.users.credentialsOf(this.core.db, email);
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
    const session = findLiveSessionByHash(this.core.db, hashToken(token));
    if (!session) return null;
    const user = this.users.findIn(this.core.db, session.userId);
    if (!user) return null;
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
    const user = this.users.findIn(this.core.db, session.userId);
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

  /** Inside a change of role or a disabling: every live session of that user ends with it. */
  revokeUserSessionsIn(ctx: CommandContext, userId: number): number[] {
    return revokeUserSessions(ctx.tx, userId, ctx.now);
  }

  purgeDeadSessionsIn(ctx: CommandContext): number {
    return deleteDeadSessions(ctx.tx, ctx.now, new Date(ctx.now.getTime() - this.idleMs));
  }
}
