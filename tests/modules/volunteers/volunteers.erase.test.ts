import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screenings, shiftSignups, volunteers } from '../../../db/schema';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addShift, addSite, addVolunteer, auditRows, screen, signUp, text } from '../../helpers/fixtures';

describe('erasing a volunteer', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('erases name, phone, languages and screens, frees future shifts, and keeps the shifts worked', async () => {
    const siteId = (await addSite(t, coordinator)).id;
    const worked = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-02T07:00',
      endsAt: '2026-03-02T12:00',
    });
    const coming = await addShift(t, coordinator, {
      siteId,
      startsAt: '2026-03-05T09:00',
      endsAt: '2026-03-05T12:00',
    });
    const ana = await addVolunteer(t, coordinator, {
      name: 'Ana Lopez',
      phone: '303-555-0142',
      languages: ['es'],
    });
    await screen(t, coordinator, ana.id, { symptoms: false });
    await signUp(t, coordinator, worked.id, ana.id);
    await signUp(t, coordinator, coming.id, ana.id);

    const res = await t.call(coordinator, { method: 'DELETE', url: `/api/volunteers/${ana.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: ana.id, erased: true });

    const [row] = t.db.select().from(volunteers).all();
    expect(row).toMatchObject({ name: '', languages: [], skills: [], active: false });
    expect(JSON.stringify(row)).not.toContain('5550142');
    expect(t.db.select().from(screenings).all()).toEqual([]);
    expect(
      t.db
        .select()
        .from(shiftSignups)
        .all()
        .map((s) => s.shiftId),
    ).toEqual([worked.id]);
    expect(JSON.stringify(auditRows(t, 'volunteer.erased'))).not.toContain('Ana');

    expect((await t.call(coordinator, { method: 'GET', url: '/api/volunteers' })).json().items).toEqual([]);
    expect((await t.call(coordinator, { method: 'GET', url: `/api/volunteers/${ana.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await t.call(coordinator, { method: 'DELETE', url: `/api/volunteers/${ana.id}` })).statusCode,
    ).toBe(404);
    // Her number is a stranger's now: it gets the help text, not her shifts.
    const { replies } = await text(t, coordinator, '+13035550142', 'STATUS');
    expect(replies[0]!.body).toMatch(/^Bienvenida: YES\/NO/);
    // And the number may join again.
    expect((await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' })).id).not.toBe(
      ana.id,
    );
  });

  it('finds volunteers by a language typed as a name', async () => {
    await addVolunteer(t, coordinator, { name: 'Ana', phone: '303-555-0142', languages: ['es'] });
    await addVolunteer(t, coordinator, { name: 'Beto', phone: '303-555-0143', languages: ['Mam'] });
    const find = async (language: string) =>
      (
        await t.call(coordinator, {
          method: 'GET',
          url: `/api/volunteers?language=${encodeURIComponent(language)}`,
        })
      )
        .json()
        .items.map((v: { name: string }) => v.name);
    expect(await find('Spanish')).toEqual(['Ana']);
    expect(await find('español')).toEqual(['Ana']);
    expect(await find('mam')).toEqual(['Beto']);
  });
});
