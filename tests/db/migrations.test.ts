import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteColumn, SQLiteTable, uniqueKeyName } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationsFolder, openDb, openMigratedDb } from '../../db/client';
import * as schema from '../../db/schema';

const root = path.resolve(__dirname, '../..');
const tables: SQLiteTable[] = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable =>
  is(value, SQLiteTable),
);

const sqlFiles = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();

describe('migrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-migrations-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are in step with db/schema: drizzle-kit generate finds nothing to add', () => {
    fs.cpSync(migrationsFolder, path.join(dir, 'migrations'), { recursive: true });
    // drizzle-kit reads snapshots from `out` relative to its working directory, so it runs in the copy.
    fs.writeFileSync(
      path.join(dir, 'drizzle.config.json'),
      JSON.stringify({ dialect: 'sqlite', schema: path.join(root, 'db/schema/*.ts'), out: './migrations' }),
    );
    const before = sqlFiles(path.join(dir, 'migrations'));
    expect(before.length).toBeGreaterThan(0);

    const run = spawnSync(
      path.join(root, 'node_modules/.bin/drizzle-kit'),
      ['generate', '--config', 'drizzle.config.json'],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toMatch(/no schema changes/i);
    expect(sqlFiles(path.join(dir, 'migrations'))).toEqual(before);
  }, 60_000);

  it('build every table of db/schema with the same columns, keys and indexes', () => {
    const db = openMigratedDb(':memory:');
    try {
      const client = db.$client;
      const inDb = client
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
        )
        .all()
        .map((r) => (r as { name: string }).name)
        .sort();
      expect(inDb).toEqual(tables.map((t) => getTableConfig(t).name).sort());

      for (const table of tables) {
        const config = getTableConfig(table);
        const name = config.name;

        const columns = client.pragma(`table_info(${name})`) as {
          name: string;
          type: string;
          notnull: number;
          dflt_value: string | null;
          pk: number;
        }[];
        const compositePk = new Set(config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)));
        expect(
          columns.map((c) => ({
            table: name,
            name: c.name,
            type: c.type.toLowerCase(),
            notNull: c.notnull === 1,
            primary: c.pk > 0,
            sqlDefault: c.dflt_value !== null,
          })),
        ).toEqual(
          config.columns.map((c) => ({
            table: name,
            name: c.name,
            type: c.getSQLType().toLowerCase(),
            notNull: c.notNull,
            primary: c.primary || compositePk.has(c.name),
            sqlDefault: c.default !== undefined,
          })),
        );

        const foreignKeys = (
          client.pragma(`foreign_key_list(${name})`) as {
            table: string;
            from: string;
            to: string;
            on_delete: string;
          }[]
        )
          .map((fk) => `${fk.from} -> ${fk.table}.${fk.to} on delete ${fk.on_delete.toLowerCase()}`)
          .sort();
        expect(foreignKeys, `${name} foreign keys`).toEqual(
          config.foreignKeys
            .flatMap((fk) => {
              const ref = fk.reference();
              return ref.columns.map(
                (col, i) =>
                  `${col.name} -> ${getTableConfig(ref.foreignTable).name}.${ref.foreignColumns[i]!.name} on delete ${fk.onDelete ?? 'no action'}`,
              );
            })
            .sort(),
        );

        const indexes = (
          client.pragma(`index_list(${name})`) as {
            name: string;
            unique: number;
            origin: string;
            partial: number;
          }[]
        )
          .filter((ix) => ix.origin !== 'pk')
          .map((ix) => {
            const cols = (client.pragma(`index_info(${ix.name})`) as { name: string }[]).map((c) => c.name);
            return `${ix.name}(${cols.join(',')})${ix.unique ? ' unique' : ''}${ix.partial ? ' partial' : ''}`;
          })
          .sort();
        const colName = (c: unknown) => (is(c, SQLiteColumn) ? c.name : '?');
        const expected = [
          ...config.indexes.map(
            (ix) =>
              `${ix.config.name}(${ix.config.columns.map(colName).join(',')})${ix.config.unique ? ' unique' : ''}${
                ix.config.where ? ' partial' : ''
              }`,
          ),
          ...config.columns.filter((c) => c.isUnique).map((c) => `${c.uniqueName}(${c.name}) unique`),
          ...config.uniqueConstraints.map((uc) => {
            const cols = uc.columns.map((c) => c.name);
            return `${uc.getName() ?? uniqueKeyName(table, cols)}(${cols.join(',')}) unique`;
          }),
        ].sort();
        expect(indexes, `${name} indexes`).toEqual(expected);
      }
    } finally {
      db.$client.close();
    }
  });

  it('can be applied twice without change', () => {
    const file = path.join(dir, 'twice.db');
    const first = openMigratedDb(file);
    const tablesBefore = first.$client.prepare('select count(*) as n from sqlite_master').get();
    first.$client.close();
    const second = openMigratedDb(file);
    try {
      expect(second.$client.prepare('select count(*) as n from sqlite_master').get()).toEqual(tablesBefore);
    } finally {
      second.$client.close();
    }
  });
});

describe('openDb pragmas', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-pragmas-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens a file database with WAL, synchronous FULL, foreign keys, secure_delete, a busy timeout and undo journals in memory', () => {
    const db = openDb(path.join(dir, 'nested', 'bienvenida.db'));
    try {
      const pragma = (name: string) => db.$client.pragma(name, { simple: true });
      expect(pragma('journal_mode')).toBe('wal');
      expect(pragma('synchronous')).toBe(2);
      expect(pragma('foreign_keys')).toBe(1);
      expect(pragma('secure_delete')).toBe(1);
      expect(pragma('busy_timeout')).toBe(5000);
      // Each command's savepoint keeps its undo journal in memory, not in a temporary file.
      expect(pragma('temp_store')).toBe(2);
    } finally {
      db.$client.close();
    }
  });

  it('enforces foreign keys', () => {
    const db = openMigratedDb(':memory:');
    try {
      expect(() =>
        db.$client
          .prepare(
            'insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at) values (?, ?, 0, 0, 0)',
          )
          .run('hash', 999),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.$client.close();
    }
  });
});
