import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import type { UsersService } from '../users/users.service';
import { auditRoutes } from './audit.routes';

/** The audit log's reading side; its rows are written by every command (server/infra/audit.repo.ts). */
export function createAudit(
  _core: Core,
  ports: { users: Pick<UsersService, 'namesById'> },
): DomainModule<null> {
  return { name: 'audit', service: null, routes: auditRoutes(ports.users) };
}
