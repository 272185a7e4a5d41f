import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMigratedDb } from '../../db/client';
import { backupDatabase, checkBackup, restoreDatabase } from '../../server/lib/backup';
import { buildTestApp } from '../helpers/app';

describe('backup and restore', () => {
  let dir: string;
  let dbFile: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-backup-'));
    dbFile = path.join(dir, 'bienvenida.db');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function siteNames(file: string): Promise<string[]> {
    const db = openMigratedDb(file);
    const t = await buildTestApp({ db });
    const names = t.app.services.sites.list().map((s) => s.name);
    await t.close();
    db.$client.close();
    return names;
  }

  it('takes a consistent backup while the app writes, and restoring it brings that state back', async () => {
    const db = openMigratedDb(dbFile);
    const t = await buildTestApp({ db });
    const admin = await t.signIn('coordinator');
    const create = (name: string) =>
      t.call(admin, { method: 'POST', url: '/api/sites', payload: { name, kind: 'bus_station' } });
    expect((await create('Before backup')).statusCode).toBe(201);

    const backup = await backupDatabase(db.$client, path.join(dir, 'backups'), t.clock.now());
    expect(checkBackup(backup)).toBe('ok');
    expect((await create('After backup')).statusCode).toBe(201);
    await t.close();
    db.$client.close();
    expect(await siteNames(dbFile)).toEqual(['After backup', 'Before backup']);

    const { previous } = restoreDatabase(backup, dbFile, new Date());
    expect(previous && fs.existsSync(previous)).toBe(true);
    expect(await siteNames(dbFile)).toEqual(['Before backup']);
  });

  it('keeps only the newest backups', async () => {
    const db = openMigratedDb(dbFile);
    for (let i = 0; i < 4; i += 1) {
      await backupDatabase(db.$client, path.join(dir, 'backups'), new Date(Date.UTC(2026, 0, 1 + i)), 2);
    }
    db.$client.close();
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual([
      'bienvenida-2026-01-03T00-00-00-000Z.db',
      'bienvenida-2026-01-04T00-00-00-000Z.db',
    ]);
  });

  it('refuses to restore a file that is not a sound database, leaving the live one untouched', () => {
    const db = openMigratedDb(dbFile);
    db.$client.close();
    const bogus = path.join(dir, 'bogus.db');
    fs.writeFileSync(bogus, 'not a database at all, just text'.repeat(200));
    expect(() => restoreDatabase(bogus, dbFile, new Date())).toThrow();
    expect(checkBackup(dbFile)).toBe('ok');
  });

  it('npm run backup and npm run restore work from the command line', { timeout: 90_000 }, async () => {
    const db = openMigratedDb(dbFile);
    const t = await buildTestApp({ db });
    const coordinator = await t.signIn('coordinator');
    await t.call(coordinator, {
      method: 'POST',
      url: '/api/sites',
      payload: { name: 'Kept', kind: 'airport' },
    });
    await t.close();
    db.$client.close();

    const env = { ...process.env, DATA_DIR: dir };
    const out = execFileSync('npx', ['tsx', 'scripts/backup.ts'], { env, encoding: 'utf8' });
    const file = out.match(/backup written: (.+)$/m)?.[1];
    expect(file && fs.existsSync(file)).toBe(true);

    fs.rmSync(dbFile);
    openMigratedDb(dbFile).$client.close();
    expect(await siteNames(dbFile)).toEqual([]);
    execFileSync('npx', ['tsx', 'scripts/restore.ts', file!], { env, encoding: 'utf8' });
    expect(await siteNames(dbFile)).toEqual(['Kept']);
  });
});
