import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Role, sites } from '../db/schema';
import { HOUR } from '../server/lib/clock';
import { authPlugin } from '../server/plugins/auth';
import { buildTestApp, type TestApp } from './helpers/app';

const ROLES: readonly Role[] = ['admin', 'coordinator', 'medical', 'viewer'];
const ANY: readonly Role[] = ROLES;
const OPERATORS: readonly Role[] = ['admin', 'coordinator'];
const ADMINS: readonly Role[] = ['admin'];
const MEDICAL_STAFF: readonly Role[] = ['admin', 'coordinator', 'medical'];

interface RouteCase {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: Record<string, unknown>;
  access: 'public' | readonly Role[];
}

/**
 * Who may call what. Public POSTs get a body that fails validation: a 400 proves the request passed the
 * access check without paying for a password hash or needing the one-time setup token.
 */
const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/healthz', access: 'public' },
  { method: 'POST', url: '/api/auth/login', payload: {}, access: 'public' },
  { method: 'POST', url: '/api/auth/logout', payload: {}, access: ANY },
  { method: 'GET', url: '/api/auth/me', access: ANY },
  { method: 'POST', url: '/api/auth/password', payload: {}, access: ANY },
  { method: 'POST', url: '/api/users/1/password', payload: {}, access: ADMINS },
  { method: 'GET', url: '/api/setup', access: 'public' },
  { method: 'POST', url: '/api/setup', payload: {}, access: 'public' },
  {
    method: 'POST',
    url: '/api/users',
    payload: {
      email: 'new.person@example.org',
      name: 'New Person',
      password: 'long enough pw',
      role: 'viewer',
    },
    access: ADMINS,
  },
  { method: 'GET', url: '/api/users', access: ADMINS },
  { method: 'POST', url: '/api/sites', payload: { name: 'Depot', kind: 'warehouse' }, access: OPERATORS },
  { method: 'GET', url: '/api/sites', access: ANY },
  { method: 'GET', url: '/api/audit', access: ADMINS },
  { method: 'GET', url: '/ws', access: ANY },
  { method: 'GET', url: '/api/sms/messages', access: ANY },
  {
    method: 'POST',
    url: '/api/sms/messages',
    payload: { to: '+13035550142', body: 'Hola' },
    access: OPERATORS,
  },
  { method: 'POST', url: '/api/sms/messages/1/resend', payload: {}, access: OPERATORS },
  { method: 'GET', url: '/api/sms/opt-outs', access: OPERATORS },
  {
    method: 'POST',
    url: '/api/sms/simulate',
    payload: { from: '+13035550142', body: 'HELP' },
    access: OPERATORS,
  },
  { method: 'POST', url: '/api/sms/broadcast', payload: { body: 'Meeting at 6' }, access: OPERATORS },
  {
    method: 'POST',
    url: '/api/volunteers',
    payload: { name: 'Ana', phone: '+13035550142' },
    access: OPERATORS,
  },
  { method: 'GET', url: '/api/volunteers', access: ANY },
  { method: 'GET', url: '/api/volunteers/counts', access: ANY },
  { method: 'GET', url: '/api/volunteers/1', access: ANY },
  { method: 'PATCH', url: '/api/volunteers/1', payload: { active: false }, access: OPERATORS },
  { method: 'POST', url: '/api/volunteers/import', payload: {}, access: OPERATORS },
  {
    method: 'POST',
    url: '/api/volunteers/1/screenings',
    payload: { symptoms: false },
    access: MEDICAL_STAFF,
  },
  {
    method: 'POST',
    url: '/api/shifts',
    payload: { siteId: 1, startsAt: '2026-03-06T18:00', endsAt: '2026-03-06T22:00', needed: 2 },
    access: OPERATORS,
  },
  { method: 'GET', url: '/api/shifts', access: ANY },
  { method: 'GET', url: '/api/shifts/coverage', access: ANY },
  { method: 'POST', url: '/api/shifts/1/signups', payload: { volunteerId: 1 }, access: OPERATORS },
  { method: 'DELETE', url: '/api/shifts/1/signups/1', access: OPERATORS },
  {
    method: 'POST',
    url: '/api/shifts/templates',
    payload: { siteId: 1, weekday: 5, startTime: '18:00', endTime: '22:00', needed: 2 },
    access: OPERATORS,
  },
  { method: 'GET', url: '/api/shifts/templates', access: ANY },
  { method: 'PATCH', url: '/api/shifts/templates/1', payload: { active: false }, access: OPERATORS },
  {
    method: 'POST',
    url: '/api/releases',
    payload: { siteId: 1, adults: 2, children: 0 },
    access: OPERATORS,
  },
  { method: 'GET', url: '/api/releases', access: ANY },
  { method: 'GET', url: '/api/settings', access: ANY },
  { method: 'GET', url: '/api/releases/1', access: ANY },
  { method: 'POST', url: '/api/releases/1/status', payload: { status: 'met' }, access: OPERATORS },
  { method: 'POST', url: '/api/releases/1/needs', payload: { met: [] }, access: OPERATORS },
  { method: 'POST', url: '/api/releases/1/acknowledge', payload: {}, access: OPERATORS },
  { method: 'GET', url: '/api/reports/releases', access: ANY },
  { method: 'GET', url: '/api/reports/releases.csv', access: OPERATORS },
  { method: 'POST', url: '/api/funds', payload: { name: 'Spring drive' }, access: OPERATORS },
  { method: 'GET', url: '/api/funds', access: OPERATORS },
  { method: 'GET', url: '/api/funds/ledger', access: OPERATORS },
  { method: 'GET', url: '/api/funds/1', access: OPERATORS },
  {
    method: 'POST',
    url: '/api/funds/1/income',
    payload: { amountCents: 100, receivedOn: '2026-03-01' },
    access: OPERATORS,
  },
  { method: 'POST', url: '/api/funds/income/import', payload: {}, access: OPERATORS },
  {
    method: 'POST',
    url: '/api/funds/1/disbursements',
    payload: { amountCents: 100, purpose: 'food' },
    access: OPERATORS,
  },
  { method: 'POST', url: '/api/disbursements/1/approve', payload: {}, access: OPERATORS },
  { method: 'POST', url: '/api/disbursements/1/reject', payload: { reason: 'no' }, access: OPERATORS },
  { method: 'GET', url: '/api/reports/fund', access: ANY },
  { method: 'GET', url: '/api/reports/fund.csv', access: ANY },
  {
    method: 'POST',
    url: '/api/dispatches/1/offers/1/answer',
    payload: { answer: 'yes' },
    access: OPERATORS,
  },
  { method: 'GET', url: '/api/dispatches', access: ANY },
  { method: 'POST', url: '/api/screening/link/check', payload: {}, access: 'public' },
  { method: 'POST', url: '/api/screening/link', payload: {}, access: 'public' },
  {
    method: 'POST',
    url: '/api/housing/sites',
    payload: { name: 'Hall', kind: 'place_of_worship', beds: 4 },
    access: OPERATORS,
  },
  { method: 'GET', url: '/api/housing/sites', access: ANY },
  { method: 'GET', url: '/api/housing/sites/1', access: ANY },
  { method: 'PATCH', url: '/api/housing/sites/1', payload: { beds: 5 }, access: OPERATORS },
  { method: 'POST', url: '/api/housing/stays', payload: {}, access: OPERATORS },
  { method: 'GET', url: '/api/housing/stays', access: ANY },
  { method: 'POST', url: '/api/housing/stays/1/checkout', payload: {}, access: OPERATORS },
  { method: 'POST', url: '/api/housing/stays/1/extend', payload: { nights: 1 }, access: OPERATORS },
  { method: 'POST', url: '/api/housing/stays/1/move', payload: { housingSiteId: 1 }, access: OPERATORS },
  { method: 'GET', url: '/api/housing/occupancy', access: ANY },
  { method: 'GET', url: '/api/releases/1/housing/suggestions', access: ANY },
  { method: 'POST', url: '/api/housing/requests', payload: {}, access: OPERATORS },
  { method: 'GET', url: '/api/housing/requests', access: ANY },
  { method: 'POST', url: '/api/housing/requests/1/cancel', payload: {}, access: OPERATORS },
  { method: 'POST', url: '/api/supplies/items', payload: { sku: 'SOAP', name: 'Soap' }, access: OPERATORS },
  { method: 'GET', url: '/api/supplies/items', access: ANY },
  { method: 'PATCH', url: '/api/supplies/items/1', payload: { active: false }, access: OPERATORS },
  {
    method: 'POST',
    url: '/api/supplies/items/1/thresholds',
    payload: { siteId: 1, threshold: 2 },
    access: OPERATORS,
  },
  {
    method: 'POST',
    url: '/api/supplies/kits',
    payload: { sku: 'KIT', name: 'Kit', components: [{ itemId: 1, qty: 1 }] },
    access: OPERATORS,
  },
  { method: 'GET', url: '/api/supplies/kits', access: ANY },
  {
    method: 'POST',
    url: '/api/supplies/kits/1/assemble',
    payload: { siteId: 1, count: 1 },
    access: OPERATORS,
  },
  { method: 'POST', url: '/api/supplies/movements', payload: {}, access: OPERATORS },
  { method: 'POST', url: '/api/supplies/transfers', payload: {}, access: OPERATORS },
  { method: 'POST', url: '/api/supplies/receipts', payload: {}, access: OPERATORS },
  { method: 'POST', url: '/api/supplies/counts', payload: {}, access: OPERATORS },
  { method: 'POST', url: '/api/releases/1/kits', payload: {}, access: OPERATORS },
  { method: 'GET', url: '/api/supplies/stock', access: ANY },
  { method: 'GET', url: '/api/supplies/movements', access: ANY },
  { method: 'GET', url: '/api/supplies/forecast', access: ANY },
  {
    method: 'POST',
    url: '/api/medical/contacts',
    payload: { name: 'Nora', phone: '+13035550161', role: 'nurse' },
    access: MEDICAL_STAFF,
  },
  { method: 'GET', url: '/api/medical/contacts', access: ANY },
  { method: 'PATCH', url: '/api/medical/contacts/1', payload: { active: false }, access: MEDICAL_STAFF },
  { method: 'POST', url: '/api/medical/schedules', payload: {}, access: MEDICAL_STAFF },
  { method: 'GET', url: '/api/medical/schedules', access: ANY },
  { method: 'POST', url: '/api/medical/schedules/1/overrides', payload: {}, access: MEDICAL_STAFF },
  { method: 'GET', url: '/api/medical/oncall', access: ANY },
  { method: 'POST', url: '/api/medical/pages', payload: { reason: 'adult fainted' }, access: MEDICAL_STAFF },
  { method: 'GET', url: '/api/medical/pages', access: ANY },
  { method: 'GET', url: '/api/medical/pages/1', access: ANY },
  { method: 'POST', url: '/api/medical/pages/1/resolve', payload: {}, access: MEDICAL_STAFF },
  { method: 'POST', url: '/api/releases/1/itineraries', payload: {}, access: OPERATORS },
  { method: 'GET', url: '/api/releases/1/itineraries', access: ANY },
  { method: 'GET', url: '/api/itineraries', access: ANY },
  { method: 'GET', url: '/api/itineraries/1', access: ANY },
  { method: 'PATCH', url: '/api/itineraries/1', payload: { people: 1 }, access: OPERATORS },
  { method: 'DELETE', url: '/api/itineraries/1', access: OPERATORS },
  { method: 'POST', url: '/api/itineraries/1/share', payload: {}, access: OPERATORS },
  { method: 'POST', url: '/api/itineraries/1/travel-bags', payload: {}, access: OPERATORS },
  { method: 'GET', url: '/t/1', access: 'public' },
  { method: 'POST', url: '/api/resources', payload: { title: 'Rights', tags: ['legal'] }, access: OPERATORS },
  { method: 'GET', url: '/api/resources', access: ANY },
  { method: 'GET', url: '/api/resources/offline', access: ANY },
  { method: 'GET', url: '/api/resources/coverage', access: ANY },
  { method: 'GET', url: '/api/resources/1', access: ANY },
  { method: 'PATCH', url: '/api/resources/1', payload: { title: 'Rights' }, access: OPERATORS },
  { method: 'DELETE', url: '/api/resources/1', access: OPERATORS },
  {
    method: 'POST',
    url: '/api/resources/1/versions',
    payload: { language: 'es', body: 'Hola' },
    access: OPERATORS,
  },
  { method: 'DELETE', url: '/api/resources/1/versions/1', access: OPERATORS },
  { method: 'GET', url: '/api/resources/1/versions/1/file', access: ANY },
  {
    method: 'POST',
    url: '/api/resources/1/send',
    payload: { to: '+13035550142', language: 'es' },
    access: OPERATORS,
  },
  { method: 'GET', url: '/api/releases/1/resources', access: ANY },
  {
    method: 'POST',
    url: '/api/releases/1/resources/shared',
    payload: { resourceIds: [1] },
    access: OPERATORS,
  },
  { method: 'GET', url: '/r/1', access: 'public' },
  { method: 'GET', url: '/r/1/file', access: 'public' },
  { method: 'GET', url: '/r/1/qr.svg', access: 'public' },
];

function request(route: { method: string; url: string; payload?: Record<string, unknown> }): InjectOptions {
  return { method: route.method as InjectOptions['method'], url: route.url, payload: route.payload };
}

/** Every route the app serves, read from its router (method, path with `:params`). */
function servedRoutes(app: FastifyInstance): Array<{ method: string; url: string }> {
  const found: Array<{ method: string; url: string }> = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.search(/[├└]── /);
    if (at < 0) continue;
    const depth = at / 4;
    const match = /^(.*?)(?: \(([^)]*)\))?$/.exec(line.slice(at + 4));
    const path = (depth > 0 ? parents[depth - 1] : '') + (match?.[1] ?? '');
    parents[depth] = path;
    for (const method of (match?.[2] ?? '').split(', ').filter(Boolean)) found.push({ method, url: path });
  }
  return found;
}

const GUARDED = /^\/(api(?!\/docs(\/|$))|ws|sms)(\/|$)/;

describe('access on every route', () => {
  let t: TestApp;

  describe.each(ROUTES)('$method $url', (route) => {
    // One app for each route's callers, each caller its own account and session: an app for every
    // call made this the suite's slowest file.
    beforeAll(async () => {
      t = await buildTestApp();
    });
    afterAll(() => t.close());
    it(
      route.access === 'public' ? 'is open without a session' : 'refuses a caller without a session',
      async () => {
        const res = await t.call(null, request(route));
        if (route.access === 'public') {
          expect(res.statusCode).not.toBe(401);
          expect(res.statusCode).not.toBe(403);
          expect(res.statusCode).toBeLessThan(500);
        } else {
          expect(res.statusCode).toBe(401);
          expect(res.json().error.code).toBe('unauthenticated');
        }
      },
    );

    it.each(ROLES)('answers a %s as its access says', async (role) => {
      const allowed = route.access === 'public' || route.access.includes(role);
      const res = await t.call(await t.signIn(role), request(route));
      if (allowed) {
        expect([401, 403]).not.toContain(res.statusCode);
        expect(res.statusCode).toBeLessThan(500);
      } else {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    });
  });

  describe('the table', () => {
    beforeAll(async () => {
      t = await buildTestApp();
    });
    afterAll(() => t.close());

    it('covers only routes that exist', () => {
      // The table calls routes with ids filled in (`/1`); the router lists them as `/:id`.
      const served = new Set(
        servedRoutes(t.app).map((r) => `${r.method} ${r.url.replace(/:[A-Za-z]+/g, '1')}`),
      );
      for (const route of ROUTES) expect(served).toContain(`${route.method} ${route.url}`);
    });

    it('refuses a caller without a session on every guarded route that is not public, listed above or not', async () => {
      const open = new Set(ROUTES.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`));
      const guarded = servedRoutes(t.app).filter(
        (r) => GUARDED.test(r.url) && !open.has(`${r.method === 'HEAD' ? 'GET' : r.method} ${r.url}`),
      );
      expect(guarded.length).toBeGreaterThanOrEqual(ROUTES.filter((r) => r.access !== 'public').length);
      for (const route of guarded) {
        const url = route.url.replace(/:[A-Za-z]+/g, '1');
        const res = await t.call(null, { method: route.method as InjectOptions['method'], url });
        const seen = `${route.method} ${route.url} answered ${res.statusCode}`;
        if (url.startsWith('/sms/')) {
          // The SMS webhooks are public and authenticated by their signature: an unsigned call must fail.
          expect(res.statusCode, seen).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, seen).toBeLessThan(500);
        } else {
          expect(res.statusCode, seen).toBe(401);
        }
      }
    });
  });
});

describe('authPlugin', () => {
  async function bareApp() {
    const app = Fastify();
    await app.register(cookie);
    app.decorate('auth', { resolve: () => null } as unknown as FastifyInstance['auth']);
    await app.register(authPlugin);
    return app;
  }

  it.each(['/api/forgotten', '/api', '/api/docsets', '/ws', '/sms/inbound'])(
    'refuses to register %s when it does not say who may call it',
    async (url) => {
      const app = await bareApp();
      try {
        expect(() => app.get(url, async () => ({ ok: true }))).toThrow(/does not declare its access/);
      } finally {
        await app.close();
      }
    },
  );

  it('accepts routes that declare their access, and pages outside /api, /ws and /sms', async () => {
    const app = await bareApp();
    try {
      app.get('/api/open', { config: { access: 'public' } }, async () => ({ ok: true }));
      app.get('/api/admins', { config: { access: ['admin'] } }, async () => ({ ok: true }));
      app.get('/about', async () => ({ ok: true }));
      await app.ready();
      expect((await app.inject({ url: '/api/open' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/about' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/admins' })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('CSRF', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const body = JSON.stringify({ name: 'Depot', kind: 'warehouse' });
  const boundary = '----bienvenida';
  const multipart = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="name"',
    '',
    'Depot',
    `--${boundary}`,
    'Content-Disposition: form-data; name="kind"',
    '',
    'warehouse',
    `--${boundary}--`,
    '',
  ].join('\r\n');

  it.each([
    ['application/x-www-form-urlencoded', 'name=Depot&kind=warehouse'],
    ['text/plain', body],
    ['text/plain;charset=UTF-8', body],
    [`multipart/form-data; boundary=${boundary}`, multipart],
    [null, body],
  ])('refuses a signed-in POST sent as %s with 403 csrf_refused, creating nothing', async (type, payload) => {
    const headers: Record<string, string> = type ? { 'content-type': type } : {};
    const res = await t.call(coordinator, { method: 'POST', url: '/api/sites', payload, headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_refused');
    expect(t.db.select().from(sites).all()).toHaveLength(0);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])(
    'accepts the same POST sent as %s',
    async (type) => {
      const res = await t.call(coordinator, {
        method: 'POST',
        url: '/api/sites',
        payload: body,
        headers: { 'content-type': type },
      });
      expect(res.statusCode).toBe(201);
      expect(t.db.select().from(sites).all()).toHaveLength(1);
    },
  );

  it('refuses a sign-out sent as a plain form, so another site cannot end a session', async () => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/auth/logout',
      payload: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_refused');
    expect((await t.call(coordinator, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('refuses a write with an expired session with 401, changing nothing', async () => {
    t.clock.advance(13 * HOUR);
    const res = await t.call(coordinator, { method: 'POST', url: '/api/sites', payload: JSON.parse(body) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(t.db.select().from(sites).all()).toHaveLength(0);
  });

  it('refuses a write with a signed-out session with 401, changing nothing', async () => {
    const out = await t.call(coordinator, { method: 'POST', url: '/api/auth/logout', payload: {} });
    expect(out.statusCode).toBe(204);
    const res = await t.call(coordinator, { method: 'POST', url: '/api/sites', payload: JSON.parse(body) });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(t.db.select().from(sites).all()).toHaveLength(0);
  });
});
