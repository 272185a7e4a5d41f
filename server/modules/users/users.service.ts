import type { DbOrTx } from '../../../db/client';
import type { Role, SmsLanguage } from '../../../db/schema';
import type { AlertKind } from '../../../shared/supplies';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Actor, CommandContext } from '../../lib/commands';
import { passwordProblem } from '../../lib/password-policy';
import { hashPassword } from '../../lib/passwords';
import { requirePhone } from '../../lib/phone';
import { toIso } from '../../lib/time';
import type { OutgoingRequest, SmsService } from '../sms/sms.service';
import {
  adminsWithPhones,
  coordinatorsWithPhones,
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
    alerts: row.alerts,
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

/** What users need from sign-in: ending a person's sessions, and telling their live feeds after commit. */
export interface SessionsPort {
  revokeUserSessionsIn(ctx: CommandContext, userId: number): number[];
  notifySessionsEnded(sessionIds: number[]): void;
}

export interface UsersPorts {
  sms: Pick<SmsService, 'enqueue'>;
  /** Read after every module exists: sign-in itself asks users who someone is. */
  sessions: () => SessionsPort;
}

/** Who a user is, as other domains may read it: never the password hash. */
export type UserFacts = Omit<UserRow, 'passwordHash'>;

export class UsersService {
  constructor(
    private readonly core: Core,
    private readonly ports: UsersPorts,
  ) {}

  findIn(db: DbOrTx, id: number): UserFacts | null {
    return findUserById(db, id);
  }

  findByPhoneIn(db: DbOrTx, phone: string): UserFacts | null {
    return findUserByPhone(db, phone);
  }

  /** The row with its hash, for sign-in only. */
  credentialsOf(db: DbOrTx, email: string): UserRow | null {
    return findUserByEmail(db, email);
  }

  count(db: DbOrTx = this.core.db): number {
    return countUsers(db);
  }

  /** Display names by id, for timelines and the audit log that store who acted as an id. */
  namesById(db: DbOrTx, withEmail = false): Map<number, string> {
    return new Map(listUsers(db).map((u) => [u.id, withEmail ? `${u.name} <${u.email}>` : u.name]));
  }

  /**
   * Texts every active admin and coordinator who gave a phone, each in their language, inside the
   * caller's command: isolations, escalations and (soon) unanswered medical pages.
   */
  textCoordinators(
    ctx: CommandContext,
    text: (lang: SmsLanguage) => string,
    message: Omit<OutgoingRequest, 'to' | 'body' | 'language'>,
  ): number {
    const people = coordinatorsWithPhones(ctx.tx);
    for (const person of people) {
      const lang = person.smsLanguage;
      this.ports.sms.enqueue(ctx, { ...message, to: person.phone!, body: text(lang), language: lang });
    }
    return people.length;
  }

  /** Texts a user (when they gave a phone) and every active admin, inside the caller's command. */
  textUserAndAdmins(
    ctx: CommandContext,
    userId: number,
    text: (lang: SmsLanguage) => string,
    message: Omit<OutgoingRequest, 'to' | 'body' | 'language'>,
  ): number {
    const user = findUserById(ctx.tx, userId);
    const people = [...(user && !user.disabledAt ? [user] : []), ...adminsWithPhones(ctx.tx)];
    const seen = new Set<string>();
    for (const person of people) {
      if (!person.phone || seen.has(person.phone)) continue;
      seen.add(person.phone);
      const lang = person.smsLanguage;
      this.ports.sms.enqueue(ctx, { ...message, to: person.phone, body: text(lang), language: lang });
    }
    return seen.size;
  }

  /** Texts every active user with a phone who asked for this kind of alert, in their language. */
  textAlertSubscribers(
    ctx: CommandContext,
    kind: AlertKind,
    text: (lang: SmsLanguage) => string,
    message: Omit<OutgoingRequest, 'to' | 'body' | 'language'>,
  ): number {
    const people = listUsers(ctx.tx).filter((u) => !u.disabledAt && u.phone && u.alerts.includes(kind));
    for (const person of people) {
      const lang = person.smsLanguage;
      this.ports.sms.enqueue(ctx, { ...message, to: person.phone!, body: text(lang), language: lang });
    }
    return people.length;
  }

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

  /**
   * A new password ends every session of that user: whoever held one (a stolen phone, a shared
   * laptop) must sign in again. Yourself, you get a fresh session from the route.
   */
  async setPassword(
    actor: Actor,
    id: number,
    next: string,
    action: 'user.password_reset' | 'auth.password_changed',
  ) {
    const found = findUserById(this.core.db, id);
    if (!found) throw new NotFoundError('User');
    const problem = passwordProblem(next, found.email);
    if (problem) throw new ValidationError([{ path: 'body.next', message: problem }]);
    const passwordHash = await hashPassword(next);
    const ended = this.core.commands.run(actor, (ctx) => {
      if (!findUserById(ctx.tx, id)) throw new NotFoundError('User');
      updateUser(ctx.tx, id, { passwordHash });
      const ids = this.ports.sessions().revokeUserSessionsIn(ctx, id);
      ctx.audit({ action, entity: 'user', entityId: id, changes: { sessionsEnded: ids.length } });
      return ids;
    });
    this.ports.sessions().notifySessionsEnded(ended);
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
        ...(input.alerts !== undefined ? { alerts: [...new Set(input.alerts)] } : {}),
        ...(input.disabled !== undefined
          ? { disabledAt: input.disabled ? (current.disabledAt ?? ctx.now) : null }
          : {}),
      };
      const updated = updateUser(ctx.tx, id, patch);
      if ((input.role && input.role !== current.role) || (input.disabled && !current.disabledAt)) {
        ended.push(...this.ports.sessions().revokeUserSessionsIn(ctx, id));
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
    if (ended.length) this.ports.sessions().notifySessionsEnded(ended);
    return toUser(row, this.core.config.NETWORK_TZ);
  }
}
