import type { Core } from '../../deps';
import type { AuthService } from '../auth/auth.service';
import type { DomainModule } from '../module';
import type { UsersService } from '../users/users.service';
import { setupRoutes } from './setup.routes';
import { SetupService } from './setup.service';

export function createSetup(
  core: Core,
  ports: { users: Pick<UsersService, 'create' | 'count'>; auth: Pick<AuthService, 'openSession'> },
): DomainModule<SetupService> {
  const service = new SetupService(core, ports.users, ports.auth);
  return { name: 'setup', service, routes: setupRoutes(service) };
}
