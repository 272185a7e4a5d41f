import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { type DbOrTx, dateOrNull, preparedOn, statementOn } from '../../../db/client';
import { users } from '../../../db/schema';

export type UserRow = typeof users.$inferSelect;

export function findUserByEmail(db: DbOrTx, email: string): UserRow | null {
  return db.select().from(users).where(eq(users.email, email)).get() ?? null;
}

/** A user as SQLite stores it. */
interface StoredUser {
  id: number;
  email: string;
  name: string;
  role: UserRow['role'];
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
  phone: string | null;
  sms_language: UserRow['smsLanguage'];
  alerts: string;
}

const userByIdStatement = statementOn('SELECT * FROM users WHERE id = ?');

/** Read on every signed-in request: compiled once, converted without drizzle. */
export function findUserById(db: DbOrTx, id: number): UserRow | null {
  const r = userByIdStatement(db).get(id) as StoredUser | undefined;
  return r
    ? {
        id: r.id,
        email: r.email,
        name: r.name,
        role: r.role,
        passwordHash: r.password_hash,
        createdAt: new Date(r.created_at),
        disabledAt: dateOrNull(r.disabled_at),
        phone: r.phone,
        smsLanguage: r.sms_language,
        alerts: JSON.parse(r.alerts) as UserRow['alerts'],
      }
    : null;
}

export function listUsers(db: DbOrTx): UserRow[] {
  return db.select().from(users).orderBy(asc(users.name), asc(users.id)).all();
}

export function countUsers(db: DbOrTx): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function insertUser(db: DbOrTx, row: typeof users.$inferInsert): UserRow {
  return db.insert(users).values(row).returning().get();
}

const userByPhone = preparedOn((db) =>
  db
    .select()
    .from(users)
    .where(eq(users.phone, sql.placeholder('phone')))
    .prepare(),
);

/** Every inbound text asks who sent it: a prepared statement. */
export function findUserByPhone(db: DbOrTx, phone: string): UserRow | null {
  return userByPhone(db).get({ phone }) ?? null;
}

export function updateUser(db: DbOrTx, id: number, patch: Partial<typeof users.$inferInsert>): UserRow {
  return db.update(users).set(patch).where(eq(users.id, id)).returning().get()!;
}

export function countActiveAdmins(db: DbOrTx): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
      .get()?.n ?? 0
  );
}

/** Active admins who gave a phone: who hears about attacks on accounts. */
export function adminsWithPhones(db: DbOrTx): UserRow[] {
  return db
    .select()
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), isNotNull(users.phone)))
    .all();
}

/** Active admins and coordinators who gave a phone: who hears about isolations and other alerts. */
export function coordinatorsWithPhones(db: DbOrTx): UserRow[] {
  return db
    .select()
    .from(users)
    .where(
      and(inArray(users.role, ['admin', 'coordinator']), isNull(users.disabledAt), isNotNull(users.phone)),
    )
    .all();
}
