import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { users } from '../../../db/schema';
import { buildTestApp, cookieFrom, type TestApp } from '../../helpers/app';
import { addSite, auditRows, eventRows, signedInUser } from '../../helpers/fixtures';
import { connectLive } from '../../helpers/ws';

const NEW_USER = {
  email: 'Rosa@Example.org',
  name: 'Rosa Díaz',
  password: 'rosa lantern 42',
  role: 'coordinator',
};

describe('users API', () => {
  let t: TestApp;
  let admin: string;
  beforeEach(async () => {
    t = await buildTestApp();
    admin = await t.signIn('admin');
  });
  afterEach(() => t.close());

  function create(cookie: string | null, payload: Record<string, unknown>) {
    return t.call(cookie, { method: 'POST', url: '/api/users', payload });
  }

  it('lets an admin add a user who can then sign in, and never answers a password or hash', async () => {
    const res = await create(admin, NEW_USER);
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toEqual({
      id: expect.any(Number),
      email: 'rosa@example.org',
      name: 'Rosa Díaz',
      role: 'coordinator',
      phone: null,
      smsLanguage: 'en',
      alerts: [],
      disabled: false,
      createdAt: '2026-03-02T08:00:00-07:00',
    });
    expect(res.body).not.toContain(NEW_USER.password);
    expect(res.body).not.toMatch(/hash|scrypt/i);

    const list = await t.call(admin, { method: 'GET', url: '/api/users' });
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items.map((u: { email: string }) => u.email)).toContain('rosa@example.org');
    expect(items).toHaveLength(2);
    expect(list.body).not.toMatch(/password|hash|scrypt/i);

    const login = await t.call(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'rosa@example.org', password: NEW_USER.password },
    });
    expect(login.statusCode).toBe(200);
    expect((await t.call(cookieFrom(login), { method: 'GET', url: '/api/auth/me' })).json().user.id).toBe(
      user.id,
    );
  });

  it('writes one audit line for the new user, naming the admin and holding no password', async () => {
    const adminId = (await signedInUser(t, admin)).id;
    const res = await create(admin, NEW_USER);
    const lines = auditRows(t, 'user.created').filter((a) => a.entityId === res.json().id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      entity: 'user',
      userId: adminId,
      changes: { email: 'rosa@example.org', name: 'Rosa Díaz', role: 'coordinator' },
    });
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain(NEW_USER.password);
    expect(text).not.toMatch(/scrypt|password/i);
  });

  it('refuses an email already used, whatever its case, with 409 duplicate_email', async () => {
    expect((await create(admin, NEW_USER)).statusCode).toBe(201);
    const again = await create(admin, { ...NEW_USER, email: 'ROSA@example.ORG', name: 'Other' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('duplicate_email');
    expect(
      t.db
        .select()
        .from(users)
        .all()
        .filter((u) => u.email === 'rosa@example.org'),
    ).toHaveLength(1);
  });

  it.each([
    [{ ...NEW_USER, password: 'nine char' }, 'body.password'],
    [{ ...NEW_USER, role: 'superuser' }, 'body.role'],
    [{ ...NEW_USER, email: 'rosa' }, 'body.email'],
    [{ ...NEW_USER, name: '   ' }, 'body.name'],
    [{ email: NEW_USER.email, name: NEW_USER.name, role: 'viewer' }, 'body.password'],
    [{ ...NEW_USER, password: 12345678901 }, 'body.password'],
  ])('refuses %j with 400 naming %s, and adds nobody', async (payload, path) => {
    const before = t.db.select().from(users).all().length;
    const res = await create(admin, payload);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(t.db.select().from(users).all()).toHaveLength(before);
  });

  it.each(['coordinator', 'medical', 'viewer'] as const)('refuses a %s with 403', async (role) => {
    const cookie = await t.signIn(role);
    const before = t.db.select().from(users).all().length;
    for (const res of [
      await create(cookie, NEW_USER),
      await t.call(cookie, { method: 'GET', url: '/api/users' }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(t.db.select().from(users).all()).toHaveLength(before);
  });

  it('refuses anyone signed out with 401', async () => {
    const res = await create(null, NEW_USER);
    expect(res.statusCode).toBe(401);
    expect((await t.call(null, { method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('tells only admins about a new user on the live feed', async () => {
    const coordinator = await t.signIn('coordinator');
    const res = await create(admin, NEW_USER);
    const id = res.json().id;

    const row = eventRows(t, 'user.created').find((e) => e.data.id === id);
    expect(row?.roles).toBe('admin');
    expect(JSON.stringify(row?.data)).not.toContain(NEW_USER.email.toLowerCase());

    // Replaying the feed from the start: the admin sees the event; the coordinator reaches a later,
    // public event without ever having been shown it.
    await addSite(t, admin, { name: 'Depot', kind: 'other' });
    const seenByAdmin = await replayUntil(admin, 'site.created');
    const seenByCoordinator = await replayUntil(coordinator, 'site.created');
    expect(seenByAdmin).toContain('user.created');
    expect(seenByCoordinator).not.toContain('user.created');
    expect(seenByCoordinator).toContain('site.created');
  });

  /** The event types a fresh feed replays from the start, up to the first `last`. */
  async function replayUntil(cookie: string, last: string): Promise<string[]> {
    const live = await connectLive(t.app, { cookie, since: 0 });
    const types = () => live.received.map((e) => e.type);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), 2000);
    });
    try {
      while (!types().includes(last)) {
        const next = await Promise.race([live.waitFor(live.received.length + 1), timedOut]);
        if (next === 'timeout') throw new Error(`no ${last} event; saw ${types().join(', ')}`);
      }
      return types();
    } finally {
      clearTimeout(timer);
      live.socket.terminate();
    }
  }
});
