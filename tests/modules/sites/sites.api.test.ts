import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sites } from '../../../db/schema';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { auditRows, eventRows } from '../../helpers/fixtures';

describe('sites API', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('creates a site with its audit line and live event, and lists it', async () => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sites',
      payload: { name: 'Greyhound', kind: 'bus_station', smsKeyword: 'grey' },
    });
    expect(res.statusCode).toBe(201);
    const site = res.json();
    expect(site).toMatchObject({ name: 'Greyhound', kind: 'bus_station', smsKeyword: 'GREY', address: null });
    expect(site.createdAt).toMatch(/^2026-03-02T08:00:00-07:00$/);

    const list = await t.call(coordinator, { method: 'GET', url: '/api/sites' });
    expect(list.json().items.map((s: { id: number }) => s.id)).toEqual([site.id]);

    const lines = auditRows(t, 'site.created');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ entity: 'site', entityId: site.id });
    const feed = eventRows(t, 'site.created');
    expect(feed.map((e) => e.data.id)).toEqual([site.id]);
  });

  it.each([
    [{ kind: 'bus_station' }, 'body.name'],
    [{ name: 'X', kind: 'castle' }, 'body.kind'],
    [{ name: 'x'.repeat(10_000), kind: 'other' }, 'body.name'],
    [{ name: 42, kind: 'other' }, 'body.name'],
    [{ name: 'X', kind: 'other', smsKeyword: 'has space' }, 'body.smsKeyword'],
    [{ name: 'X', kind: 'other', address: 'a'.repeat(301) }, 'body.address'],
  ])('refuses %j naming %s, and writes nothing', async (payload, path) => {
    const res = await t.call(coordinator, { method: 'POST', url: '/api/sites', payload });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(t.db.select().from(sites).all()).toHaveLength(0);
  });

  it('answers 400 for a body that is not JSON, never 500', async () => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sites',
      payload: '{"name": "X",',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.body).not.toContain('at ');
  });

  it('refuses a second site with the same SMS keyword with 409 duplicate_sms_keyword', async () => {
    const first = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sites',
      payload: { name: 'A', kind: 'other', smsKeyword: 'AIR' },
    });
    expect(first.statusCode).toBe(201);
    const again = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sites',
      payload: { name: 'B', kind: 'other', smsKeyword: 'air' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('duplicate_sms_keyword');
    expect(t.db.select().from(sites).all()).toHaveLength(1);
  });

  it('lets a viewer read but not create', async () => {
    const viewer = await t.signIn('viewer');
    expect((await t.call(viewer, { method: 'GET', url: '/api/sites' })).statusCode).toBe(200);
    const res = await t.call(viewer, {
      method: 'POST',
      url: '/api/sites',
      payload: { name: 'A', kind: 'other' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });
});
