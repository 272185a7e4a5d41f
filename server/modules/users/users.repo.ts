import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { type DbOrTx, dateOrNull, preparedOn, rowsOn } from '../../../db/client';
import { users } from '../../../db/schema';

export type UserRow = typeof users.$inferSelect;

export function findUserByEmail(db: DbOrTx, email: string): UserRow | null {
  return db.select().from(users).where(eq(users.email, email)).get() ?? null;
}

const userByIdStatement = rowsOn(
  `SELECT id, email, name, role, password_hash, created_at, disabled_at, phone, sms_language, alerts
   FROM users WHERE id = ?`,
);

/** Read on every signed-in request: compiled once, its row read as an array and converted here. */
export function findUserById(db: DbOrTx, id: number): UserRow | null {
  const r = userByIdStatement(db).get(id) as
    | [
        id: number,
        email: string,
        name: string,
        role: UserRow['role'],
        passwordHash: string,
        createdAt: number,
        disabledAt: number | null,
        phone: string | null,
        smsLanguage: UserRow['smsLanguage'],
        alerts: string,
      ]
    | undefined;
  return r
    ? {
        id: r[0],
        email: r[1],
        name: r[2],
        role: r[3],
        passwordHash: r[4],
        createdAt: new Date(r[5]),
        disabledAt: dateOrNull(r[6]),
        phone: r[7],
        smsLanguage: r[8],
        alerts: JSON.parse(r[9]) as UserRow['alerts'],
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
