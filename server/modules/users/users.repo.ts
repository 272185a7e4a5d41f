import { asc, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { users } from '../../../db/schema';

export type UserRow = typeof users.$inferSelect;

export function findUserByEmail(db: DbOrTx, email: string): UserRow | null {
  return db.select().from(users).where(eq(users.email, email)).get() ?? null;
}

export function findUserById(db: DbOrTx, id: number): UserRow | null {
  return db.select().from(users).where(eq(users.id, id)).get() ?? null;
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
