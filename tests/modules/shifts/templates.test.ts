import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shifts } from '../../../db/schema';
import { DAY } from '../../../server/lib/clock';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addSite, type ShiftView, shiftHours } from '../../helpers/fixtures';

describe('weekly shift templates', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  beforeEach(async () => {
    // Monday 2026-03-02 08:00 in Denver; the clocks spring forward on Sunday 2026-03-08.
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator, { name: 'Greyhound' })).id;
  });
  afterEach(() => t.close());

  const template = (body: Record<string, unknown>) =>
    t.call(coordinator, {
      method: 'POST',
      url: '/api/shifts/templates',
      payload: { siteId, needed: 2, ...body },
    });
  const listed = async (from = '2026-03-01', to = '2026-03-31'): Promise<ShiftView[]> => {
    const res = await t.call(coordinator, { method: 'GET', url: `/api/shifts?from=${from}&to=${to}` });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const times = (items: ShiftView[]) => items.map((s) => [s.startsAt, s.endsAt]);

  it('makes the next 14 days of a weekly template at the same local time on both sides of DST', async () => {
    const res = await template({ weekday: 5, startTime: '18:00', endTime: '23:00', role: 'greeter' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(Number),
      siteId,
      weekday: 5,
      startTime: '18:00',
      endTime: '23:00',
      role: 'greeter',
      needed: 2,
      active: true,
    });
    const items = await listed();
    expect(times(items)).toEqual([
      ['2026-03-06T18:00:00-07:00', '2026-03-06T23:00:00-07:00'],
      ['2026-03-13T18:00:00-06:00', '2026-03-13T23:00:00-06:00'],
    ]);
    for (const s of items) expect(s).toMatchObject({ templateId: created.id, role: 'greeter', needed: 2 });

    const again = await t.call(coordinator, { method: 'GET', url: '/api/shifts/templates' });
    expect(again.json().items).toEqual([created]);
  });

  it('adds nothing when materialised again, by hand or by the daily job', async () => {
    await template({ weekday: 5, startTime: '18:00', endTime: '23:00' });
    const before = t.db.select().from(shifts).all();
    expect(before).toHaveLength(2);
    expect(t.app.services.shifts.templates.materialize()).toBe(0);
    t.app.core.scheduler.ensureRecurring();
    await t.app.core.scheduler.runDue();
    expect(t.db.select().from(shifts).all()).toEqual(before);
  });

  it('adds the next week as the days go by, without repeating the ones it made', async () => {
    await template({ weekday: 5, startTime: '18:00', endTime: '23:00' });
    t.app.core.scheduler.ensureRecurring();
    await t.app.core.scheduler.runDue();
    t.clock.advance(7 * DAY);
    await t.app.core.scheduler.runDue();
    coordinator = await t.signIn('coordinator');
    expect((await listed()).map((s) => s.startsAt)).toEqual([
      '2026-03-06T18:00:00-07:00',
      '2026-03-13T18:00:00-06:00',
      '2026-03-20T18:00:00-06:00',
    ]);
  });

  it('pauses a template: no new shifts after that, the ones made stay; resuming makes them again', async () => {
    const made = (await template({ weekday: 5, startTime: '18:00', endTime: '23:00' })).json();
    const pause = (active: boolean) =>
      t.call(coordinator, { method: 'PATCH', url: `/api/shifts/templates/${made.id}`, payload: { active } });
    const paused = await pause(false);
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ id: made.id, active: false });
    t.app.core.scheduler.ensureRecurring();
    t.clock.advance(7 * DAY);
    await t.app.core.scheduler.runDue();
    coordinator = await t.signIn('coordinator');
    expect((await listed()).map((s) => s.startsAt)).toEqual([
      '2026-03-06T18:00:00-07:00',
      '2026-03-13T18:00:00-06:00',
    ]);

    expect((await pause(true)).json().active).toBe(true);
    expect((await listed()).map((s) => s.startsAt)).toEqual([
      '2026-03-06T18:00:00-07:00',
      '2026-03-13T18:00:00-06:00',
      '2026-03-20T18:00:00-06:00',
    ]);
    const bad = await t.call(coordinator, {
      method: 'PATCH',
      url: `/api/shifts/templates/${made.id}`,
      payload: {},
    });
    expect(bad.statusCode).toBe(400);
    const missing = await t.call(coordinator, {
      method: 'PATCH',
      url: '/api/shifts/templates/999',
      payload: { active: false },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('gives a Saturday 22:00-06:00 template the right instants over the spring-forward night', async () => {
    expect((await template({ weekday: 6, startTime: '22:00', endTime: '06:00' })).statusCode).toBe(201);
    const items = await listed();
    expect(times(items)).toEqual([
      ['2026-03-07T22:00:00-07:00', '2026-03-08T06:00:00-06:00'],
      ['2026-03-14T22:00:00-06:00', '2026-03-15T06:00:00-06:00'],
    ]);
    expect(items.map(shiftHours)).toEqual([7, 8]);
    expect(items.map((s) => s.date)).toEqual(['2026-03-07', '2026-03-14']);
  });

  it('moves a 02:30 start on the spring-forward Sunday to 03:30, the next time that exists', async () => {
    expect((await template({ weekday: 7, startTime: '02:30', endTime: '06:00' })).statusCode).toBe(201);
    const items = await listed();
    expect(times(items)).toEqual([
      ['2026-03-08T03:30:00-06:00', '2026-03-08T06:00:00-06:00'],
      ['2026-03-15T02:30:00-06:00', '2026-03-15T06:00:00-06:00'],
    ]);
    expect(items.map(shiftHours)).toEqual([2.5, 3.5]);
    expect(items.map((s) => s.date)).toEqual(['2026-03-08', '2026-03-15']);
  });

  it("does not make today's occurrence once it is over", async () => {
    // Monday 07:00-07:30 has already ended at 08:00.
    await template({ weekday: 1, startTime: '07:00', endTime: '07:30' });
    expect((await listed()).map((s) => s.date)).toEqual(['2026-03-09']);
  });

  it.each([
    [{ weekday: 0, startTime: '08:00', endTime: '12:00' }, 'body.weekday'],
    [{ weekday: 8, startTime: '08:00', endTime: '12:00' }, 'body.weekday'],
    [{ weekday: 1, startTime: '24:00', endTime: '12:00' }, 'body.startTime'],
    [{ weekday: 1, startTime: '8:00', endTime: '12:00' }, 'body.startTime'],
    [{ weekday: 1, startTime: '08:00', endTime: 'noon' }, 'body.endTime'],
    [{ weekday: 1, startTime: '08:00', endTime: '12:00', siteId: 999 }, 'body.siteId'],
    [{ weekday: 1, startTime: '08:00', endTime: '12:00', needed: 0 }, 'body.needed'],
  ])('refuses %j naming %s, making nothing', async (body, path) => {
    const res = await template(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(t.db.select().from(shifts).all()).toHaveLength(0);
    expect((await t.call(coordinator, { method: 'GET', url: '/api/shifts/templates' })).json().items).toEqual(
      [],
    );
  });
});
