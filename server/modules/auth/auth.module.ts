import { z } from 'zod';
import type { Core } from '../../deps';
import { defineJob } from '../../infra/jobs';
import { HOUR } from '../../lib/clock';
import type { DomainModule } from '../module';
import type { UsersService } from '../users/users.service';
import { authRoutes } from './auth.routes';
import { AuthService } from './auth.service';

export function createAuth(
  core: Core,
  ports: { users: Pick<UsersService, 'findIn' | 'credentialsOf' | 'textUserAndAdmins' | 'setPassword'> },
): DomainModule<AuthService> {
  const service = new AuthService(core, ports.users);
  const purge = defineJob('auth.purge_sessions', z.object({}), (ctx) => service.purgeDeadSessionsIn(ctx), {
    everyMs: HOUR,
  });
  return { name: 'auth', service, routes: authRoutes, jobs: [purge] };
}
