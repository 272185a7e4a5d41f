import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import { findUserByPhone } from './users.repo';
import { usersRoutes } from './users.routes';
import { type UsersPorts, UsersService } from './users.service';

export function createUsers(core: Core, ports: UsersPorts): DomainModule<UsersService> {
  const service = new UsersService(core, ports);
  return {
    name: 'users',
    service,
    routes: usersRoutes(service),
    senderLookup: (db, phone) => {
      const user = findUserByPhone(db, phone);
      return user && !user.disabledAt
        ? { phone, kind: 'user', id: user.id, language: user.smsLanguage, name: user.name }
        : null;
    },
  };
}
