import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMigratedDb } from '../db/client';
import { FakeClock, HOUR } from '../server/lib/clock';
import { buildTestApp, cookieFrom, TEST_PASSWORD } from './helpers/app';

describe('a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-restart-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps sessions, records and idempotent answers', async () => {
    const file = path.join(dir, 'bienvenida.db');
    const clock = new FakeClock('2026-03-02T15:00:00Z');

    const firstDb = openMigratedDb(file);
    const first = await buildTestApp({ db: firstDb, clock });
    const user = await first.createUser('coordinator');
    const login = await first.call(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = cookieFrom(login);
    const created = await first.call(cookie, {
      method: 'POST',
      url: '/api/sites',
      headers: { 'idempotency-key': 'before-restart' },
      payload: { name: 'Greyhound', kind: 'bus_station', smsKeyword: 'GREY' },
    });
    expect(created.statusCode).toBe(201);
    await first.close();
    firstDb.$client.close();

    clock.advance(HOUR);
    const secondDb = openMigratedDb(file);
    const second = await buildTestApp({ db: secondDb, clock });
    try {
      const me = await second.call(cookie, { method: 'GET', url: '/api/auth/me' });
      expect(me.statusCode).toBe(200);
      expect(me.json().user).toMatchObject({ id: user.id, email: user.email, role: 'coordinator' });

      const list = await second.call(cookie, { method: 'GET', url: '/api/sites' });
      expect(list.json().items).toEqual([created.json()]);

      const retried = await second.call(cookie, {
        method: 'POST',
        url: '/api/sites',
        headers: { 'idempotency-key': 'before-restart' },
        payload: { name: 'Greyhound', kind: 'bus_station', smsKeyword: 'GREY' },
      });
      expect(retried.statusCode).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.json()).toEqual(created.json());
    } finally {
      await second.close();
      secondDb.$client.close();
    }
  });

  it('does not revive a session that signed out before it', async () => {
    const file = path.join(dir, 'bienvenida.db');
    const clock = new FakeClock('2026-03-02T15:00:00Z');

    const firstDb = openMigratedDb(file);
    const first = await buildTestApp({ db: firstDb, clock });
    const cookie = await first.signIn('viewer');
    const out = await first.call(cookie, {
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'content-type': 'application/json' },
    });
    expect(out.statusCode).toBe(204);
    await first.close();
    firstDb.$client.close();

    const secondDb = openMigratedDb(file);
    const second = await buildTestApp({ db: secondDb, clock });
    try {
      expect((await second.call(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    } finally {
      await second.close();
      secondDb.$client.close();
    }
  });
});
