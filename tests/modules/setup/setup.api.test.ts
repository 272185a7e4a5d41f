import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../db/schema';
import { buildTestApp, cookieFrom, type TestApp } from '../../helpers/app';
import { auditRows } from '../../helpers/fixtures';

const ADMIN = { email: 'first@example.org', name: 'First Admin', password: 'a long enough secret' };

describe('first run', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  async function setupToken(): Promise<string> {
    const first = await t.app.services.setup.prepare();
    if (first.kind !== 'setup_link') throw new Error(`expected a setup link, got ${first.kind}`);
    return new URL(first.url).hash.replace(/^#token=/, '');
  }

  function complete(payload: Record<string, unknown>) {
    return t.call(null, { method: 'POST', url: '/api/setup', payload });
  }

  it('says setup is needed while there is no user', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/setup' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ needed: true });
  });

  it('makes a one-time link on the public URL with the token in the fragment', async () => {
    const first = await t.app.services.setup.prepare();
    expect(first.kind).toBe('setup_link');
    const url = new URL((first as { url: string }).url);
    expect(`${url.origin}${url.pathname}`).toBe(`${t.config.PUBLIC_URL}/setup`);
    // A fragment never reaches a server, so the token stays out of access logs and proxies.
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#token=[A-Za-z0-9_-]{24,}$/);
  });

  it('uses PUBLIC_URL for the link', async () => {
    const other = await buildTestApp({ env: { PUBLIC_URL: 'https://welcome.example.org/' } });
    try {
      const first = await other.app.services.setup.prepare();
      expect(first).toEqual({
        kind: 'setup_link',
        url: expect.stringMatching(/^https:\/\/welcome\.example\.org\/setup#token=[\w-]+$/),
      });
    } finally {
      await other.close();
    }
  });

  it('refuses a wrong token with 403 and creates nobody', async () => {
    await setupToken();
    const res = await complete({ ...ADMIN, token: 'not-the-token' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('invalid_setup_token');
    expect(t.db.select().from(users).all()).toHaveLength(0);
    expect((await t.call(null, { method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });
  });

  it('refuses any token before a link was made, and an old token once a new link replaced it', async () => {
    const early = await complete({ ...ADMIN, token: 'anything' });
    expect(early.statusCode).toBe(403);
    const old = await setupToken();
    await setupToken();
    const res = await complete({ ...ADMIN, token: old });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('invalid_setup_token');
    expect(t.db.select().from(users).all()).toHaveLength(0);
  });

  it('creates the first admin with the right token, signs them in, and then refuses to run again', async () => {
    const token = await setupToken();
    const res = await complete({ ...ADMIN, email: 'First@Example.org', token });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      user: { id: expect.any(Number), email: 'first@example.org', name: 'First Admin', role: 'admin' },
    });
    expect(res.body).not.toContain(ADMIN.password);

    const admin = cookieFrom(res);
    const me = await t.call(admin, { method: 'GET', url: '/api/auth/me' });
    expect(me.json().user).toMatchObject({ email: 'first@example.org', role: 'admin' });
    expect((await t.call(admin, { method: 'GET', url: '/api/users' })).statusCode).toBe(200);

    const created = auditRows(t, 'user.created');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actor: 'setup', userId: null, entityId: res.json().user.id });
    expect(JSON.stringify(created[0])).not.toContain(ADMIN.password);

    const again = await complete({ ...ADMIN, email: 'second@example.org', token });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_set_up');
    expect((await t.call(null, { method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });
    expect(t.db.select().from(users).all()).toHaveLength(1);
  });

  it('takes the first admin’s phone, in national form, so they are the lead volunteers can call', async () => {
    const res = await complete({ token: await setupToken(), ...ADMIN, phone: '(303) 555-0100' });
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const users = await t.call(cookie, { method: 'GET', url: '/api/users' });
    expect(users.json().items).toMatchObject([{ email: ADMIN.email, phone: '+13035550100' }]);
  });

  it('lets only one of two simultaneous setups through', async () => {
    const token = await setupToken();
    const results = await Promise.all([
      complete({ ...ADMIN, email: 'one@example.org', token }),
      complete({ ...ADMIN, email: 'two@example.org', token }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(201);
    expect([403, 409]).toContain(codes[1]);
    const all = t.db.select().from(users).all();
    expect(all).toHaveLength(1);
    expect(all[0]?.role).toBe('admin');
  });

  it.each([
    [{ email: ADMIN.email, name: ADMIN.name, password: 'short' }, 'body.password'],
    [{ email: 'not-an-email', name: ADMIN.name, password: ADMIN.password }, 'body.email'],
    [{ email: ADMIN.email, password: ADMIN.password }, 'body.name'],
  ])('refuses %j with 400 naming %s, and creates nobody', async (input, path) => {
    const token = await setupToken();
    const res = await complete({ ...input, token });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(t.db.select().from(users).all()).toHaveLength(0);
  });

  it('refuses a setup without a token with 400', async () => {
    await setupToken();
    const res = await complete({ ...ADMIN });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('body.token');
  });

  it('slows down guessing: after 20 tries from one address the next is refused with 429', async () => {
    const token = await setupToken();
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => complete({ ...ADMIN, token: `guess-${i}` })),
    );
    expect(guesses.map((r) => r.statusCode)).toEqual(Array(20).fill(403));
    const next = await complete({ ...ADMIN, token });
    expect(next.statusCode).toBe(429);
    expect(next.json().error.code).toBe('rate_limited');
    expect(t.db.select().from(users).all()).toHaveLength(0);
  });

  it('makes no link once a user exists', async () => {
    await t.createUser('viewer');
    expect(await t.app.services.setup.prepare()).toEqual({ kind: 'has_users' });
    const res = await complete({ ...ADMIN, token: 'whatever' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('already_set_up');
  });
});

describe('first admin from the environment', () => {
  it('creates ADMIN_EMAIL with ADMIN_PASSWORD, who can sign in, and makes no link', async () => {
    const t = await buildTestApp({
      env: { ADMIN_EMAIL: 'Chief@Example.org', ADMIN_PASSWORD: 'from the environment' },
    });
    try {
      const first = await t.app.services.setup.prepare();
      expect(first.kind).toBe('admin_from_env');
      expect(first).not.toHaveProperty('url');
      expect((await t.call(null, { method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });

      const res = await t.call(null, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'chief@example.org', password: 'from the environment' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toMatchObject({ email: 'chief@example.org', role: 'admin' });

      // A restart with the same environment must not add a second admin.
      expect(await t.app.services.setup.prepare()).toEqual({ kind: 'has_users' });
      expect(t.db.select().from(users).all()).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
