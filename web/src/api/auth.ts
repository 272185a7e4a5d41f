import type {
  AuthUser,
  ChangePasswordBody,
  LoginBody,
  UserEnvelope,
} from '@server/modules/auth/auth.schemas';
import type { SetupBody, SetupNeeded } from '@server/modules/setup/setup.schemas';
import { OVERVIEW_READS } from '@shared/overview';
import { request } from './http';

export type { AuthUser };

export const authApi = {
  setupStatus: () => request<SetupNeeded>('/api/setup'),
  setup: (body: SetupBody) => request<UserEnvelope>('/api/setup', { method: 'POST', body }),
  me: () => request<UserEnvelope>(OVERVIEW_READS.session, { expectUnauthorized: true }),
  login: (email: string, password: string) =>
    request<UserEnvelope>('/api/auth/login', {
      method: 'POST',
      body: { email, password } satisfies LoginBody,
      expectUnauthorized: true,
    }),
  /** Answers with a fresh session cookie: every earlier session of this user has ended. */
  changePassword: (body: ChangePasswordBody) => request<void>('/api/auth/password', { method: 'POST', body }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', expectUnauthorized: true }),
};
