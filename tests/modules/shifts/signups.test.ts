import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shiftSignups } from '../../../db/schema';
import { HOUR } from '../../../server/lib/clock';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import {
  addShift,
  addSite,
  addVolunteer,
  auditRows,
  eventRows,
  screen,
  signUp,
} from '../../helpers/fixtures';

interface CoverageDay {
  date: string;
  needed: number;
  filled: number;
  gaps: number;
  shifts: Array<{ id: number; gap: boolean; filled: number }>;
}

describe('shift signups and coverage', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  let phoneCounter = 0;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator, { name: 'Greyhound' })).id;
  });
  afterEach(() => t.close());

  const volunteer = async (name: string, extra: { active?: boolean } = {}) => {
    phoneCounter += 1;
    return (
      await addVolunteer(t, coordinator, { name, phone: `+1303555${String(200 + phoneCounter)}0`, ...extra })
    ).id;
  };
  const shiftOn = (startsAt: string, endsAt: string, needed: number) =>
    addShift(t, coordinator, { siteId, startsAt, endsAt, needed });
  const cancel = (shiftId: number, volunteerId: number) =>
    t.call(coordinator, { method: 'DELETE', url: `/api/shifts/${shiftId}/signups/${volunteerId}` });
  const coverage = async (query = '?from=2026-03-02&days=14') => {
    const res = await t.call(coordinator, { method: 'GET', url: `/api/shifts/coverage${query}` });
    expect(res.statusCode).toBe(200);
    return res.json().days as CoverageDay[];
  };
  const signupRows = () => t.db.select().from(shiftSignups).all();

  it('signs a volunteer up on the web and takes them off again', async () => {
    const ana = await volunteer('Ana Lopez');
    const shift = await shiftOn('2026-03-03T18:00', '2026-03-03T23:00', 2);
    const res = await signUp(t, coordinator, shift.id, ana);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id: shift.id,
      filled: 1,
      gap: true,
      signups: [{ volunteerId: ana, name: 'Ana Lopez', source: 'web', counts: true, screening: 'missing' }],
    });
    expect(auditRows(t, 'shift.signed_up')).toMatchObject([
      { entityId: shift.id, changes: { volunteerId: ana, source: 'web' } },
    ]);
    expect(eventRows(t, 'shift.signup').map((e) => e.data)).toEqual([
      { shiftId: shift.id, volunteerId: ana },
    ]);

    const off = await cancel(shift.id, ana);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ filled: 0, signups: [] });
    expect(signupRows()).toHaveLength(0);
    expect(auditRows(t, 'shift.signup_cancelled')).toHaveLength(1);
  });

  it('refuses a second signup, a full shift, a shift that is over and a paused volunteer with 409s', async () => {
    const ana = await volunteer('Ana');
    const beto = await volunteer('Beto');
    const paused = await volunteer('Paused', { active: false });
    const one = await shiftOn('2026-03-03T18:00', '2026-03-03T23:00', 1);
    const past = await shiftOn('2026-03-02T05:00', '2026-03-02T07:59', 1);
    expect((await signUp(t, coordinator, one.id, ana)).statusCode).toBe(201);

    const cases: Array<[number, number, string]> = [
      [one.id, ana, 'already_signed_up'],
      [one.id, beto, 'shift_full'],
      [past.id, beto, 'shift_over'],
      [past.id, paused, 'volunteer_inactive'],
    ];
    for (const [shiftId, volunteerId, code] of cases) {
      const res = await signUp(t, coordinator, shiftId, volunteerId);
      expect(res.statusCode, code).toBe(409);
      expect(res.json().error.code).toBe(code);
    }
    expect(signupRows()).toHaveLength(1);
  });

  it('answers 404 for an unknown shift or signup, 400 for an unknown volunteer', async () => {
    const ana = await volunteer('Ana');
    const shift = await shiftOn('2026-03-03T18:00', '2026-03-03T23:00', 1);
    expect((await signUp(t, coordinator, 999, ana)).statusCode).toBe(404);
    expect((await cancel(999, ana)).statusCode).toBe(404);
    const noSignup = await cancel(shift.id, ana);
    expect(noSignup.statusCode).toBe(404);
    expect(noSignup.json().error.code).toBe('not_found');
    const unknown = await signUp(t, coordinator, shift.id, 999);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'body.volunteerId', message: expect.any(String) }]);
    expect(signupRows()).toHaveLength(0);
  });

  it('refuses an isolating volunteer for a shift before their isolation ends, and accepts one after', async () => {
    const ana = await volunteer('Ana');
    expect((await screen(t, coordinator, ana, { symptoms: true })).statusCode).toBe(201);
    const soon = await shiftOn('2026-03-06T18:00', '2026-03-06T22:00', 2);
    const refused = await signUp(t, coordinator, soon.id, ana);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('volunteer_isolating');
    // Isolation lasts ISOLATION_DAYS (10) from 2026-03-02: a shift on the 20th is after it.
    const later = await shiftOn('2026-03-20T18:00', '2026-03-20T22:00', 2);
    expect((await signUp(t, coordinator, later.id, ana)).statusCode).toBe(201);
    expect(signupRows().map((r) => r.shiftId)).toEqual([later.id]);
  });

  it('gives exactly the places needed to volunteers signing up at the same moment', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 8; i += 1) ids.push(await volunteer(`V${i}`));
    const shift = await shiftOn('2026-03-03T18:00', '2026-03-03T23:00', 2);
    const results = await Promise.all(ids.map((id) => signUp(t, coordinator, shift.id, id)));
    const codes = results.map((r) => (r.statusCode === 201 ? 'ok' : r.json().error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(2);
    expect(codes.filter((c) => c === 'shift_full')).toHaveLength(6);
    expect(signupRows()).toHaveLength(2);
    const view = await t.call(coordinator, {
      method: 'GET',
      url: '/api/shifts?from=2026-03-03&to=2026-03-03',
    });
    expect(view.json().items[0]).toMatchObject({ filled: 2, gap: false });
  });

  it('counts places needed and filled per local day over 14 days, with the gaps', async () => {
    const [ana, beto, caro] = [await volunteer('Ana'), await volunteer('Beto'), await volunteer('Caro')];
    const tueEvening = await shiftOn('2026-03-03T18:00', '2026-03-03T23:00', 2);
    const tueNight = await shiftOn('2026-03-03T23:00', '2026-03-04T03:00', 1);
    const dstNight = await shiftOn('2026-03-07T22:00', '2026-03-08T06:00', 3);
    const lastDay = await shiftOn('2026-03-15T10:00', '2026-03-15T12:00', 1);
    await shiftOn('2026-03-16T10:00', '2026-03-16T12:00', 5); // the day after the window
    await signUp(t, coordinator, tueEvening.id, ana);
    await signUp(t, coordinator, tueEvening.id, beto);
    await signUp(t, coordinator, dstNight.id, caro);

    const days = await coverage();
    expect(days.map((d) => d.date)).toEqual(
      Array.from({ length: 14 }, (_, i) => `2026-03-${String(2 + i).padStart(2, '0')}`),
    );
    const summary = Object.fromEntries(
      days
        .filter((d) => d.needed > 0)
        .map((d) => [d.date, [d.needed, d.filled, d.gaps, d.shifts.map((s) => s.id)]]),
    );
    expect(summary).toEqual({
      '2026-03-03': [3, 2, 1, [tueEvening.id, tueNight.id]],
      '2026-03-07': [3, 1, 2, [dstNight.id]],
      '2026-03-15': [1, 0, 1, [lastDay.id]],
    });
    const tuesday = days.find((d) => d.date === '2026-03-03')!;
    expect(tuesday.shifts.map((s) => s.gap)).toEqual([false, true]);

    expect((await coverage('')).length).toBe(14);
    expect((await coverage('?from=2026-03-08&days=1')).map((d) => [d.date, d.needed])).toEqual([
      ['2026-03-08', 0],
    ]);
    for (const bad of ['?days=0', '?days=63', '?from=2026-13-01', '?days=two']) {
      const res = await t.call(coordinator, { method: 'GET', url: `/api/shifts/coverage${bad}` });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it("shows an isolating volunteer's place as a gap, and frees it for someone else", async () => {
    const ana = await volunteer('Ana');
    const beto = await volunteer('Beto');
    const shift = await shiftOn('2026-03-05T18:00', '2026-03-05T23:00', 1);
    await signUp(t, coordinator, shift.id, ana);
    expect((await coverage())[3]).toMatchObject({ date: '2026-03-05', needed: 1, filled: 1, gaps: 0 });

    expect((await screen(t, coordinator, ana, { symptoms: true })).statusCode).toBe(201);
    const view = (await coverage())[3]!;
    expect(view).toMatchObject({ needed: 1, filled: 0, gaps: 1 });
    expect(view.shifts[0]).toMatchObject({
      gap: true,
      filled: 0,
      signups: [{ volunteerId: ana, counts: false, screening: 'isolating' }],
    });

    // Her place is open: Beto can take it even though Ana is still listed.
    expect((await signUp(t, coordinator, shift.id, beto)).statusCode).toBe(201);
    const after = (await coverage())[3]!;
    expect(after).toMatchObject({ needed: 1, filled: 1, gaps: 0 });

    // Back from isolation with two people counting on a one-person shift: coverage never counts past needed.
    t.clock.advance(10 * 24 * HOUR);
    coordinator = await t.signIn('coordinator');
    await screen(t, coordinator, ana, { symptoms: false });
    const shiftView = await t.call(coordinator, {
      method: 'GET',
      url: '/api/shifts?from=2026-03-05&to=2026-03-05',
    });
    expect(shiftView.json().items[0]).toMatchObject({ filled: 2, needed: 1, gap: false });
    expect((await coverage('?from=2026-03-05&days=1'))[0]).toMatchObject({ needed: 1, filled: 1, gaps: 0 });
  });
});
