import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app';
import { addRelease, addShift, addSite, addVolunteer, screen, text } from './helpers/fixtures';

/**
 * Random, malformed, huge, unicode and injection input against every JSON endpoint and the SMS
 * keyword parser: never a 5xx, always the documented error shape, and nothing written when refused.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

/** Values chosen to break parsers, queries and renderers, mixed into the random ones. */
const nasty = fc.constantFrom(
  "'; DROP TABLE volunteers; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '\u0000',
  '\u202Eevil',
  '%00%ff',
  '{{7*7}}',
  ['$', '{process.exit(1)}'].join(''),
  '=HYPERLINK("x")',
  '0x10',
  '1e309',
  '-0',
  '9'.repeat(400),
  'ñandú 🙂 漢字 עברית',
  '\ud800',
  'YES 1234',
  'a'.repeat(70_000),
  '0000-01-01T00:00:00Z',
  '9999-12-31',
  '__proto__',
  'constructor',
);

const scalar = fc.oneof(
  nasty,
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(
    fc.oneof(
      fc.constantFrom('name', 'phone', 'id', 'siteId', 'body', 'to', 'password', '__proto__'),
      fc.string({ maxLength: 12 }),
    ),
    tie('value'),
    { maxKeys: 6 },
  ),
})).value;

interface Route {
  method: string;
  path: string;
  /** The body's field names from the contract, so random bodies often get past the first check. */
  fields: string[];
}

/** A table dump to compare before and after a refused request. */
function dump(t: TestApp): string {
  const sqlite = t.db.$client;
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, sqlite.prepare(`select * from "${name}" order by rowid`).all()]),
  );
}

/** Refusals that write on purpose: a wrong password is audited, and counts toward throttling. */
const WRITES_WHEN_REFUSED = new Set(['POST /api/auth/login', 'POST /api/auth/password']);
/** Would end the fuzzing session itself. */
const SKIPPED = new Set(['POST /api/auth/logout']);

describe('fuzzing', () => {
  let t: TestApp;
  let cookie: string;
  const routes: Route[] = [];

  beforeAll(async () => {
    t = await buildTestApp({ env: { SMS_QUIET_HOURS: 'off' } });
    cookie = await t.signIn('admin');
    // Some records to aim ids at, so routes get past their 404 now and then.
    const site = await addSite(t, cookie, { name: 'Greyhound', smsKeyword: 'GREY' });
    const v = await addVolunteer(t, cookie, { name: 'Ana Lopez', phone: '+13035550142' });
    await screen(t, cookie, v.id, { symptoms: false });
    await addShift(t, cookie, { siteId: site.id, startsAt: '2026-03-03T09:00', endsAt: '2026-03-03T13:00' });
    await addRelease(t, cookie, { siteId: site.id });
    await text(t, cookie, '+13035550142', 'HELP');
    const spec = (await t.call(cookie, { method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } }>
      >;
    };
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (SKIPPED.has(key) || !path.startsWith('/api/')) continue;
        const schema = op.requestBody?.content?.['application/json']?.schema;
        routes.push({ method: method.toUpperCase(), path, fields: Object.keys(schema?.properties ?? {}) });
      }
    }
  }, 60_000);
  afterAll(() => t?.close());

  it('finds the JSON endpoints to fuzz', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it('never answers 5xx, always the error shape, and writes nothing it refused', {
    timeout: 600_000,
  }, async () => {
    const param = fc.oneof(
      fc.constantFrom('1', '2', '0', '-1', '0x1', '1e3', '%2e%2e', '99999'),
      fc.string({ maxLength: 8 }),
    );
    const request = fc.record({
      route: fc.constantFrom(...routes),
      params: fc.array(param, { minLength: 4, maxLength: 4 }),
      body: fc.oneof(json, fc.dictionary(fc.constant('x'), json)),
      useFields: fc.boolean(),
      fieldValues: fc.array(json, { minLength: 8, maxLength: 8 }),
      query: fc.dictionary(
        fc.constantFrom('from', 'to', 'status', 'q', 'limit', 'before', 'siteId', 'screening', 'phone'),
        fc.oneof(nasty, fc.string({ maxLength: 12 })),
        { maxKeys: 3 },
      ),
      raw: fc.option(fc.constantFrom('{', '[1,', '"', 'null', '{"a":1}}', '\u0000'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let i = 0;
        const path = r.route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(r.params[i++ % 4]!));
        const qs = new URLSearchParams(r.query as Record<string, string>).toString();
        const body = r.useFields
          ? Object.fromEntries(r.route.fields.map((f, j) => [f, r.fieldValues[j % 8]]))
          : r.body;
        const before = dump(t);
        const res = await t.app.inject({
          method: r.route.method as 'GET',
          url: qs ? `${path}?${qs}` : path,
          headers: { cookie, 'content-type': 'application/json' },
          ...(r.route.method === 'GET' ? {} : { payload: r.raw ?? JSON.stringify(body ?? null) }),
        });
        const where = `${r.route.method} ${path} → ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect(res.statusCode, where).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.json(), where).toEqual({
            error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) },
          });
          if (!WRITES_WHEN_REFUSED.has(`${r.route.method} ${r.route.path}`))
            expect(dump(t), where).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('parses any text message without failing, and answers every sender', { timeout: 300_000 }, async () => {
    const body = fc.oneof(
      nasty,
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .tuple(
          fc.constantFrom(
            'YES',
            'SI',
            'Sí',
            'NO',
            'ACK',
            'OK',
            'WELL',
            'BIEN',
            'SICK',
            'STATUS',
            'RELEASE',
            'LIBERACION',
            'STOP',
            'START',
            'HELP',
            'TURNO',
            'SHIFT',
            'DROP',
          ),
          fc.string({ maxLength: 30 }),
        )
        .map(([k, rest]) => `${k} ${rest}`),
    );
    const from = fc.constantFrom('+13035550142', '+13035550999', '+447700900123');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(from, body, async (phone, words) => {
        n += 1;
        const got = t.app.services.sms.receive({
          from: phone,
          body: words.slice(0, 1600),
          messageSid: `SMfuzz${n}`,
        });
        expect(got).not.toBeNull();
        for (const reply of got!.replies) expect(reply.body.length).toBeGreaterThan(0);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
