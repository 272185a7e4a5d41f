import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { volunteers } from '../../../db/schema';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addVolunteer, auditRows, screen, text } from '../../helpers/fixtures';

const paths = (res: { json(): { error: { details: Array<{ path: string }> } } }) =>
  res.json().error.details.map((d) => d.path);

describe('volunteers API', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const rows = () => t.db.select().from(volunteers).all();
  const post = (payload: Record<string, unknown>) =>
    t.call(coordinator, { method: 'POST', url: '/api/volunteers', payload });
  const patch = (id: number, payload: Record<string, unknown>) =>
    t.call(coordinator, { method: 'PATCH', url: `/api/volunteers/${id}`, payload });
  const get = (id: number) => t.call(coordinator, { method: 'GET', url: `/api/volunteers/${id}` });
  const list = async (query = '') => {
    const res = await t.call(coordinator, { method: 'GET', url: `/api/volunteers${query}` });
    expect(res.statusCode).toBe(200);
    return (res.json().items as Array<{ id: number }>).map((v) => v.id);
  };

  it.each(['(303) 555-0142', '303.555.0142', '+1 303 555 0142'])(
    'stores %s as +13035550142, with the defaults and a missing screen',
    async (phone) => {
      const res = await post({ name: 'Ana Lopez', phone });
      expect(res.statusCode).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({
        name: 'Ana Lopez',
        phone: '+13035550142',
        languages: [],
        skills: [],
        highRisk: false,
        active: true,
        smsLanguage: 'en',
        optedOut: false,
        createdAt: '2026-03-02T08:00:00-07:00',
        screening: { state: 'missing', until: null, lastScreenedAt: null },
      });
      expect(rows().map((r) => r.phone)).toEqual(['+13035550142']);
      expect((await get(created.id)).json()).toEqual(created);
    },
  );

  it.each(['555-0142', '12345', 'not a phone', '+1 303 555 01'])(
    'refuses the phone %s with 400 naming body.phone, and writes nothing',
    async (phone) => {
      const res = await post({ name: 'Ana Lopez', phone });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(paths(res)).toEqual(['body.phone']);
      expect(rows()).toHaveLength(0);
      expect(auditRows(t, 'volunteer.created')).toHaveLength(0);
    },
  );

  it('refuses a phone already on the roster, written another way, with 409 duplicate_phone', async () => {
    const first = await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '(303) 555-0142' });
    const res = await post({ name: 'Someone Else', phone: '1-303-555-0142' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'duplicate_phone', details: [{ path: 'phone' }] });
    expect(rows().map((r) => r.id)).toEqual([first.id]);
    expect(auditRows(t, 'volunteer.created')).toHaveLength(1);
  });

  it('stores languages as codes, whatever the name typed, keeps unknown names as written, without repeats', async () => {
    const v = await addVolunteer(t, coordinator, {
      phone: '303-555-0142',
      languages: ['ES', "K'iche'", 'Spanish', 'en-US', 'quiché', 'Kreyòl', 'Tagalog', 'tagalog'],
    });
    expect(v).toMatchObject({ languages: ['es', 'quc', 'en-us', 'ht', 'Tagalog'] });
  });

  it.each([
    [{ phone: '3035550142', skills: ['juggler'] }, 'body.skills.0'],
    [{ phone: '3035550142', languages: ['<script>'] }, 'body.languages.0'],
    [{ phone: '3035550142', languages: Array.from({ length: 10_000 }, () => 'es') }, 'body.languages'],
    [{ phone: '3035550142', skills: Array.from({ length: 10_000 }, () => 'driver') }, 'body.skills'],
    [{ phone: '3035550142', name: 'x'.repeat(100_000) }, 'body.name'],
    [{ phone: '3'.repeat(100_000) }, 'body.phone'],
    [{ phone: '3035550142', name: '   ' }, 'body.name'],
    [{ phone: '3035550142', highRisk: 'yes' }, 'body.highRisk'],
    [{ phone: '3035550142', smsLanguage: 'fr' }, 'body.smsLanguage'],
  ])('refuses %# with 400 naming %s, and writes nothing', async (body, path) => {
    const res = await post({ name: 'Ana Lopez', ...body });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toContain(path);
    expect(rows()).toHaveLength(0);
  });

  it('audits the creation without the phone number', async () => {
    const v = await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' });
    const lines = auditRows(t, 'volunteer.created');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ entity: 'volunteer', entityId: v.id, changes: { name: 'Ana Lopez' } });
    expect(JSON.stringify(lines[0])).not.toContain('5550142');
  });

  it('pauses a volunteer and leaves every field the patch did not send as it was', async () => {
    const v = await addVolunteer(t, coordinator, {
      phone: '303-555-0142',
      languages: ['es', "K'iche'"],
      skills: ['driver', 'interpreter'],
      highRisk: true,
      smsLanguage: 'es',
    });
    const res = await patch(v.id, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      active: false,
      languages: ['es', 'quc'],
      skills: ['driver', 'interpreter'],
      highRisk: true,
      smsLanguage: 'es',
      phone: '+13035550142',
    });
    expect(rows()[0]).toMatchObject({ active: false, highRisk: true, smsLanguage: 'es' });
    const lines = auditRows(t, 'volunteer.updated');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.changes).toEqual({ active: false });
  });

  it('changes the phone (normalised), auditing that it changed but not to what', async () => {
    const v = await addVolunteer(t, coordinator, { phone: '303-555-0142' });
    const res = await patch(v.id, { phone: '(720) 555-0199' });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('+17205550199');
    const lines = auditRows(t, 'volunteer.updated');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.changes).toEqual({ phone: '[changed]' });
    expect(JSON.stringify(lines[0])).not.toMatch(/5550199|5550142/);
  });

  it('refuses a patch to another volunteer phone with 409 and changes nothing', async () => {
    const ana = await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' });
    await addVolunteer(t, coordinator, { name: 'Beto Ruiz', phone: '303-555-0143' });
    const res = await patch(ana.id, { phone: '+1 (303) 555-0143', name: 'Ana M. Lopez' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('duplicate_phone');
    expect((await get(ana.id)).json()).toMatchObject({ name: 'Ana Lopez', phone: '+13035550142' });
    expect(auditRows(t, 'volunteer.updated')).toHaveLength(0);
  });

  it('refuses an empty patch (or one with only unknown fields) with 400', async () => {
    const v = await addVolunteer(t, coordinator, { phone: '303-555-0142', languages: ['es'] });
    for (const body of [{}, { color: 'blue' }]) {
      const res = await patch(v.id, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation');
    }
    expect(rows()[0]!.languages).toEqual(['es']);
    expect(auditRows(t, 'volunteer.updated')).toHaveLength(0);
  });

  it('answers 404 for a volunteer that does not exist', async () => {
    expect((await get(999)).statusCode).toBe(404);
    const res = await patch(999, { active: false });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('shows optedOut once the number texts STOP, and not after START', async () => {
    const v = await addVolunteer(t, coordinator, { phone: '303-555-0142' });
    await text(t, coordinator, '+13035550142', 'STOP');
    expect((await get(v.id)).json().optedOut).toBe(true);
    await text(t, coordinator, '+13035550142', 'START');
    expect((await get(v.id)).json().optedOut).toBe(false);
  });

  it('filters the roster by text, language, skill, active and screening state', async () => {
    const ana = await addVolunteer(t, coordinator, {
      name: 'Ana Lopez',
      phone: '303-555-0142',
      languages: ['es', 'en'],
      skills: ['driver'],
    });
    const beto = await addVolunteer(t, coordinator, {
      name: 'Beto Ruiz',
      phone: '303-555-0143',
      languages: ["K'iche'", 'es'],
      skills: ['interpreter'],
    });
    const caro = await addVolunteer(t, coordinator, {
      name: 'Carolina Paz',
      phone: '720-555-0144',
      languages: ['en'],
      active: false,
    });
    expect(await screen(t, coordinator, ana.id, { symptoms: false })).toMatchObject({ statusCode: 201 });
    expect(await screen(t, coordinator, beto.id, { symptoms: true })).toMatchObject({ statusCode: 201 });

    // The roster is ordered by name.
    expect(await list()).toEqual([ana.id, beto.id, caro.id]);
    expect(await list('?q=lopez')).toEqual([ana.id]);
    expect(await list('?q=720555')).toEqual([caro.id]);
    expect(await list('?language=ES')).toEqual([ana.id, beto.id]);
    expect(await list(`?language=${encodeURIComponent("k'iche'")}`)).toEqual([beto.id]);
    expect(await list('?skill=interpreter')).toEqual([beto.id]);
    expect(await list('?active=true')).toEqual([ana.id, beto.id]);
    expect(await list('?active=false')).toEqual([caro.id]);
    expect(await list('?screening=clear')).toEqual([ana.id]);
    expect(await list('?screening=isolating')).toEqual([beto.id]);
    expect(await list('?screening=missing')).toEqual([caro.id]);
    expect(await list('?language=es&skill=driver&screening=clear')).toEqual([ana.id]);

    for (const bad of ['?skill=juggler', '?active=maybe', '?screening=sick']) {
      const res = await t.call(coordinator, { method: 'GET', url: `/api/volunteers${bad}` });
      expect(res.statusCode).toBe(400);
    }
  });

  it('keeps the roster list true after every kind of change, and judges screening states at the time of asking', async () => {
    const rosterOf = async () =>
      (await t.call(coordinator, { method: 'GET', url: '/api/volunteers' })).json().items as {
        id: number;
        name: string;
        screening: { state: string };
      }[];
    const ana = await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' });
    expect((await rosterOf()).map((v) => v.screening.state)).toEqual(['missing']);
    await screen(t, coordinator, ana.id, { symptoms: false });
    expect((await rosterOf())[0]?.screening.state).toBe('clear');
    // Nothing is written when a screen grows old: the list must see the time pass by itself.
    t.clock.advance(8 * 24 * 3_600_000);
    coordinator = await t.signIn('coordinator');
    expect((await rosterOf())[0]?.screening.state).toBe('missing');
    await screen(t, coordinator, ana.id, { symptoms: true });
    expect((await rosterOf())[0]?.screening.state).toBe('isolating');
    await t.call(coordinator, {
      method: 'PATCH',
      url: `/api/volunteers/${ana.id}`,
      payload: { name: 'Ana María' },
    });
    expect((await rosterOf()).map((v) => v.name)).toEqual(['Ana María']);
    const beto = await addVolunteer(t, coordinator, { name: 'Beto Ruiz', phone: '303-555-0143' });
    expect((await rosterOf()).map((v) => v.id)).toEqual([ana.id, beto.id]);
    await t.call(coordinator, { method: 'DELETE', url: `/api/volunteers/${ana.id}` });
    expect((await rosterOf()).map((v) => v.id)).toEqual([beto.id]);
  });

  it('counts active and available volunteers for the overview, without the roster, for every role', async () => {
    const ana = await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' });
    await addVolunteer(t, coordinator, { name: 'Beto Ruiz', phone: '303-555-0143' });
    await addVolunteer(t, coordinator, { name: 'Caro Paz', phone: '303-555-0144' });
    await addVolunteer(t, coordinator, { name: 'Dani Sol', phone: '303-555-0145', active: false });
    await screen(t, coordinator, ana.id, { symptoms: true });
    await text(t, coordinator, '+13035550143', 'STOP');
    const viewer = await t.signIn('viewer');
    const res = await t.call(viewer, { method: 'GET', url: '/api/volunteers/counts' });
    expect(res.statusCode).toBe(200);
    // Four volunteers, one paused: three active; Ana isolating and Beto opted out leave one to text.
    expect(res.json()).toEqual({ active: 3, available: 1 });
    expect(res.body).not.toMatch(/Ana|Beto|555/);
  });

  it('lets a viewer read the roster but not change it', async () => {
    const v = await addVolunteer(t, coordinator, { phone: '303-555-0142' });
    const viewer = await t.signIn('viewer');
    expect((await t.call(viewer, { method: 'GET', url: '/api/volunteers' })).statusCode).toBe(200);
    expect((await t.call(viewer, { method: 'GET', url: `/api/volunteers/${v.id}` })).statusCode).toBe(200);
    const writes = [
      { method: 'POST' as const, url: '/api/volunteers', payload: { name: 'X', phone: '303-555-0150' } },
      { method: 'PATCH' as const, url: `/api/volunteers/${v.id}`, payload: { active: false } },
      { method: 'POST' as const, url: `/api/volunteers/${v.id}/screenings`, payload: { symptoms: false } },
      {
        method: 'POST' as const,
        url: '/api/volunteers/import',
        payload: 'name,phone\nX,303-555-0150\n',
        headers: { 'content-type': 'text/csv' },
      },
    ];
    for (const req of writes) {
      const res = await t.call(viewer, req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const medical = await t.signIn('medical');
    expect((await t.call(medical, writes[0]!)).statusCode).toBe(403);
    expect((await t.call(null, { method: 'GET', url: '/api/volunteers' })).statusCode).toBe(401);
    expect(rows()).toHaveLength(1);
    expect(rows()[0]!.active).toBe(true);
  });
});
