import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fromRoot } from '../server/lib/paths';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What a synchronous transaction callback receives; repos accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const migrationsFolder = fromRoot('migrations');

const STATEMENTS_KEPT = 500;

/**
 * A query on the hot path (every request, every command), built once per connection as a drizzle
 * prepared statement and run with placeholders: building a query costs several times more than
 * SQLite takes to run it. Inserted values are converted by their columns as usual; a placeholder
 * inside raw SQL is passed as it is. A transaction shares its database's connection, so the statement
 * serves both.
 */
export function preparedOn<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const byConnection = new WeakMap<object, T>();
  return (db) => {
    const connection = (db as unknown as { session: { client: object } }).session.client;
    let prepared = byConnection.get(connection);
    if (prepared === undefined) {
      prepared = build(db);
      byConnection.set(connection, prepared);
    }
    return prepared;
  };
}

/**
 * A statement compiled once per connection and run by better-sqlite3 itself, with positional values
 * in their stored form (epoch ms, JSON text). For the few inserts every command makes (events, audit
 * lines, texts), where drizzle's filling of placeholders cost more than SQLite's own work.
 */
export function statementOn(source: string): (db: DbOrTx) => Database.Statement {
  return preparedOn((db) =>
    (db as unknown as { session: { client: Database.Database } }).session.client.prepare(source),
  );
}

/**
 * A reading statement compiled once per connection that answers each row as an array, in the order its
 * SELECT names the columns. better-sqlite3 builds a new object for every row read in its default mode,
 * which for a wide row costs more than SQLite's read: a release by id (23 columns) took 15 µs as an
 * object and 6 as an array. Set on every use, because a statement kept by its text is handed back in
 * its default mode (see reusePreparedStatements).
 */
export function rowsOn(source: string): (db: DbOrTx) => Database.Statement {
  const statement = statementOn(source);
  return (db) => statement(db).raw(true);
}

/**
 * A placeholder passed to SQLite as it is, without its column's conversion: for a nullable instant
 * (drizzle's conversion does not take null) or a value already in its stored form. Give it `msOrNull`.
 */
export const rawPlaceholder = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * A limit written into the SQL rather than bound, for `.limit(literalLimit(1))`: drizzle binds a
 * number, and SQLite took several times as long to run the same statement with its LIMIT bound
 * (27 against 4 µs for the outbox's next text, 13 against 6 for a volunteer's newest screen).
 */
export const literalLimit = (n: number): number => sql.raw(String(Math.trunc(n))) as unknown as number;

/** An instant as stored (epoch ms), or NULL. */
export const msOrNull = (at: Date | null | undefined) => (at ? at.getTime() : null);

/** A stored instant (epoch ms) or NULL back as a Date, for rows read without drizzle. */
export const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * drizzle asks better-sqlite3 to compile every query's SQL anew, each time it runs. The same text
 * compiles to the same statement, so compiled statements are kept by their text (the most recently
 * used few hundred) and handed back in their default row mode. SQLite recompiles a kept statement by
 * itself if the schema changes under it.
 */
function reusePreparedStatements(sqlite: Database.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) {
      kept.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = compile(source);
      if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
    }
    kept.set(source, statement);
    return statement;
  }) as Database.Database['prepare'];
}

/**
 * Opens the database with every pragma in one place: WAL for concurrent readers, synchronous=FULL so
 * an acknowledged write survives power loss, foreign keys, a busy timeout for the backup script and
 * secure_delete so purged personal details are overwritten rather than left in free pages, and
 * temp_store=MEMORY: every command runs in a savepoint of a shared transaction (server/lib/commands.ts),
 * and each savepoint's undo journal in a temporary file made a write several times slower.
 */
export function openDb(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('temp_store = MEMORY');
  reusePreparedStatements(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder });
}

export function openMigratedDb(file: string): Db {
  const db = openDb(file);
  migrateDb(db);
  return db;
}
