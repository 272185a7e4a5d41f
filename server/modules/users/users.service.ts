import type { Role, SmsLanguage } from '../../../db/schema';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { hashPassword } from '../../lib/passwords';
import { requirePhone } from '../../lib/phone';
import { toIso } from '../../lib/time';
import { revokeUserSessions } from '../auth/sessions.repo';
import {
  countActiveAdmins,
  countUsers,
  findUserByEmail,
  findUserById,
  findUserByPhone,
  insertUser,
  listUsers,
  type UserRow,
  updateUser,
} from './users.repo';
import type { CreateUserInput, UpdateUserInput, User } from './users.schemas';

export function toUser(row: UserRow, zone: string): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    phone: row.phone,
    smsLanguage: row.smsLanguage,
    disabled: row.disabledAt !== null,
    createdAt: toIso(row.createdAt, zone),
  };
}

interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  phone?: string;
  smsLanguage?: SmsLanguage;
}

export class UsersService {
  /** Told the sessions a change ended (role change, disabled), after commit, to close their live feeds. */
  onSessionsEnded: (sessionIds: number[]) => void = () => {};

  constructor(private readonly core: Core) {}

  list(): User[] {
    return listUsers(this.core.db).map((u) => toUser(u, this.core.config.NETWORK_TZ));
  }

  private checkPhoneFree(ctx: CommandContext, phone: string, self?: number): void {
    const holder = findUserByPhone(ctx.tx, phone);
    if (holder && holder.id !== self) {
      throw new ConflictError('duplicate_phone', 'Another user already has this phone number', [
        { path: 'phone', message: 'is already used' },
      ]);
    }
  }

  /** Hashing is slow on purpose, so it happens before the transaction, never inside it. */
  async create(actor: Actor, input: CreateUserInput, opts: { onlyIfNoUsers?: boolean } = {}): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    return this.createWithHash(actor, { ...input, passwordHash }, opts);
  }

  createWithHash(actor: Actor, input: NewUser, opts: { onlyIfNoUsers?: boolean } = {}): User {
    const phone = input.phone
      ? requirePhone(input.phone, this.core.config.DEFAULT_COUNTRY, 'body.phone')
      : null;
    const row = this.core.commands.run(actor, (ctx) => {
      const { tx, now, audit, emit } = ctx;
      if (opts.onlyIfNoUsers && countUsers(tx) > 0) {
        throw new ConflictError('already_set_up', 'This network already has its first admin');
      }
      if (findUserByEmail(tx, input.email)) {
        throw new ConflictError('duplicate_email', 'A user with this email already exists', [
          { path: 'email', message: 'is already used' },
        ]);
      }
      if (phone) this.checkPhoneFree(ctx, phone);
      const created = insertUser(tx, {
        ...input,
        phone,
        smsLanguage: input.smsLanguage ?? 'en',
        createdAt: now,
      });
      audit({
        action: 'user.created',
        entity: 'user',
        entityId: created.id,
        changes: {
          email: created.email,
          name: created.name,
          role: created.role,
          phone: phone ? '[set]' : null,
        },
      });
      emit('user.created', { id: created.id, name: created.name, role: created.role }, ['admin']);
      return created;
    });
    return toUser(row, this.core.config.NETWORK_TZ);
  }

  /**
   * A change of role or a disabling ends the person's sessions, so no one keeps rights (or a live feed
   * of events) they no longer have. The last active admin can be neither demoted nor disabled.
   */
  update(actor: Actor, id: number, input: UpdateUserInput): User {
    const phone = input.phone
      ? requirePhone(input.phone, this.core.config.DEFAULT_COUNTRY, 'body.phone')
      : input.phone;
    const ended: number[] = [];
    const row = this.core.commands.run(actor, (ctx) => {
      const current = findUserById(ctx.tx, id);
      if (!current) throw new NotFoundError('User');
      if (phone) this.checkPhoneFree(ctx, phone, id);
      const losesAdmin =
        current.role === 'admin' &&
        !current.disabledAt &&
        ((input.role && input.role !== 'admin') || input.disabled);
      if (losesAdmin && countActiveAdmins(ctx.tx) <= 1) {
        throw new ConflictError('last_admin', 'The network needs at least one active admin');
      }
      const patch = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(phone !== undefined ? { phone } : {}),
        ...(input.smsLanguage !== undefined ? { smsLanguage: input.smsLanguage } : {}),
        ...(input.disabled !== undefined
          ? { disabledAt: input.disabled ? (current.disabledAt ?? ctx.now) : null }
          : {}),
      };
      const updated = updateUser(ctx.tx, id, patch);
      if ((input.role && input.role !== current.role) || (input.disabled && !current.disabledAt)) {
        ended.push(...revokeUserSessions(ctx.tx, id, ctx.now));
      }
      const changes = Object.fromEntries(
        Object.entries(input).map(([k, v]) => [k, k === 'phone' ? (v ? '[set]' : null) : v]),
      );
      ctx.audit({
        action: 'user.updated',
        entity: 'user',
        entityId: id,
        changes: { ...changes, sessionsEnded: ended.length },
      });
      ctx.emit('user.updated', { id, fields: Object.keys(input) }, ['admin']);
      return updated;
    });
    if (ended.length) this.onSessionsEnded(ended);
    return toUser(row, this.core.config.NETWORK_TZ);
  }
}
