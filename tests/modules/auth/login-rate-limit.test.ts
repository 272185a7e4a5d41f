import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashLoad, MAX_CONCURRENT_HASHES } from '../../../server/lib/passwords';
import { LOGIN_LIMITS, LOGIN_WINDOW, LoginThrottle } from '../../../server/modules/auth/auth.throttle';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../helpers/app';
import { auditRows, outbound } from '../../helpers/fixtures';

const WRONG = 'not the password';

describe('login rate limiting', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  function login(email: string, password: string, remoteAddress = '203.0.113.7') {
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress,
    });
  }

  function expectRateLimited(res: LightMyRequestResponse) {
    expect(res.statusCode).toBe(429);
    const body = res.json();
    expect(body).toEqual({
      error: { code: 'rate_limited', message: expect.any(String), details: [] },
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.cookies.find((c) => c.name === 'bv_session')).toBeUndefined();
  }

  it('keeps a stranger guessing from elsewhere from locking the real user out', {
    timeout: 60_000,
  }, async () => {
    const target = await t.createUser('coordinator', 'target@example.org');
    expect((await login(target.email, TEST_PASSWORD, '198.51.100.1')).statusCode).toBe(200);

    const guesses = await Promise.all(
      Array.from({ length: 10 }, () => login(target.email, WRONG, '203.0.113.66')),
    );
    expect(guesses.map((r) => r.statusCode)).toEqual(Array(10).fill(401));
    // The guesser's own address is throttled for that account, even with the right password …
    expectRateLimited(await login(target.email, TEST_PASSWORD, '203.0.113.66'));
    // … and the real user, from their own device, still gets in.
    const real = await login(target.email, TEST_PASSWORD, '198.51.100.1');
    expect(real.statusCode).toBe(200);
    // So does a first-time address: ten guesses from one place do not lock the account.
    expect((await login(target.email, TEST_PASSWORD, '198.51.100.2')).statusCode).toBe(200);
  });

  it('counts concurrent guesses at once: exactly 10 of 20 simultaneous ones are checked', {
    timeout: 60_000,
  }, async () => {
    const target = await t.createUser('coordinator', 'target@example.org');
    const all = await Promise.all(
      Array.from({ length: 20 }, () => login(target.email, WRONG, '203.0.113.67')),
    );
    const codes = all.map((r) => r.statusCode).sort();
    expect(codes).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
    expect(auditRows(t, 'auth.login_failed')).toHaveLength(10);
  });

  it('tells the account holder and the admins about a burst, once', { timeout: 60_000 }, async () => {
    const admin = await t.session('admin');
    const target = await t.createUser('coordinator', 'target@example.org');
    for (const [id, phone] of [
      [admin.user.id, '+13035550101'],
      [target.id, '+13035550102'],
    ] as const) {
      const res = await t.call(admin.cookie, {
        method: 'PATCH',
        url: `/api/users/${id}`,
        payload: { phone },
      });
      expect(res.statusCode).toBe(200);
    }
    await Promise.all(Array.from({ length: 10 }, (_, i) => login(target.email, WRONG, `192.0.2.${i + 1}`)));
    await login(target.email, WRONG, '192.0.2.99');
    const told = outbound(t).filter((m) => m.relatedType === 'user');
    expect(told.map((m) => m.phone).sort()).toEqual(['+13035550101', '+13035550102']);
    expect(told[0]!.body).toMatch(/^Bienvenida: 10 failed sign-ins to the account of /);
    expect(auditRows(t, 'auth.login_burst').map((a) => a.entityId)).toEqual([target.id]);
  });

  it('spares known addresses from the account-wide limit, and holds unknown ones to it', () => {
    const throttle = new LoginThrottle();
    const now = Date.parse('2026-03-02T15:00:00Z');
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i += 1) {
      const a = throttle.begin('x@example.org', `10.0.${i >> 8}.${i & 255}`, now, false);
      if ('retryAfter' in a) throw new Error(`refused at ${i}`);
      throttle.failed(a, now);
    }
    expect(throttle.begin('x@example.org', '10.9.9.9', now, false)).toMatchObject({ retryAfter: 900 });
    expect(throttle.begin('x@example.org', '10.9.9.9', now, true)).not.toHaveProperty('retryAfter');
    expect(throttle.begin('x@example.org', '10.9.9.9', now + LOGIN_WINDOW, false)).not.toHaveProperty(
      'retryAfter',
    );
  });

  it('runs at most two password hashes at once, however many sign in', { timeout: 60_000 }, async () => {
    let most = 0;
    const sample = setInterval(() => {
      most = Math.max(most, hashLoad().running);
    }, 1);
    try {
      const all = await Promise.all(
        Array.from({ length: 12 }, (_, i) => login(`someone${i}@example.org`, WRONG, `192.0.2.${i + 1}`)),
      );
      expect(all.map((r) => r.statusCode)).toEqual(Array(12).fill(401));
    } finally {
      clearInterval(sample);
    }
    expect(most).toBe(MAX_CONCURRENT_HASHES);
  });

  it('limits one address to 30 attempts across accounts, and leaves other addresses alone', {
    timeout: 60_000,
  }, async () => {
    const user = await t.createUser('coordinator', 'real@example.org');
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(`guess${i}@example.org`, WRONG, '198.51.100.9')),
    );
    expect(attempts.map((r) => r.statusCode)).toEqual(Array(30).fill(401));

    expectRateLimited(await login(user.email, TEST_PASSWORD, '198.51.100.9'));

    const fromElsewhere = await login(user.email, TEST_PASSWORD, '198.51.100.10');
    expect(fromElsewhere.statusCode).toBe(200);
  });
});
