import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationsFolder, openDb } from '../../db/client';

const TAG = '0009_languages_as_codes';

/** A copy of the migrations that stops just before the languages migration. */
function migrationsBefore(dir: string): string {
  const out = path.join(dir, 'migrations');
  fs.cpSync(migrationsFolder, out, { recursive: true });
  const journalFile = path.join(out, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const at = journal.entries.findIndex((e: { tag: string }) => e.tag === TAG);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return out;
}

describe('the languages-as-codes migration', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-languages-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('turns typed names into codes in rows written before it, keeping unknown names and order', () => {
    const db = openDb(path.join(dir, 'old.db'));
    try {
      migrate(db, { migrationsFolder: migrationsBefore(dir) });
      const c = db.$client;
      const now = Date.now();
      const add = c.prepare(
        `insert into volunteers (name, phone, languages, skills, high_risk, active, sms_language, created_at, updated_at)
         values (?, ?, ?, '[]', 0, 1, 'en', ${now}, ${now})`,
      );
      add.run('Ana', '+13035550142', JSON.stringify(['Spanish', 'español', 'K’iche’', 'Tagalog']));
      add.run('Beto', '+13035550143', JSON.stringify(['ENGLISH', 'Kreyòl', 'Mam', 'PT']));
      add.run('Cruz', '+13035550144', JSON.stringify([]));
      const versionBefore = c.prepare('select n from roster_version').get();

      migrate(db, { migrationsFolder });
      const rows = c.prepare('select name, languages from volunteers order by id').all() as Array<{
        name: string;
        languages: string;
      }>;
      expect(rows.map((r) => [r.name, JSON.parse(r.languages)])).toEqual([
        ['Ana', ['es', 'quc', 'Tagalog']],
        ['Beto', ['en', 'ht', 'mam', 'pt']],
        ['Cruz', []],
      ]);
      // Dispatch keeps the roster in memory: the change must invalidate it.
      expect(c.prepare('select n from roster_version').get()).not.toEqual(versionBefore);
      const temp = c.prepare("select name from sqlite_temp_master where name = 'language_names'").all();
      expect(temp).toEqual([]);
    } finally {
      db.$client.close();
    }
  });
});
