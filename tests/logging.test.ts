import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, cookieFrom, TEST_PASSWORD, type TestApp } from './helpers/app';

describe('request logs', () => {
  let t: TestApp;
  let lines: string[];
  beforeEach(async () => {
    lines = [];
    // Synchronous collection: every line pino wrote is here as soon as the request resolves.
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    t = await buildTestApp({ env: { LOG_LEVEL: 'info' }, logStream });
  });
  afterEach(() => t.close());

  const logText = () => lines.join('\n');

  it('name the method and path but never the session cookie, query tokens or passwords', async () => {
    const user = await t.createUser('coordinator');
    const login = await t.call(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = cookieFrom(login);
    const token = cookie.split('=')[1]!;

    const wrong = await t.call(null, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'wrong password 12345' },
    });
    expect(wrong.statusCode).toBe(401);
    expect((await t.call(cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect(
      (await t.call(cookie, { method: 'GET', url: '/api/sites?token=secret123&since=5' })).statusCode,
    ).toBe(200);
    await t.call(cookie, { method: 'POST', url: '/api/no-such-route?token=secret123', payload: {} });
    await t.call(null, { method: 'GET', url: '/setup?token=secret123' });

    const text = logText();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    expect(text).not.toContain(token);
    expect(text).not.toContain('secret123');
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain('wrong password 12345');

    const requests = lines
      .map((line) => JSON.parse(line) as { req?: { method: string; url: string } })
      .flatMap((entry) => (entry.req ? [entry.req] : []));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'POST', url: '/api/auth/login' }));
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', url: '/api/auth/me' }));
    expect(requests).toContainEqual(
      expect.objectContaining({ method: 'GET', url: '/api/sites?token=[redacted]&since=5' }),
    );
  });

  it('keep a signed-in user creating a user out of the logs with their password', async () => {
    const admin = await t.signIn('admin');
    const res = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        email: 'nurse@example.org',
        name: 'Nurse',
        password: 'a very secret passphrase',
        role: 'medical',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(logText()).toContain('/api/users');
    expect(logText()).not.toContain('a very secret passphrase');
    expect(logText()).not.toContain(admin.split('=')[1]!);
  });
});
