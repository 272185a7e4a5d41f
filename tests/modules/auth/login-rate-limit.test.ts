import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_PASSWORD, type TestApp } from '../../helpers/app';

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

  it('locks one account after 10 failures, even for the right password, and leaves other accounts alone', {
    timeout: 60_000,
  }, async () => {
    const target = await t.createUser('coordinator', 'target@example.org');
    const other = await t.createUser('viewer', 'other@example.org');

    // A distributed guess: every failure from its own address, in case and spacing variants of one email.
    const variants = ['target@example.org', 'TARGET@example.org', '  Target@Example.org '];
    const failures = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(variants[i % variants.length]!, WRONG, `192.0.2.${i + 1}`)),
    );
    expect(failures.map((r) => r.statusCode)).toEqual(Array(10).fill(401));

    expectRateLimited(await login(target.email, TEST_PASSWORD, '192.0.2.50'));

    const elsewhere = await login(other.email, TEST_PASSWORD, '192.0.2.50');
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json().user.email).toBe(other.email);
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
