import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sites } from '../../db/schema';
import { buildTestApp, type TestApp } from '../helpers/app';
import { addSite, addVolunteer } from '../helpers/fixtures';

const ERROR_SHAPE = {
  error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) },
};

describe('input ranges on every route', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const get = (url: string) => t.call(coordinator, { method: 'GET', url });

  it('answers ids written only as plain decimals', async () => {
    const v = await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '+13035550142' });
    expect(v.id).toBe(1);
    expect((await get('/api/volunteers/1')).statusCode).toBe(200);
    for (const id of ['0x1', '1e0', '+1', '01', '%201', '1.0', '0', '99999999999999999999']) {
      const res = await get(`/api/volunteers/${id}`);
      expect(res.statusCode, id).toBe(400);
      expect(res.json().error.details, id).toEqual([
        { path: 'params.id', message: 'must be a positive whole number such as 42' },
      ]);
    }
    expect((await get('/api/sms/messages?before=0x10')).statusCode).toBe(400);
  });

  it('refuses dates outside sane years, in bodies and queries', async () => {
    const site = await addSite(t, coordinator, { name: 'Greyhound' });
    for (const releasedAt of [
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:00-07:00',
      '+012026-03-02T08:00:00Z',
    ]) {
      const res = await t.call(coordinator, {
        method: 'POST',
        url: '/api/releases',
        payload: { siteId: site.id, releasedAt, adults: 1, children: 0 },
      });
      expect(res.statusCode, releasedAt).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.releasedAt']);
    }
    expect((await get('/api/shifts?from=0001-01-01')).statusCode).toBe(400);
    expect((await get('/api/reports/releases?from=2026-03-01&to=9999-01-01')).statusCode).toBe(400);
    expect((await get('/api/shifts?from=2026-03-01')).statusCode).toBe(200);
  });

  it('refuses NUL, control and bidirectional override characters in names, changing nothing', async () => {
    const before = t.db.select().from(sites).all().length;
    for (const name of ['Grey\u0000hound', 'Grey\u001bhound', 'invoice\u202Etxt.exe', 'a\u2066b\u2069']) {
      const res = await t.call(coordinator, {
        method: 'POST',
        url: '/api/sites',
        payload: { name, kind: 'other' },
      });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.json().error.details[0].path).toBe('body.name');
    }
    expect(t.db.select().from(sites).all()).toHaveLength(before);
    // Right-to-left text with its marks, and line breaks in notes, stay welcome.
    const arabic = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sites',
      payload: { name: 'محطة\u200F الحافلات', kind: 'other' },
    });
    expect(arabic.statusCode).toBe(201);
  });

  it('answers a URL that does not decode in the documented shape', async () => {
    const res = await get('/api/volunteers/%E0%A4%A');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(ERROR_SHAPE);
  });

  it('answers headers that are too large in the documented shape', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as net.AddressInfo;
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (d) => {
        text += d.toString();
      });
      socket.on('close', () => resolve(text));
      socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'headers_too_large', message: expect.any(String), details: [] },
    });
  });
});
