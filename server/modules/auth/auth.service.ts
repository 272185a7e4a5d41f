import type { Role } from '../../../db/schema';
import type { Core } from '../../deps';
import { AppError, ValidationError } from '../../errors';
import { actedFrom } from '../../infra/audit.repo';
import { DAY, HOUR, MINUTE } from '../../lib/clock';
import type { Actor, CommandContext } from '../../lib/commands';
import { decoyHash, verifyPassword } from '../../lib/passwords';
import { hashToken, newToken } from '../../lib/tokens';
import type { UsersService } from '../users/users.service';
import { renderAuthText } from './auth.texts';
import { LOGIN_LIMITS, LOGIN_WINDOW, LoginThrottle } from './auth.throttle';
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
/** An address the account signed in from this recently is the owner's, as far as throttling goes. */
const KNOWN_ADDRESS_DAYS = 60;

export class TooManyAttempts extends AppError {
  constructor(readonly retryAfter: number) {
    super(429, 'rate_limited', 'Too many sign-in attempts; wait a few minutes and try again');
  }
}

export class AuthService {
  private readonly sessionEnded = new Set<(sessionId: number) => void>();
  private readonly throttle = new LoginThrottle();

  constructor(
    private readonly core: Core,
    private readonly users: Pick<
      UsersService,
      'findIn' | 'credentialsOf' | 'textUserAndAdmins' | 'setPassword'
    >,
  ) {}

  private get idleMs() {
    return this.core.config.SESSION_IDLE_HOURS * HOUR;
  }

  private get maxMs() {
    return this.core.config.SESSION_MAX_DAYS * DAY;
  }

  async login(email: string, password: string, ip: string): Promise<{ token: string; user: AuthUser }> {
    const { db, clock } = this.core;
    const row = this.users.credentialsOf(db, email);
    const since = new Date(clock.now().getTime() - KNOWN_ADDRESS_DAYS * DAY);
    const known = row !== null && actedFrom(db, 'auth.login', row.id, ip, since);
    const attempt = this.throttle.begin(email, ip, clock.now().getTime(), known);
    if ('retryAfter' in attempt) throw new TooManyAttempts(attempt.retryAfter);
    const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
    if (!row || !ok || row.disabledAt) {
      const burst = this.throttle.failed(attempt, clock.now().getTime());
      // Whoever failed is not known to be the account's owner: the account is the entity, not the actor.
      const actor: Actor = { userId: null, label: 'anonymous', ip };
      this.core.commands.run(actor, (ctx) => {
        ctx.audit({ action: 'auth.login_failed', entity: 'user', entityId: row?.id ?? null });
        if (burst && row) this.tellAboutBurst(ctx, row);
      });
      throw new AppError(401, 'invalid_credentials', 'The email or password is wrong');
    }
    this.throttle.succeeded(attempt);
    const user: AuthUser = { id: row.id, email: row.email, name: row.name, role: row.role };
    return { token: this.openSession(user, ip), user };
  }

  /**
   * Your own new password, given the current one (a stolen session alone cannot change it). Guesses of
   * the current one count like sign-in failures. Every session ends; the caller gets a fresh one.
   */
  async changePassword(user: AuthUser, ip: string, current: string, next: string): Promise<string> {
    const { db, clock } = this.core;
    const row = this.users.credentialsOf(db, user.email);
    const attempt = this.throttle.begin(user.email, ip, clock.now().getTime(), true);
    if ('retryAfter' in attempt) throw new TooManyAttempts(attempt.retryAfter);
    if (!row || !(await verifyPassword(current, row.passwordHash))) {
      this.throttle.failed(attempt, clock.now().getTime());
      throw new ValidationError([{ path: 'body.current', message: 'is not your current password' }]);
    }
    this.throttle.succeeded(attempt);
    const actor: Actor = { userId: user.id, label: `user:${user.id}`, ip };
    await this.users.setPassword(actor, user.id, next, 'auth.password_changed');
    return this.openSession(user, ip);
  }

  private tellAboutBurst(ctx: CommandContext, row: { id: number; name: string }): void {
    const n = LOGIN_LIMITS.burst;
    ctx.audit({
      action: 'auth.login_burst',
      entity: 'user',
      entityId: row.id,
      changes: { failures: n, minutes: LOGIN_WINDOW / MINUTE },
    });
    ctx.emit('auth.login_burst', { userId: row.id, failures: n }, ['admin']);
    this.users.textUserAndAdmins(
      ctx,
      row.id,
      (lang) => renderAuthText('loginBurst', lang, { n: String(n), name: row.name }),
      { kind: 'direct', related: { type: 'user', id: row.id } },
    );
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
