import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openMigratedDb } from '../../db/client';
import { sites } from '../../db/schema';
import { buildApp } from '../../server/app';
import { configFrom } from '../../server/config';
import { FakeClock } from '../../server/lib/clock';
import { consoleGateway } from '../../server/modules/sms/sms.gateway';
import { buildTestApp, type TestApp } from '../helpers/app';

/** API.md: every failure answers exactly { error: { code, message, details } }. */
function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(Array.isArray(body.error.details)).toBe(true);
  return body.error as { code: string; message: string; details: { path: string; message: string }[] };
}

describe('error answers', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('answers a body that is not JSON with 400 validation naming the body', async () => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sites',
      payload: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    const error = expectError(res, 400, 'validation');
    expect(error.details.map((d) => d.path)).toEqual(['body']);
    expect(t.db.select().from(sites).all()).toHaveLength(0);
  });

  it('answers a body over 1 MiB with 413 payload_too_large, and creates nothing', async () => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sites',
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024), kind: 'other' }),
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 413, 'payload_too_large');
    expect(t.db.select().from(sites).all()).toHaveLength(0);
  });

  it.each(['GET', 'POST', 'DELETE'] as const)(
    'answers %s on an unknown /api route with 404 not_found JSON',
    async (method) => {
      const res = await t.call(coordinator, {
        method,
        url: '/api/no-such-thing?x=1',
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      const error = expectError(res, 404, 'not_found');
      expect(error.message).toContain('/api/no-such-thing');
    },
  );

  it('answers without a session with 401 unauthenticated, and a role that may not with 403 forbidden', async () => {
    expectError(await t.call(null, { method: 'GET', url: '/api/sites' }), 401, 'unauthenticated');
    const viewer = await t.signIn('viewer');
    expectError(
      await t.call(viewer, { method: 'POST', url: '/api/sites', payload: { name: 'A', kind: 'other' } }),
      403,
      'forbidden',
    );
  });

  it('names querystring.limit for a wrong type in the query', async () => {
    const admin = await t.signIn('admin');
    const res = await t.call(admin, { method: 'GET', url: '/api/audit?limit=abc' });
    const error = expectError(res, 400, 'validation');
    expect(error.details.map((d) => d.path)).toEqual(['querystring.limit']);
    expect(error.message).toContain('querystring.limit');
  });

  it('names each bad body field with its path', async () => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sites',
      payload: { name: 7, kind: 'castle' },
    });
    const error = expectError(res, 400, 'validation');
    expect(error.details.map((d) => d.path).sort()).toEqual(['body.kind', 'body.name']);
  });
});

describe('unexpected failures', () => {
  let app: FastifyInstance;
  const secret = 'db password is hunter2 at /srv/secret/path';

  beforeEach(async () => {
    const db = openMigratedDb(':memory:');
    app = await buildApp({
      db,
      clock: new FakeClock('2026-03-02T15:00:00Z'),
      config: configFrom({ LOG_LEVEL: 'silent', NETWORK_TZ: 'America/Denver', DATA_DIR: '/tmp/bv-unused' }),
      sms: consoleGateway(),
    });
    app.addHook('onClose', async () => db.$client.close());
    app.get('/api/test/throws', { config: { access: 'public' } }, async () => {
      throw new Error(secret);
    });
    app.get('/api/test/throws-string', { config: { access: 'public' } }, async () => {
      throw secret;
    });
    app.get(
      '/api/test/bad-response',
      { config: { access: 'public' }, schema: { response: { 200: z.object({ id: z.number() }) } } },
      async () => ({ id: secret }) as unknown as { id: number },
    );
    await app.ready();
  });
  afterEach(() => app.close());

  it.each(['/api/test/throws', '/api/test/throws-string', '/api/test/bad-response'])(
    'answers %s with 500 internal, holding neither the message nor a stack',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      const error = expectError(res, 500, 'internal');
      expect(error.details).toEqual([]);
      expect(res.body).not.toContain('hunter2');
      expect(res.body).not.toMatch(/\bat .+:\d+:\d+/);
      expect(res.body).not.toContain('.ts');
    },
  );
});
