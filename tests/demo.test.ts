import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../server/demo/seed';
import { buildTestApp, type TestApp } from './helpers/app';

interface ReleaseRead {
  code: string;
  status: string;
  releasedAt: string | null;
  reportedAt: string | null;
  expectedAt: string | null;
}

describe('the demo network', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  const releases = async (status: 'open' | 'closed'): Promise<ReleaseRead[]> => {
    const cookie = await t.signIn('coordinator');
    const res = await t.call(cookie, { method: 'GET', url: `/api/releases?status=${status}` });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };

  it('looks like an evening under way: releases let out at different times in the last hours', async () => {
    const now = t.clock.now().getTime();
    expect(seedDemo(t.app.services, t.clock.now())).toBe(true);
    const open = await releases('open');
    const minutesAgo = (iso: string) => Math.round((now - Date.parse(iso)) / 60_000);

    const released = open.filter((r) => r.releasedAt !== null).map((r) => minutesAgo(r.releasedAt!));
    expect(new Set(released).size).toBe(released.length);
    expect(released.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...released)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...released)).toBeGreaterThanOrEqual(120);
    expect(Math.max(...released)).toBeLessThanOrEqual(6 * 60);
    // Logged after the release, as happens in the field, and one still expected later tonight.
    for (const r of open.filter((x) => x.releasedAt))
      expect(Date.parse(r.reportedAt!)).toBeGreaterThan(Date.parse(r.releasedAt!));
    expect(open.filter((r) => r.status === 'expected' && Date.parse(r.expectedAt!) > now)).toHaveLength(1);
    expect((await releases('closed')).map((r) => r.status)).toEqual(['closed']);
  });

  it('has someone on medical call the moment it opens, and stock with weeks of hand-outs behind it', async () => {
    // 03:00 in Denver: before the day's 08:00 handoff.
    t.clock.set('2026-03-02T10:00:00Z');
    expect(seedDemo(t.app.services, t.clock.now())).toBe(true);
    const cookie = await t.signIn('coordinator');
    const oncall = (await t.call(cookie, { method: 'GET', url: '/api/medical/oncall' })).json();
    expect(oncall.primary).not.toBeNull();
    expect(oncall.backup).not.toBeNull();
    const gaps = (await t.call(cookie, { method: 'GET', url: '/api/medical/schedules' })).json().gaps;
    expect(gaps.length).toBeGreaterThanOrEqual(1);
    const forecast = (await t.call(cookie, { method: 'GET', url: '/api/supplies/forecast' })).json().items;
    expect(forecast.some((f: { perDay: number }) => f.perDay > 0)).toBe(true);
  });

  it.each([
    ['late at night', '2026-03-02T10:00:00Z'],
    ['in the evening', '2026-03-03T02:00:00Z'],
    ['in the afternoon', '2026-03-02T21:00:00Z'],
  ])('has someone on the departures board the moment it opens, %s', async (_, at) => {
    t.clock.set(at);
    expect(seedDemo(t.app.services, t.clock.now())).toBe(true);
    const cookie = await t.signIn('coordinator');
    const board = (await t.call(cookie, { method: 'GET', url: '/api/itineraries' })).json();
    const leaving = board.days.flatMap((d: { sites: { itineraries: unknown[] }[] }) =>
      d.sites.flatMap((s) => s.itineraries),
    );
    expect(leaving.length).toBeGreaterThanOrEqual(1);
  });
});
