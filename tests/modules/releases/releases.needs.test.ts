import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app';
import {
  addRelease,
  addSite,
  auditRows,
  eventRows,
  getRelease,
  type ReleaseView,
  signedInUser,
  walk,
} from '../../helpers/fixtures';

describe('release needs, acknowledgement and lists', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator)).id;
  });
  afterEach(() => t.close());

  const tick = (id: number, met: unknown) =>
    t.call(coordinator, { method: 'POST', url: `/api/releases/${id}/needs`, payload: { met } });
  const acknowledge = (cookie: string, id: number) =>
    t.call(cookie, { method: 'POST', url: `/api/releases/${id}/acknowledge`, payload: {} });
  const list = async (query = '') => {
    const res = await t.call(coordinator, { method: 'GET', url: `/api/releases${query}` });
    expect(res.statusCode).toBe(200);
    return (res.json().items as ReleaseView[]).map((r) => r.code);
  };

  it('ticks needs off as met, and back, each time on the timeline, audit and live feed', async () => {
    const created = await addRelease(t, coordinator, { siteId, needs: ['food', 'water', 'medical'] });
    const res = await tick(created.id, ['medical', 'food', 'food']);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      needs: ['food', 'water', 'medical'],
      needsMet: ['medical', 'food'],
      needsOutstanding: ['water'],
    });
    expect(res.json().timeline.at(-1)).toMatchObject({
      kind: 'needs',
      actor: (await signedInUser(t, coordinator)).name,
      fromStatus: null,
      toStatus: null,
    });

    const undone = await tick(created.id, []);
    expect(undone.json()).toMatchObject({ needsMet: [], needsOutstanding: ['food', 'water', 'medical'] });
    expect(undone.json().status).toBe('reported');

    expect(auditRows(t, 'release.needs').map((a) => a.changes)).toEqual([
      { needsMet: ['medical', 'food'] },
      { needsMet: [] },
    ]);
    expect(eventRows(t, 'release.needs').map((e) => e.data)).toEqual([
      { id: created.id, needsMet: ['medical', 'food'] },
      { id: created.id, needsMet: [] },
    ]);
  });

  it('refuses a need the release does not have with 400 body.met, and changes nothing', async () => {
    const created = await addRelease(t, coordinator, { siteId, needs: ['food'] });
    const res = await tick(created.id, ['food', 'housing_tonight']);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(error.details).toEqual([
      { path: 'body.met', message: expect.stringContaining('housing_tonight') },
    ]);
    expect(await getRelease(t, coordinator, created.id)).toEqual(created);
    expect(auditRows(t, 'release.needs')).toHaveLength(0);
  });

  it.each([
    ['an unknown need', ['teleport'], 'body.met.0'],
    ['a list of 10,000', Array.from({ length: 10_000 }, () => 'food'), 'body.met'],
    ['a string', 'food', 'body.met'],
    ['nothing', undefined, 'body.met'],
  ])('refuses %s as needs met with 400', async (_, met, path) => {
    const created = await addRelease(t, coordinator, { siteId, needs: ['food'] });
    const res = await tick(created.id, met);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await getRelease(t, coordinator, created.id)).toEqual(created);
  });

  it('answers 404 for needs of a release that does not exist', async () => {
    const res = await tick(4242, []);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('acknowledges once: a second acknowledgement, by anyone, adds nothing', async () => {
    const created = await addRelease(t, coordinator, { siteId });
    expect(created.acknowledged).toBe(false);
    const first = await acknowledge(coordinator, created.id);
    expect(first.statusCode).toBe(200);
    expect(first.json().acknowledged).toBe(true);
    expect(first.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'acknowledged']);

    const admin = await t.signIn('admin');
    const second = await acknowledge(admin, created.id);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(auditRows(t, 'release.acknowledged')).toHaveLength(1);
    expect(eventRows(t, 'release.acknowledged').map((e) => e.data)).toEqual([{ id: created.id }]);
  });

  it('answers 404 when acknowledging a release that does not exist', async () => {
    const res = await acknowledge(coordinator, 4242);
    expect(res.statusCode).toBe(404);
  });

  it('lists open releases by default, closed and cancelled ones only under closed or all', async () => {
    const open = await addRelease(t, coordinator, { siteId });
    const expected = await addRelease(t, coordinator, { siteId, expectedAt: '2026-03-02T20:00:00Z' });
    const sheltered = await addRelease(t, coordinator, { siteId });
    await walk(t, coordinator, sheltered.id, ['met', 'sheltered']);
    const closed = await addRelease(t, coordinator, { siteId });
    await walk(t, coordinator, closed.id, ['met', 'closed']);
    const cancelled = await addRelease(t, coordinator, { siteId });
    await walk(t, coordinator, cancelled.id, ['cancelled']);

    const openCodes = [sheltered.code, expected.code, open.code];
    expect(await list()).toEqual(openCodes);
    expect(await list('?status=open')).toEqual(openCodes);
    expect(await list('?status=closed')).toEqual([cancelled.code, closed.code]);
    expect(await list('?status=all')).toEqual([
      cancelled.code,
      closed.code,
      sheltered.code,
      expected.code,
      open.code,
    ]);
  });

  it('refuses an unknown list filter with 400', async () => {
    const res = await t.call(coordinator, { method: 'GET', url: '/api/releases?status=gone' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['querystring.status']);
  });
});
