import type { Role } from '../../../db/schema';
import type { Core } from '../../deps';
import { ConflictError } from '../../errors';
import type { Actor } from '../../lib/commands';
import { hashPassword } from '../../lib/passwords';
import { toIso } from '../../lib/time';
import { countUsers, findUserByEmail, insertUser, listUsers, type UserRow } from './users.repo';
import type { CreateUserInput, User } from './users.schemas';

export function toUser(row: UserRow, zone: string): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: toIso(row.createdAt, zone),
  };
}

export class UsersService {
  constructor(private readonly core: Core) {}

  list(): User[] {
    return listUsers(this.core.db).map((u) => toUser(u, this.core.config.NETWORK_TZ));
  }

  /** Hashing is slow on purpose, so it happens before the transaction, never inside it. */
  async create(actor: Actor, input: CreateUserInput, opts: { onlyIfNoUsers?: boolean } = {}): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    return this.createWithHash(actor, { ...input, passwordHash }, opts);
  }

  createWithHash(
    actor: Actor,
    input: { email: string; name: string; role: Role; passwordHash: string },
    opts: { onlyIfNoUsers?: boolean } = {},
  ): User {
    const row = this.core.commands.run(actor, ({ tx, now, audit, emit }) => {
      if (opts.onlyIfNoUsers && countUsers(tx) > 0) {
        throw new ConflictError('already_set_up', 'This network already has its first admin');
      }
      if (findUserByEmail(tx, input.email)) {
        throw new ConflictError('duplicate_email', 'A user with this email already exists', [
          { path: 'email', message: 'is already used' },
        ]);
      }
      const created = insertUser(tx, { ...input, createdAt: now });
      audit({
        action: 'user.created',
        entity: 'user',
        entityId: created.id,
        changes: { email: created.email, name: created.name, role: created.role },
      });
      emit('user.created', { id: created.id, name: created.name, role: created.role }, ['admin']);
      return created;
    });
    return toUser(row, this.core.config.NETWORK_TZ);
  }
}
