import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shifts } from '../../../db/schema';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addShift, addSite, auditRows, postShift, shiftHours } from '../../helpers/fixtures';

describe('shifts API', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator, { name: 'Greyhound' })).id;
  });
  afterEach(() => t.close());

  const rows = () => t.db.select().from(shifts).all();
  const refused = async (body: Parameters<typeof postShift>[2], path: string) => {
    const res = await postShift(t, coordinator, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(rows()).toHaveLength(0);
  };

  it('reads local times in NETWORK_TZ and answers instants with their offset', async () => {
    const shift = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-06T18:00',
      endsAt: '2026-03-06T23:00',
      role: 'greeter',
      needed: 3,
    });
    expect(shift).toEqual({
      id: expect.any(Number),
      siteId,
      siteName: 'Greyhound',
      startsAt: '2026-03-06T18:00:00-07:00',
      endsAt: '2026-03-06T23:00:00-07:00',
      date: '2026-03-06',
      role: 'greeter',
      needed: 3,
      filled: 0,
      gap: true,
      templateId: null,
      signups: [],
    });
    expect(rows()[0]!.startsAt.toISOString()).toBe('2026-03-07T01:00:00.000Z');
    expect(auditRows(t, 'shift.created')).toMatchObject([{ entity: 'shift', entityId: shift.id }]);
  });

  it('makes the spring-forward night 7 hours long, ending in daylight time', async () => {
    const shift = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-07T22:00',
      endsAt: '2026-03-08T06:00',
    });
    expect(shift).toMatchObject({
      startsAt: '2026-03-07T22:00:00-07:00',
      endsAt: '2026-03-08T06:00:00-06:00',
      date: '2026-03-07',
    });
    expect(shiftHours(shift)).toBe(7);
  });

  it('makes the fall-back night 9 hours long', async () => {
    const shift = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-10-31T22:00',
      endsAt: '2026-11-01T06:00',
    });
    expect(shift).toMatchObject({
      startsAt: '2026-10-31T22:00:00-06:00',
      endsAt: '2026-11-01T06:00:00-07:00',
    });
    expect(shiftHours(shift)).toBe(9);
  });

  it('refuses a start in the hour the clocks skip, naming body.startsAt', async () => {
    await refused({ siteId, startsAt: '2026-03-08T02:30', endsAt: '2026-03-08T06:00' }, 'body.startsAt');
    const res = await postShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-08T02:30',
      endsAt: '2026-03-08T06:00',
    });
    expect(res.json().error.details[0].message).toMatch(/America\/Denver/);
  });

  it('refuses an end in the skipped hour too, naming body.endsAt', async () => {
    await refused({ siteId, startsAt: '2026-03-08T00:00', endsAt: '2026-03-08T02:00:00' }, 'body.endsAt');
  });

  it.each([
    ['2026-03-06T20:00:00-05:00', '2026-03-06T23:00', '2026-03-06T18:00:00-07:00'],
    ['2026-03-07T01:00:00Z', '2026-03-06T23:00', '2026-03-06T18:00:00-07:00'],
    ['2026-03-08T09:30:00Z', '2026-03-08T12:00', '2026-03-08T03:30:00-06:00'],
    ['2026-03-08T02:30:00-07:00', '2026-03-08T12:00', '2026-03-08T03:30:00-06:00'],
  ])('accepts the instant %s with its own offset', async (startsAt, endsAt, shown) => {
    const shift = await addShift(t, coordinator, { siteId, startsAt, endsAt });
    expect(shift.startsAt).toBe(shown);
  });

  it.each([
    ['an end before the start', { startsAt: '2026-03-06T18:00', endsAt: '2026-03-06T17:00' }, 'body.endsAt'],
    [
      'an end equal to the start',
      { startsAt: '2026-03-06T18:00', endsAt: '2026-03-06T18:00' },
      'body.endsAt',
    ],
    ['more than 24 hours', { startsAt: '2026-03-06T18:00', endsAt: '2026-03-07T18:01' }, 'body.endsAt'],
    ['a date without a time', { startsAt: '2026-03-06', endsAt: '2026-03-06T23:00' }, 'body.startsAt'],
    ['words', { startsAt: 'friday evening', endsAt: '2026-03-06T23:00' }, 'body.startsAt'],
    ['an impossible date', { startsAt: '2026-02-30T18:00', endsAt: '2026-03-06T23:00' }, 'body.startsAt'],
    ['a huge string', { startsAt: '2'.repeat(10_000), endsAt: '2026-03-06T23:00' }, 'body.startsAt'],
  ])('refuses %s', async (_what, times, path) => {
    await refused({ siteId, ...times }, path);
  });

  it('allows exactly 24 hours, and a 24-hour-clock day across DST is 23', async () => {
    expect(
      shiftHours(
        await addShift(t, coordinator, { siteId, startsAt: '2026-03-06T08:00', endsAt: '2026-03-07T08:00' }),
      ),
    ).toBe(24);
    expect(
      shiftHours(
        await addShift(t, coordinator, { siteId, startsAt: '2026-03-07T12:00', endsAt: '2026-03-08T12:00' }),
      ),
    ).toBe(23);
  });

  it.each([
    [{ siteId: 999, needed: 1 }, 'body.siteId'],
    [{ siteId: 1, needed: 0 }, 'body.needed'],
    [{ siteId: 1, needed: 101 }, 'body.needed'],
    [{ siteId: 1, needed: 1.5 }, 'body.needed'],
    [{ siteId: 1, needed: 1, role: 'r'.repeat(61) }, 'body.role'],
  ])('refuses %j naming %s', async (body, path) => {
    await refused({ startsAt: '2026-03-06T18:00', endsAt: '2026-03-06T23:00', ...body }, path);
  });

  it('lists shifts between two local dates (both days included), and the next 7 days by default', async () => {
    const a = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-02T18:00',
      endsAt: '2026-03-02T23:00',
    });
    const b = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-08T23:00',
      endsAt: '2026-03-09T01:00',
    });
    const c = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-09T00:30',
      endsAt: '2026-03-09T02:00',
    });
    const ids = async (query: string) => {
      const res = await t.call(coordinator, { method: 'GET', url: `/api/shifts${query}` });
      expect(res.statusCode).toBe(200);
      return res.json().items.map((s: { id: number }) => s.id);
    };
    expect(await ids('')).toEqual([a.id, b.id]);
    expect(await ids('?from=2026-03-08&to=2026-03-08')).toEqual([b.id]);
    expect(await ids('?from=2026-03-09&to=2026-03-09')).toEqual([b.id, c.id]);
    expect(await ids('?from=2026-03-03')).toEqual([b.id, c.id]);
    const bad = await t.call(coordinator, { method: 'GET', url: '/api/shifts?from=March' });
    expect(bad.statusCode).toBe(400);
  });

  it('lets a viewer read shifts but not add them or sign anyone up', async () => {
    const shift = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-06T18:00',
      endsAt: '2026-03-06T23:00',
    });
    const viewer = await t.signIn('viewer');
    expect((await t.call(viewer, { method: 'GET', url: '/api/shifts' })).statusCode).toBe(200);
    expect((await t.call(viewer, { method: 'GET', url: '/api/shifts/coverage' })).statusCode).toBe(200);
    expect((await t.call(viewer, { method: 'GET', url: '/api/shifts/templates' })).statusCode).toBe(200);
    const writes = [
      postShift(t, viewer, { siteId, startsAt: '2026-03-06T18:00', endsAt: '2026-03-06T23:00' }),
      t.call(viewer, { method: 'POST', url: `/api/shifts/${shift.id}/signups`, payload: { volunteerId: 1 } }),
      t.call(viewer, { method: 'DELETE', url: `/api/shifts/${shift.id}/signups/1` }),
      t.call(viewer, {
        method: 'POST',
        url: '/api/shifts/templates',
        payload: { siteId, weekday: 1, startTime: '08:00', endTime: '12:00', needed: 1 },
      }),
    ];
    for (const res of await Promise.all(writes)) expect(res.statusCode).toBe(403);
    expect(rows()).toHaveLength(1);
  });
});
