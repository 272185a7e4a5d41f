import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessions, users } from '../../../db/schema';
import { DAY, HOUR, MINUTE } from '../../../server/lib/clock';
import { buildTestApp, cookieFrom, TEST_PASSWORD, type TestApp } from '../../helpers/app';
import { auditRows } from '../../helpers/fixtures';
import { connectLive, type LiveClient } from '../../helpers/ws';

const ME = { method: 'GET', url: '/api/auth/me' } as const;

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  function login(email: string, password: string) {
    return t.call(null, { method: 'POST', url: '/api/auth/login', payload: { email, password } });
  }

  async function closeCode(live: LiveClient): Promise<number | 'still open'> {
    let timer: NodeJS.Timeout | undefined;
    const wait = new Promise<'still open'>((resolve) => {
      timer = setTimeout(() => resolve('still open'), 2000);
    });
    const result = await Promise.race([live.closed.then((c) => c.code), wait]);
    clearTimeout(timer);
    if (result === 'still open') live.socket.terminate();
    return result;
  }

  async function status(cookie: string | null) {
    return (await t.call(cookie, ME)).statusCode;
  }

  it('signs in with the right password, answers the user and sets an HttpOnly, SameSite=Lax cookie', async () => {
    const user = await t.createUser('coordinator', 'ana@example.org');
    // People type their address with capitals and stray spaces; it is still their account.
    const res = await login('  Ana@Example.ORG ', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      user: { id: user.id, email: 'ana@example.org', name: expect.any(String), role: 'coordinator' },
    });

    const cookie = res.cookies.find((c) => c.name === 'bv_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 14 * 24 * 3600 });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value.length).toBeGreaterThanOrEqual(22);

    const me = await t.call(cookieFrom(res), ME);
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: user.id, email: 'ana@example.org', role: 'coordinator' });
  });

  it('marks the cookie Secure when the public URL is https', async () => {
    const secure = await buildTestApp({ env: { PUBLIC_URL: 'https://bienvenida.example.org' } });
    try {
      const user = await secure.createUser('viewer');
      const res = await secure.call(null, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'bv_session')).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
      });
    } finally {
      await secure.close();
    }
  });

  it('answers a wrong password and an unknown email alike, and audits both', async () => {
    const user = await t.createUser('admin', 'boss@example.org');
    const wrong = await login(user.email, 'not the password');
    const unknown = await login('nobody@example.org', TEST_PASSWORD);

    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
      expect(res.cookies).toHaveLength(0);
    }
    expect(wrong.body).toBe(unknown.body);

    const failed = auditRows(t, 'auth.login_failed');
    expect(failed).toHaveLength(2);
    // The victim of a guess is the record concerned, never the one who acted.
    expect(failed.map((a) => [a.entity, a.entityId, a.userId])).toEqual([
      ['user', user.id, null],
      ['user', null, null],
    ]);
    expect(JSON.stringify(failed)).not.toContain('not the password');
  });

  it('refuses /api/auth/me without a session, or with a cookie it never issued', async () => {
    for (const cookie of [null, 'bv_session=', 'bv_session=forged-token-value']) {
      const res = await t.call(cookie, ME);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('issues a new token at every sign-in, keeps both valid, and stores only their hashes', async () => {
    const user = await t.createUser('medical');
    const first = await login(user.email, TEST_PASSWORD);
    const second = await login(user.email, TEST_PASSWORD);
    const a = cookieFrom(first);
    const b = cookieFrom(second);
    expect(a).not.toBe(b);
    expect(await status(a)).toBe(200);
    expect(await status(b)).toBe(200);

    const rows = t.db.select().from(sessions).where(eq(sessions.userId, user.id)).all();
    expect(rows).toHaveLength(2);
    const stored = JSON.stringify(rows);
    for (const cookie of [a, b]) {
      const token = cookie.slice('bv_session='.length);
      expect(stored).not.toContain(token);
      expect(rows.map((r) => r.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'));
    }
  });

  it('signs out one session: that cookie stops working, the same user’s other session keeps working', async () => {
    const one = await t.session('viewer');
    const otherToken = t.app.auth.openSession({ ...one.user, name: 'viewer' }, '127.0.0.1');
    const other = `bv_session=${otherToken}`;

    const res = await t.call(one.cookie, { method: 'POST', url: '/api/auth/logout', payload: {} });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'bv_session');
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime() ?? 0).toBeLessThanOrEqual(Date.now());

    const after = await t.call(one.cookie, ME);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
    expect(await status(other)).toBe(200);

    const again = await t.call(one.cookie, { method: 'POST', url: '/api/auth/logout', payload: {} });
    expect(again.statusCode).toBe(401);
    expect(auditRows(t, 'auth.logout')).toHaveLength(1);
  });

  it('closes the live feed of the session that signs out, and only that one', async () => {
    const one = await t.session('viewer');
    const otherToken = t.app.auth.openSession({ ...one.user, name: 'viewer' }, '127.0.0.1');
    const mine = await connectLive(t.app, { cookie: one.cookie });
    const theirs = await connectLive(t.app, { cookie: `bv_session=${otherToken}` });

    await t.call(one.cookie, { method: 'POST', url: '/api/auth/logout', payload: {} });
    expect(await closeCode(mine)).toBe(4001);
    expect(theirs.socket.readyState).toBe(theirs.socket.OPEN);
    theirs.socket.terminate();
  });

  it('accepts a sign-out sent as JSON with no body', async () => {
    const { cookie } = await t.session('coordinator');
    const res = await t.call(cookie, {
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(204);
    expect(await status(cookie)).toBe(401);
  });

  it('ends a session left unused for longer than SESSION_IDLE_HOURS (12 h by default)', async () => {
    const { cookie } = await t.session('coordinator');
    t.clock.advance(12 * HOUR + MINUTE);
    expect(await status(cookie)).toBe(401);
  });

  it('keeps a session alive while it is used within the idle window', async () => {
    const { cookie } = await t.session('coordinator');
    for (let i = 0; i < 3; i++) {
      t.clock.advance(11 * HOUR);
      expect(await status(cookie)).toBe(200);
    }
    t.clock.advance(12 * HOUR + MINUTE);
    expect(await status(cookie)).toBe(401);
  });

  it('honours SESSION_IDLE_HOURS from the environment', async () => {
    const short = await buildTestApp({ env: { SESSION_IDLE_HOURS: '1' } });
    try {
      const cookie = await short.signIn('viewer');
      short.clock.advance(50 * MINUTE);
      expect((await short.call(cookie, ME)).statusCode).toBe(200);
      short.clock.advance(61 * MINUTE);
      expect((await short.call(cookie, ME)).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('ends even a busy session once SESSION_MAX_DAYS (14 by default) have passed since sign-in', async () => {
    const { cookie } = await t.session('coordinator');
    const started = t.clock.now().getTime();
    const answers: Array<[number, number]> = [];
    while (t.clock.now().getTime() - started < 15 * DAY) {
      t.clock.advance(11 * HOUR);
      answers.push([t.clock.now().getTime() - started, await status(cookie)]);
    }
    for (const [elapsed, code] of answers)
      expect([elapsed, code]).toEqual([elapsed, elapsed < 14 * DAY ? 200 : 401]);
    expect(answers.filter(([, code]) => code === 200).length).toBeGreaterThan(25);
  });

  it('refuses a disabled user: open sessions stop working and the right password no longer signs in', async () => {
    const { user, cookie } = await t.session('coordinator');
    expect(await status(cookie)).toBe(200);
    t.db.update(users).set({ disabledAt: t.clock.now() }).where(eq(users.id, user.id)).run();

    const res = await t.call(cookie, ME);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');

    const again = await login(user.email, TEST_PASSWORD);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('invalid_credentials');
    expect(again.cookies).toHaveLength(0);
  });

  it('closes a disabled user’s live feed at the next heartbeat', async () => {
    const { user, cookie } = await t.session('coordinator');
    const live = await connectLive(t.app, { cookie });
    t.db.update(users).set({ disabledAt: t.clock.now() }).where(eq(users.id, user.id)).run();

    t.app.hub.beat((id) => t.app.auth.isSessionLive(id));
    expect(await closeCode(live)).toBe(4001);
  });

  it.each([
    [{ password: TEST_PASSWORD }, ['body.email']],
    [{ email: 'a@example.org' }, ['body.password']],
    [{ email: 42, password: true }, ['body.email', 'body.password']],
    [{ email: 'a@example.org', password: '' }, ['body.password']],
    [{ email: ['a@example.org'], password: { $ne: null } }, ['body.email', 'body.password']],
  ])('refuses the login body %j with 400 naming %j', async (payload, paths) => {
    const res = await t.call(null, { method: 'POST', url: '/api/auth/login', payload });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(paths));
    expect(t.db.select().from(sessions).all()).toHaveLength(0);
  });

  it('refuses a login body that is not JSON with 400', async () => {
    const res = await t.call(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
  });
});
