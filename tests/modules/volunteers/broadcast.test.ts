import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addShift, addSite, addVolunteer, auditRows, outbound, signUp, text } from '../../helpers/fixtures';

describe('SMS broadcast to volunteers', () => {
  let t: TestApp;
  let coordinator: string;
  let ana: number;
  let beto: number;
  let caro: number;
  let dora: number;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    ana = (await addVolunteer(t, coordinator, { name: 'Ana', phone: '303-555-0142' })).id;
    beto = (await addVolunteer(t, coordinator, { name: 'Beto', phone: '303-555-0143', smsLanguage: 'es' }))
      .id;
    caro = (await addVolunteer(t, coordinator, { name: 'Caro', phone: '303-555-0144', active: false })).id;
    dora = (await addVolunteer(t, coordinator, { name: 'Dora', phone: '303-555-0145' })).id;
    await text(t, coordinator, '+13035550145', 'STOP');
  });
  afterEach(() => t.close());

  const broadcast = (payload: Record<string, unknown>) =>
    t.call(coordinator, { method: 'POST', url: '/api/sms/broadcast', payload });
  const sent = () => outbound(t, 'broadcast').map((m) => [m.phone, m.body, m.language]);

  it('texts every active volunteer who has not opted out, each in their language', async () => {
    const res = await broadcast({
      body: 'Bus at 9 tonight, who can come?',
      bodyEs: 'Bus a las 9 hoy, quien puede?',
    });
    expect(res.statusCode).toBe(201);
    const result = res.json();
    expect(result).toMatchObject({
      queued: 2,
      skipped: [
        { volunteerId: caro, reason: 'inactive' },
        { volunteerId: dora, reason: 'opted_out' },
      ],
    });
    expect(result.messageIds).toHaveLength(2);
    expect(sent()).toEqual([
      ['+13035550142', 'Bus at 9 tonight, who can come?', 'en'],
      ['+13035550143', 'Bus a las 9 hoy, quien puede?', 'es'],
    ]);
    expect(outbound(t, 'broadcast').map((m) => m.id)).toEqual(result.messageIds);
    expect(auditRows(t, 'sms.broadcast')).toMatchObject([{ changes: { queued: 2, skipped: 2 } }]);
  });

  it('sends the one body to everyone when no Spanish one is given', async () => {
    await broadcast({ body: 'Thank you all' });
    expect(sent().map(([, body]) => body)).toEqual(['Thank you all', 'Thank you all']);
  });

  it('texts only the listed volunteers, naming an unknown id as not found', async () => {
    const res = await broadcast({ body: 'Hi', volunteerIds: [beto, 999, caro, beto] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      queued: 1,
      skipped: [
        { volunteerId: 999, reason: 'not_found' },
        { volunteerId: caro, reason: 'inactive' },
      ],
    });
    expect(sent()).toEqual([['+13035550143', 'Hi', 'es']]);
  });

  it('texts the volunteers signed up for a shift when given shiftId', async () => {
    const site = await addSite(t, coordinator);
    const shift = await addShift(t, coordinator, {
      siteId: site.id,
      startsAt: '2026-03-03T18:00',
      endsAt: '2026-03-03T23:00',
      needed: 3,
    });
    await signUp(t, coordinator, shift.id, beto);
    await signUp(t, coordinator, shift.id, dora);
    const res = await broadcast({ body: 'Shift moved to 19:00', shiftId: shift.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ queued: 1, skipped: [{ volunteerId: dora, reason: 'opted_out' }] });
    expect(sent()).toEqual([['+13035550143', 'Shift moved to 19:00', 'es']]);

    const both = await broadcast({ body: 'Only Ana?', shiftId: shift.id, volunteerIds: [ana, beto] });
    expect(both.json()).toMatchObject({ queued: 1, skipped: [] });

    const unknown = await broadcast({ body: 'Hi', shiftId: 999 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.shiftId']);
  });

  it('holds broadcasts queued at night until quiet hours end', async () => {
    t.clock.set('2026-03-03T05:30:00Z'); // 22:30 in Denver
    coordinator = await t.signIn('coordinator');
    const res = await broadcast({ body: 'Tomorrow 9am at the office' });
    expect(res.statusCode).toBe(201);
    expect(res.json().heldUntil).toBe('2026-03-03T08:00:00-07:00');
    const messages = await t.call(coordinator, {
      method: 'GET',
      url: '/api/sms/messages?direction=outbound',
    });
    const queued = messages.json().items.filter((m: { kind: string }) => m.kind === 'broadcast');
    expect(queued).toHaveLength(2);
    for (const m of queued) expect(m).toMatchObject({ status: 'queued', dueAt: '2026-03-03T08:00:00-07:00' });

    await t.app.services.sms.outbox.flush();
    expect(outbound(t, 'broadcast').map((m) => m.status)).toEqual(['queued', 'queued']);
    t.clock.set('2026-03-03T15:00:00Z');
    await t.app.services.sms.outbox.flush();
    expect(outbound(t, 'broadcast').map((m) => m.status)).toEqual(['delivered', 'delivered']);
  });

  it('sends an urgent broadcast at night at once, and says nothing is held', async () => {
    t.clock.set('2026-03-03T05:30:00Z'); // 22:30 in Denver
    coordinator = await t.signIn('coordinator');
    const res = await broadcast({ body: 'Release at the bus station now, who can come?', urgent: true });
    expect(res.json()).toMatchObject({ queued: 2, heldUntil: null });
    await t.app.services.sms.outbox.flush();
    expect(outbound(t, 'urgent_broadcast').map((m) => m.status)).toEqual(['delivered', 'delivered']);
    expect(auditRows(t, 'sms.broadcast')[0]!.changes).toMatchObject({ urgent: true });
  });

  it.each([
    [{ body: '' }, 'body.body'],
    [{ body: 'x'.repeat(1601) }, 'body.body'],
    [{ body: 'Hi', volunteerIds: [] }, 'body.volunteerIds'],
    [{ body: 'Hi', volunteerIds: Array.from({ length: 10_000 }, (_, i) => i + 1) }, 'body.volunteerIds'],
  ])('refuses %# with 400 naming %s, sending nothing', async (payload, path) => {
    const res = await broadcast(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(sent()).toEqual([]);
  });

  it('is for operators only', async () => {
    const viewer = await t.signIn('viewer');
    const res = await t.call(viewer, { method: 'POST', url: '/api/sms/broadcast', payload: { body: 'Hi' } });
    expect(res.statusCode).toBe(403);
    expect(sent()).toEqual([]);
  });
});
