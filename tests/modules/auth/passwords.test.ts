import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { passwordProblem } from '../../../server/lib/password-policy';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../helpers/app';
import { auditRows } from '../../helpers/fixtures';

const NEXT = 'violet lantern over rivers';

describe('passwords', { timeout: 90_000 }, () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await buildTestApp();
    admin = await t.signIn('admin');
  });
  afterEach(() => t.close());

  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
    `bv_session=${res.cookies.find((c) => c.name === 'bv_session')!.value}`;
  const me = (cookie: string) => t.call(cookie, { method: 'GET', url: '/api/auth/me' });

  it('refuses short, common and email-like passwords for a new user, with the field named', async () => {
    const refused = [
      'eleven char',
      'password1234',
      'Monkey123456',
      'qwertyqwerty',
      '111111111111',
      'ana.lopez@example.org',
      'ana.lopez2026',
    ];
    for (const password of refused) {
      const res = await t.call(admin, {
        method: 'POST',
        url: '/api/users',
        payload: { email: 'ana.lopez@example.org', name: 'Ana', password, role: 'viewer' },
      });
      expect(res.statusCode, password).toBe(400);
      expect(
        res.json().error.details.map((d: { path: string }) => d.path),
        password,
      ).toEqual(['body.password']);
    }
    const ok = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { email: 'ana.lopez@example.org', name: 'Ana', password: NEXT, role: 'viewer' },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('lets you change your own password with the current one, ending every other session', async () => {
    const user = await t.createUser('coordinator', 'me@example.org');
    const first = cookieOf(await login(user.email, TEST_PASSWORD));
    const second = cookieOf(await login(user.email, TEST_PASSWORD));

    const wrong = await t.call(first, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { current: 'not my password', next: NEXT },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      { path: 'body.current', message: 'is not your current password' },
    ]);
    const weak = await t.call(first, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { current: TEST_PASSWORD, next: 'password1234' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('body.next');
    expect((await me(second)).statusCode).toBe(200);

    const changed = await t.call(first, {
      method: 'POST',
      url: '/api/auth/password',
      payload: { current: TEST_PASSWORD, next: NEXT },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    expect((await me(cookieOf(changed))).json().user.email).toBe(user.email);
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.email, NEXT)).statusCode).toBe(200);
    expect(auditRows(t, 'auth.password_changed').map((a) => a.entityId)).toEqual([user.id]);
  });

  it("lets an admin reset someone's password, which ends that person's sessions", async () => {
    const user = await t.createUser('viewer', 'them@example.org');
    const theirs = cookieOf(await login(user.email, TEST_PASSWORD));
    const reset = (cookie: string, next: string) =>
      t.call(cookie, { method: 'POST', url: `/api/users/${user.id}/password`, payload: { next } });

    expect((await reset(theirs, NEXT)).statusCode).toBe(403);
    expect((await reset(admin, 'them@example.org')).statusCode).toBe(400);
    expect((await me(theirs)).statusCode).toBe(200);

    expect((await reset(admin, NEXT)).statusCode).toBe(204);
    expect((await me(theirs)).statusCode).toBe(401);
    expect((await login(user.email, NEXT)).statusCode).toBe(200);
    expect(
      (await t.call(admin, { method: 'POST', url: '/api/users/999/password', payload: { next: NEXT } }))
        .statusCode,
    ).toBe(404);
    expect(auditRows(t, 'user.password_reset')).toHaveLength(1);
  });

  it('refuses a weak ADMIN_PASSWORD at start, naming the variable', () => {
    const result = loadConfig({ ADMIN_EMAIL: 'boss@example.org', ADMIN_PASSWORD: 'password123456' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/ADMIN_PASSWORD/);
  });

  it('judges by the words, not their case or separators', () => {
    expect(passwordProblem('Pass_Word-1234')).toMatch(/common/);
    expect(passwordProblem(TEST_PASSWORD)).toBeNull();
  });
});
