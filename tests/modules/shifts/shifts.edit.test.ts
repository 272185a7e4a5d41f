import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import {
  addShift,
  addSite,
  addVolunteer,
  auditRows,
  outbound,
  postShift,
  signUp,
} from '../../helpers/fixtures';

// Monday 2026-03-02 08:00 in Denver.
describe('one-off shifts after create', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator, { name: 'Greyhound' })).id;
  });
  afterEach(() => t.close());

  const patch = (id: number, payload: object) =>
    t.call(coordinator, { method: 'PATCH', url: `/api/shifts/${id}`, payload });

  it('refuses a shift that would already be over, naming startsAt', async () => {
    const res = await postShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-01T18:00',
      endsAt: '2026-03-01T22:00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.startsAt', message: 'is in the past: this shift would already be over' },
    ]);
    // One under way is fine: it is entered as it happens.
    expect(
      (await postShift(t, coordinator, { siteId, startsAt: '2026-03-02T07:00', endsAt: '2026-03-02T12:00' }))
        .statusCode,
    ).toBe(201);
  });

  it('moves a shift and texts each signed-up volunteer in their language', async () => {
    const shift = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-03T09:00',
      endsAt: '2026-03-03T12:00',
      needed: 2,
    });
    const ana = await addVolunteer(t, coordinator, { name: 'Ana', phone: '303-555-0142' });
    const beto = await addVolunteer(t, coordinator, {
      name: 'Beto',
      phone: '303-555-0143',
      smsLanguage: 'es',
    });
    await signUp(t, coordinator, shift.id, ana.id);
    await signUp(t, coordinator, shift.id, beto.id);

    const res = await patch(shift.id, {
      startsAt: '2026-03-03T10:00',
      endsAt: '2026-03-03T13:00',
      needed: 3,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ startsAt: '2026-03-03T10:00:00-07:00', needed: 3, filled: 2 });
    expect(outbound(t).map((m) => [m.phone, m.body])).toEqual([
      [
        ana.phone,
        `Bienvenida: shift ${shift.id} at Greyhound now starts Tue Mar 3 10:00. Text DROP ${shift.id} if you cannot come.`,
      ],
      [
        beto.phone,
        `Bienvenida: el turno ${shift.id} en Greyhound ahora empieza mar 3 mar 10:00. Envie DEJAR ${shift.id} si no puede venir.`,
      ],
    ]);
    // More places tells nobody.
    await patch(shift.id, { needed: 4 });
    expect(outbound(t)).toHaveLength(2);
  });

  it('deletes a shift, telling those signed up, and refuses one a weekly template made', async () => {
    const shift = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-04T18:00',
      endsAt: '2026-03-04T22:00',
    });
    const ana = await addVolunteer(t, coordinator, { name: 'Ana', phone: '303-555-0142' });
    await signUp(t, coordinator, shift.id, ana.id);
    const res = await t.call(coordinator, { method: 'DELETE', url: `/api/shifts/${shift.id}` });
    expect(res.json()).toEqual({ told: 1 });
    expect(outbound(t)[0]!.body).toBe(
      `Bienvenida: shift ${shift.id} at Greyhound on Wed Mar 4 18:00 is cancelled. No need to come. Thank you!`,
    );
    expect(
      (await t.call(coordinator, { method: 'GET', url: `/api/shifts?from=2026-03-01&to=2026-03-31` })).json()
        .items,
    ).toEqual([]);
    expect(auditRows(t, 'shift.deleted')).toHaveLength(1);

    const tpl = await t.call(coordinator, {
      method: 'POST',
      url: '/api/shifts/templates',
      payload: { siteId, weekday: 3, startTime: '09:00', endTime: '12:00', needed: 1 },
    });
    expect(tpl.statusCode).toBe(201);
    const made = (
      await t.call(coordinator, { method: 'GET', url: '/api/shifts?from=2026-03-01&to=2026-03-31' })
    ).json().items[0];
    const refused = await t.call(coordinator, { method: 'DELETE', url: `/api/shifts/${made.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('template_shift');
  });
});
