import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releaseTimeline } from '../../../db/schema';
import { buildTestApp, type TestApp } from '../../helpers/app';
import {
  addRelease,
  addSite,
  auditRows,
  eventRows,
  getRelease,
  postRelease,
  type ReleaseView,
  signedInUser,
} from '../../helpers/fixtures';
import { releaseRows } from './releases.helpers';

describe('releases API: create and read', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator)).id;
  });
  afterEach(() => t.close());

  it('logs a reported release now, with a code, a people count and a created timeline entry', async () => {
    const me = (await signedInUser(t, coordinator)).name;
    const res = await postRelease(t, coordinator, {
      siteId,
      adults: 3,
      children: 2,
      languages: ['es', 'K’iche’', 'es', "K'iche'", ' mam '],
      needs: ['food', 'housing_tonight', 'food'],
      destination: 'Chicago, IL',
      travelDate: '2026-03-04',
      notes: 'Two toddlers, one stroller',
    });
    expect(res.statusCode).toBe(201);
    const body: ReleaseView = res.json();
    expect(body).toMatchObject({
      code: 'R-0001',
      siteId,
      siteName: 'Greyhound',
      status: 'reported',
      expectedAt: null,
      releasedAt: '2026-03-02T08:00:00-07:00',
      reportedAt: '2026-03-02T08:00:00-07:00',
      metAt: null,
      closedAt: null,
      adults: 3,
      children: 2,
      people: 5,
      languages: ['es', 'quc', 'mam'],
      needs: ['food', 'housing_tonight'],
      needsMet: [],
      needsOutstanding: ['food', 'housing_tonight'],
      destination: 'Chicago, IL',
      travelDate: '2026-03-04',
      notes: 'Two toddlers, one stroller',
      source: 'web',
      acknowledged: false,
      purged: false,
    });
    expect(body.timeline).toEqual([
      {
        id: expect.any(Number),
        at: '2026-03-02T08:00:00-07:00',
        actor: me,
        actorErased: false,
        kind: 'created',
        fromStatus: null,
        toStatus: 'reported',
        note: null,
      },
    ]);
    expect(await getRelease(t, coordinator, body.id)).toEqual(body);
    expect(releaseRows(t)[0]!.languages).toEqual(['es', 'quc', 'mam']);
  });

  it('answers the logging with exactly what reading the release back gives, expected or reported', async () => {
    for (const body of [
      { siteId, adults: 2, children: 1, languages: ['es'], needs: ['food'], notes: 'a stroller' },
      { siteId, adults: 1, children: 0, expectedAt: '2026-03-02T20:00:00-07:00', destination: 'Atlanta' },
    ]) {
      const created = await postRelease(t, coordinator, body);
      expect(created.statusCode).toBe(201);
      const read = await t.call(coordinator, { method: 'GET', url: `/api/releases/${created.json().id}` });
      expect(created.json()).toEqual(read.json());
    }
  });

  it('gives each release its own increasing code', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 3; i += 1) codes.push((await addRelease(t, coordinator, { siteId })).code);
    expect(codes).toEqual(['R-0001', 'R-0002', 'R-0003']);
    expect(new Set(releaseRows(t).map((r) => r.code)).size).toBe(3);
  });

  it('logs a heads-up as expected, with its expected time and no report time yet', async () => {
    const res = await postRelease(t, coordinator, {
      siteId,
      expectedAt: '2026-03-02T18:00:00Z',
      adults: 12,
      children: 0,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'expected',
      expectedAt: '2026-03-02T11:00:00-07:00',
      releasedAt: null,
      reportedAt: null,
      people: 12,
      languages: [],
      needs: [],
      destination: null,
      travelDate: null,
      notes: null,
    });
    expect(res.json().timeline).toMatchObject([{ kind: 'created', fromStatus: null, toStatus: 'expected' }]);
  });

  it('keeps a release time given for the past and still reports it now', async () => {
    const res = await postRelease(t, coordinator, {
      siteId,
      releasedAt: '2026-03-02T06:30:00-07:00',
      adults: 1,
      children: 0,
      notes: '   ',
      destination: '  ',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'reported',
      releasedAt: '2026-03-02T06:30:00-07:00',
      reportedAt: '2026-03-02T08:00:00-07:00',
      notes: null,
      destination: null,
    });
  });

  it('refuses a release of nobody (0 adults, 0 children) naming body.adults', async () => {
    const res = await postRelease(t, coordinator, { siteId, adults: 0, children: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.adults', message: 'a release has at least one person' },
    ]);
    expect(t.db.select().from(releaseTimeline).all()).toHaveLength(0);
  });

  it('audits and announces the creation without the notes or destination', async () => {
    const created = await addRelease(t, coordinator, {
      siteId,
      destination: 'Houston-unique-destination',
      notes: 'unique-note-text-4417',
    });
    const lines = auditRows(t, 'release.created');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      entity: 'release',
      entityId: created.id,
      actor: `user:${(await signedInUser(t, coordinator)).id}`,
      changes: { code: 'R-0001', siteId, status: 'reported', adults: 2, children: 1, source: 'web' },
    });
    expect(JSON.stringify(lines[0])).not.toContain('unique-note-text-4417');

    const feed = eventRows(t, 'release.created');
    expect(feed).toHaveLength(1);
    expect(feed[0]!.data).toMatchObject({ id: created.id, code: 'R-0001', people: 3, notes: null });
    expect(JSON.stringify(feed[0]!.data)).not.toContain('unique-note-text-4417');
    // The live feed is never purged, so free text would outlive the retention period there.
    expect(JSON.stringify(feed[0]!.data)).not.toContain('Houston-unique-destination');
  });

  it('has no place for names or ID numbers: such a field is refused with 400 naming it, and nothing is stored', async () => {
    const res = await postRelease(t, coordinator, {
      siteId,
      adults: 1,
      children: 0,
      name: 'Maria Perez-Sentinel',
      aNumber: 'A-203-456-789',
      nationality: 'Sentinelia',
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(JSON.stringify(error.details)).toMatch(/aNumber/);
    expect(JSON.stringify(error.details)).toMatch(/nationality/);
    expect(res.body).not.toContain('A-203-456-789');
    expect(releaseRows(t)).toHaveLength(0);
    for (const secret of ['Maria Perez-Sentinel', 'A-203-456-789', 'Sentinelia']) {
      expect(JSON.stringify(t.db.$client.prepare('select * from audit').all())).not.toContain(secret);
      expect(JSON.stringify(t.db.$client.prepare('select * from events').all())).not.toContain(secret);
    }
  });

  const base = { adults: 3, children: 1, languages: ['es'], needs: ['food'] };
  it.each([
    ['a negative adult count', 'body.adults', { adults: -1 }],
    ['a fractional adult count', 'body.adults', { adults: 2.5 }],
    ['a huge adult count', 'body.adults', { adults: 1_000_000_000 }],
    ['adults as a string', 'body.adults', { adults: '3' }],
    ['no adult count', 'body.adults', { adults: undefined }],
    ['a negative child count', 'body.children', { children: -1 }],
    ['a fractional child count', 'body.children', { children: 0.5 }],
    ['501 children', 'body.children', { children: 501 }],
    ['children as null', 'body.children', { children: null }],
    ['an unknown site', 'body.siteId', { siteId: 9999 }],
    ['site id zero', 'body.siteId', { siteId: 0 }],
    ['site id as text', 'body.siteId', { siteId: 'grey' }],
    ['10,000 languages', 'body.languages', { languages: Array.from({ length: 10_000 }, () => 'es') }],
    ['an empty language', 'body.languages.1', { languages: ['es', ''] }],
    ['a 41-character language', 'body.languages.0', { languages: ['k'.repeat(41)] }],
    ['markup as a language', 'body.languages.0', { languages: ['<script>'] }],
    ['languages as a string', 'body.languages', { languages: 'es' }],
    ['an unknown need', 'body.needs.0', { needs: ['teleport'] }],
    ['10,000 needs', 'body.needs', { needs: Array.from({ length: 10_000 }, () => 'food') }],
    ['needs as a string', 'body.needs', { needs: 'food' }],
    ['1001-character notes', 'body.notes', { notes: 'n'.repeat(1001) }],
    ['100,000-character notes', 'body.notes', { notes: 'n'.repeat(100_000) }],
    ['notes as a number', 'body.notes', { notes: 42 }],
    ['a 121-character destination', 'body.destination', { destination: 'd'.repeat(121) }],
    ['an impossible travel date', 'body.travelDate', { travelDate: '2026-02-30' }],
    ['a US-style travel date', 'body.travelDate', { travelDate: '03/04/2026' }],
    ['a release time in words', 'body.releasedAt', { releasedAt: 'yesterday' }],
    ['a release time without offset', 'body.releasedAt', { releasedAt: '2026-03-02T10:00:00' }],
    ['an expected time in month 13', 'body.expectedAt', { expectedAt: '2026-13-01T10:00:00Z' }],
  ])('refuses %s with 400 naming %s, and writes nothing', async (_, path, change) => {
    const before = auditRows(t, 'site.created').length;
    const res = await postRelease(t, coordinator, { siteId, ...base, ...change });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(releaseRows(t)).toHaveLength(0);
    expect(t.db.select().from(releaseTimeline).all()).toHaveLength(0);
    expect(auditRows(t, 'release.created')).toHaveLength(0);
    expect(eventRows(t, 'release.created')).toHaveLength(0);
    expect(auditRows(t, 'site.created')).toHaveLength(before);
  });

  it('answers 400 for a body that is not JSON, or not an object', async () => {
    for (const payload of ['{"siteId": 1,', '[1,2,3]', '"release"']) {
      const res = await t.call(coordinator, {
        method: 'POST',
        url: '/api/releases',
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error.code).toBe('validation');
    }
    expect(releaseRows(t)).toHaveLength(0);
  });

  it('answers 404 for a release that does not exist and 400 for an id that is not one', async () => {
    const missing = await t.call(coordinator, { method: 'GET', url: '/api/releases/9999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const bad = await t.call(coordinator, { method: 'GET', url: '/api/releases/R-0001' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['params.id']);
  });

  it('lets a viewer read releases but not log, move, tick or acknowledge them', async () => {
    const created = await addRelease(t, coordinator, { siteId, needs: ['food'] });
    const viewer = await t.signIn('viewer');
    expect((await t.call(viewer, { method: 'GET', url: '/api/releases' })).json().items).toHaveLength(1);
    expect((await t.call(viewer, { method: 'GET', url: `/api/releases/${created.id}` })).statusCode).toBe(
      200,
    );

    const attempts = [
      { url: '/api/releases', payload: { siteId, adults: 1, children: 0 } },
      { url: `/api/releases/${created.id}/status`, payload: { status: 'met' } },
      { url: `/api/releases/${created.id}/needs`, payload: { met: ['food'] } },
      { url: `/api/releases/${created.id}/acknowledge`, payload: {} },
    ];
    for (const { url, payload } of attempts) {
      const res = await t.call(viewer, { method: 'POST', url, payload });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(await getRelease(t, coordinator, created.id)).toEqual(created);
    expect(releaseRows(t)).toHaveLength(1);
  });

  it('refuses everything without a session', async () => {
    const res = await t.call(null, { method: 'POST', url: '/api/releases', payload: { siteId, ...base } });
    expect(res.statusCode).toBe(401);
    expect((await t.call(null, { method: 'GET', url: '/api/releases' })).statusCode).toBe(401);
    expect(releaseRows(t)).toHaveLength(0);
  });

  it('lets an admin log a release too', async () => {
    const admin = await t.signIn('admin');
    expect((await postRelease(t, admin, { siteId, ...base })).statusCode).toBe(201);
  });
});
