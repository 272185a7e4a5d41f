import type { Core } from '../../deps';
import { ConflictError, ForbiddenError } from '../../errors';
import { systemActor } from '../../lib/commands';
import { hashToken, newToken, sameHash } from '../../lib/tokens';
import type { AuthService, AuthUser } from '../auth/auth.service';
import type { UsersService } from '../users/users.service';

export type FirstRun =
  | { kind: 'has_users' }
  | { kind: 'admin_from_env'; email: string }
  | { kind: 'setup_link'; url: string };

/**
 * The first admin: from ADMIN_EMAIL/ADMIN_PASSWORD, or from a one-time link printed on start. The link's
 * token lives only in this process and in the URL fragment (never sent to a server log), and dies once used.
 */
export class SetupService {
  private tokenHash: string | null = null;

  constructor(
    private readonly core: Core,
    private readonly users: Pick<UsersService, 'create' | 'count'>,
    private readonly auth: Pick<AuthService, 'openSession'>,
  ) {}

  needed(): boolean {
    return this.users.count() === 0;
  }

  async prepare(): Promise<FirstRun> {
    if (!this.needed()) return { kind: 'has_users' };
    const { ADMIN_EMAIL, ADMIN_PASSWORD, PUBLIC_URL } = this.core.config;
    if (ADMIN_EMAIL && ADMIN_PASSWORD) {
      await this.users.create(
        systemActor,
        { email: ADMIN_EMAIL.toLowerCase(), name: 'Admin', password: ADMIN_PASSWORD, role: 'admin' },
        { onlyIfNoUsers: true },
      );
      return { kind: 'admin_from_env', email: ADMIN_EMAIL };
    }
    const token = newToken(24);
    this.tokenHash = hashToken(token);
    return { kind: 'setup_link', url: `${PUBLIC_URL}/setup#token=${token}` };
  }

  async complete(
    token: string,
    input: { email: string; name: string; password: string; phone?: string },
    ip: string,
  ): Promise<{ user: AuthUser; sessionToken: string }> {
    if (!this.needed()) throw new ConflictError('already_set_up', 'This network already has its first admin');
    if (!this.tokenHash || !sameHash(hashToken(token), this.tokenHash)) {
      throw new ForbiddenError(
        'This setup link is not valid; use the one printed when the server started',
        'invalid_setup_token',
      );
    }
    const created = await this.users.create(
      { userId: null, label: 'setup', ip },
      { ...input, role: 'admin' },
      { onlyIfNoUsers: true },
    );
    this.tokenHash = null;
    const user: AuthUser = { id: created.id, email: created.email, name: created.name, role: created.role };
    return { user, sessionToken: this.auth.openSession(user, ip) };
  }
}
