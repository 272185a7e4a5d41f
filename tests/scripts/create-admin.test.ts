import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMigratedDb } from '../../db/client';
import { buildTestApp } from '../helpers/app';

describe('npm run create-admin', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-admin-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates an admin who can sign in, and refuses a short password', { timeout: 90_000 }, async () => {
    const env = { ...process.env, DATA_DIR: dir, ADMIN_PASSWORD: 'a long enough secret' };
    const out = execFileSync('npx', ['tsx', 'scripts/create-admin.ts', 'Ana@Example.org', 'Ana Ruiz'], {
      env,
      encoding: 'utf8',
    });
    expect(out).toContain('admin created: ana@example.org');

    const short = spawnSync('npx', ['tsx', 'scripts/create-admin.ts', 'b@example.org', 'B'], {
      env: { ...env, ADMIN_PASSWORD: 'short' },
      encoding: 'utf8',
    });
    expect(short.status).not.toBe(0);
    expect(short.stderr).toMatch(/password/);

    const db = openMigratedDb(path.join(dir, 'bienvenida.db'));
    const t = await buildTestApp({ db });
    const res = await t.call(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'ana@example.org', password: 'a long enough secret' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'admin', name: 'Ana Ruiz' });
    expect(t.app.services.users.list()).toHaveLength(1);
    await t.close();
    db.$client.close();
  });
});
