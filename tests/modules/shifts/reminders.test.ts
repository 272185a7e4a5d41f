import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screenings } from '../../../db/schema';
import { FakeClock, HOUR, MINUTE } from '../../../server/lib/clock';
import { buildRosterApp, type TestApp, withAppOn } from '../../helpers/app';
import {
  addShift,
  addSite,
  addVolunteer,
  auditRows,
  jobRows,
  outbound,
  signUp,
} from '../../helpers/fixtures';

const LINK = /http:\/\/localhost:3000\/screen\?t=([A-Za-z0-9_-]+)/;

describe('shift reminders', () => {
  let t: TestApp;
  let coordinator: string;
  let siteId: number;
  let ana: number;
  // Monday 2026-03-02 08:00 in Denver.
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
    siteId = (await addSite(t, coordinator, { name: 'Greyhound' })).id;
    ana = (await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' })).id;
  });
  afterEach(() => t.close());

  const shiftOn = (startsAt: string, endsAt: string) =>
    addShift(t, coordinator, { siteId, startsAt, endsAt, needed: 3 });
  const reminders = () => outbound(t, 'reminder');
  const runAt = async (at: string) => {
    t.clock.set(at);
    await t.app.core.scheduler.runDue();
  };
  const tokenOf = (body: string) => {
    const match = LINK.exec(body);
    if (!match) throw new Error(`no screening link in ${body}`);
    return match[1]!;
  };
  const link = (url: string, payload: Record<string, unknown>) =>
    t.call(null, { method: 'POST', url, payload });

  it('is due SHIFT_REMINDER_HOURS before the start and goes exactly once, with a screening link', async () => {
    const shift = await shiftOn('2026-03-03T18:00', '2026-03-03T23:00');
    expect((await signUp(t, coordinator, shift.id, ana)).statusCode).toBe(201);
    const jobs = jobRows(t, 'shift.reminder');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.dueAt.toISOString()).toBe('2026-03-03T22:00:00.000Z'); // 15:00 in Denver
    expect(jobs[0]!.payload).toEqual({ shiftId: shift.id, volunteerId: ana });

    await runAt('2026-03-03T21:59:00Z');
    expect(reminders()).toHaveLength(0);
    await runAt('2026-03-03T22:00:00Z');
    await t.app.core.scheduler.runDue();
    expect(reminders()).toHaveLength(1);
    const [reminder] = reminders();
    expect(reminder).toMatchObject({
      phone: '+13035550142',
      kind: 'reminder',
      language: 'en',
      relatedType: 'shift',
      relatedId: shift.id,
      dueAt: null,
    });
    expect(reminder!.body).toBe(
      `Bienvenida: your shift at Greyhound starts Tue Mar 3 18:00. Please screen today: ` +
        `http://localhost:3000/screen?t=${tokenOf(reminder!.body)} or text WELL or SICK.`,
    );
    expect(auditRows(t, 'shift.reminded')).toMatchObject([
      { entityId: shift.id, changes: { volunteerId: ana } },
    ]);

    t.clock.advance(HOUR);
    await t.app.core.scheduler.runDue();
    expect(reminders()).toHaveLength(1);
  });

  it('reminds in the volunteer language', async () => {
    const beto = await addVolunteer(t, coordinator, {
      name: 'Beto Ruiz',
      phone: '303-555-0143',
      smsLanguage: 'es',
    });
    const shift = await shiftOn('2026-03-04T18:00', '2026-03-04T23:00');
    await signUp(t, coordinator, shift.id, beto.id);
    await runAt('2026-03-04T22:00:00Z');
    const [reminder] = reminders();
    expect(reminder).toMatchObject({ language: 'es' });
    expect(reminder!.body).toMatch(
      /^Bienvenida: su turno en Greyhound empieza mie 4 mar 18:00\. Haga su chequeo de hoy: \S+ o envie BIEN o ENFERMO\.$/,
    );
  });

  it('sends nothing for a signup that was cancelled, or a volunteer paused since', async () => {
    const beto = (await addVolunteer(t, coordinator, { name: 'Beto', phone: '303-555-0143' })).id;
    const shift = await shiftOn('2026-03-03T18:00', '2026-03-03T23:00');
    await signUp(t, coordinator, shift.id, ana);
    await signUp(t, coordinator, shift.id, beto);
    const off = await t.call(coordinator, {
      method: 'DELETE',
      url: `/api/shifts/${shift.id}/signups/${ana}`,
    });
    expect(off.statusCode).toBe(200);
    await t.call(coordinator, {
      method: 'PATCH',
      url: `/api/volunteers/${beto}`,
      payload: { active: false },
    });
    await runAt('2026-03-03T22:30:00Z');
    expect(reminders()).toHaveLength(0);
    expect(jobRows(t, 'shift.reminder').every((j) => j.doneAt !== null)).toBe(true);
  });

  it('sends one reminder to a volunteer who cancelled and signed up again', async () => {
    const shift = await shiftOn('2026-03-03T18:00', '2026-03-03T23:00');
    await signUp(t, coordinator, shift.id, ana);
    await t.call(coordinator, { method: 'DELETE', url: `/api/shifts/${shift.id}/signups/${ana}` });
    await signUp(t, coordinator, shift.id, ana);
    await runAt('2026-03-03T22:30:00Z');
    expect(reminders()).toHaveLength(1);
  });

  it('is due at once for a signup made inside the lead time', async () => {
    const shift = await shiftOn('2026-03-02T10:00', '2026-03-02T12:00');
    await signUp(t, coordinator, shift.id, ana);
    expect(jobRows(t, 'shift.reminder')[0]!.dueAt.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    await t.app.core.scheduler.runDue();
    expect(reminders()).toHaveLength(1);
  });

  it('comes the evening before, at 20:59, when the lead time falls in quiet hours', async () => {
    const shift = await shiftOn('2026-03-05T06:00', '2026-03-05T10:00');
    await signUp(t, coordinator, shift.id, ana);
    // 03:00 would be quiet (21:00-08:00): the last minute before the night began.
    expect(jobRows(t, 'shift.reminder')[0]!.dueAt.toISOString()).toBe('2026-03-05T03:59:00.000Z');
    await runAt('2026-03-05T03:58:00Z');
    expect(reminders()).toHaveLength(0);
    await runAt('2026-03-05T03:59:00Z');
    expect(reminders()).toMatchObject([{ dueAt: null }]);
    await t.app.services.sms.outbox.flush();
    expect(reminders()).toMatchObject([{ status: 'delivered' }]);
  });

  it('sends none when quiet hours would hold it past the start (a signup at 22:00 for 06:00)', async () => {
    const shift = await shiftOn('2026-03-05T06:00', '2026-03-05T10:00');
    t.clock.set('2026-03-05T05:00:00Z'); // 22:00 in Denver
    coordinator = await t.signIn('coordinator');
    expect((await signUp(t, coordinator, shift.id, ana)).statusCode).toBe(201);
    await t.app.core.scheduler.runDue();
    await runAt('2026-03-05T15:00:00Z');
    expect(reminders()).toHaveLength(0);
  });

  it('opens the screening form through its link until the shift ends', async () => {
    const shift = await shiftOn('2026-03-03T18:00', '2026-03-03T23:00');
    await signUp(t, coordinator, shift.id, ana);
    await runAt('2026-03-03T22:00:00Z');
    const token = tokenOf(reminders()[0]!.body);

    const check = await link('/api/screening/link/check', { token });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({
      firstName: 'Ana',
      language: 'en',
      expiresAt: '2026-03-03T23:00:00-07:00',
    });

    const done = await link('/api/screening/link', { token, symptoms: false });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toEqual({ result: 'clear', state: 'clear', until: '2026-03-04T15:00:00-07:00' });
    expect(t.db.select().from(screenings).all()).toMatchObject([
      { volunteerId: ana, source: 'link', result: 'clear' },
    ]);
    expect(auditRows(t, 'screening.clear')[0]!.actor).toBe(`screening-link:volunteer:${ana}`);

    // The link works once: whoever else saw it cannot file a second screen for Ana.
    for (const url of ['/api/screening/link/check', '/api/screening/link']) {
      const again = await link(url, { token, symptoms: true, exposure: true });
      expect(again.statusCode, url).toBe(409);
      expect(again.json().error.code).toBe('link_used');
    }

    t.clock.set('2026-03-04T06:00:00Z'); // 23:00 in Denver: the shift is over
    for (const url of ['/api/screening/link/check', '/api/screening/link']) {
      const res = await link(url, { token, symptoms: false });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect(t.db.select().from(screenings).all()).toHaveLength(1);
  });

  it('never shows the link token in the SMS log, to any role', async () => {
    const shift = await shiftOn('2026-03-03T18:00', '2026-03-03T23:00');
    await signUp(t, coordinator, shift.id, ana);
    await runAt('2026-03-03T22:00:00Z');
    const token = tokenOf(reminders()[0]!.body);
    for (const role of ['admin', 'coordinator', 'medical', 'viewer'] as const) {
      const res = await t.call(await t.signIn(role), { method: 'GET', url: '/api/sms/messages' });
      const reminder = res.json().items.find((m: { kind: string }) => m.kind === 'reminder');
      expect(reminder, role).toBeDefined();
      expect(res.body, role).not.toContain(token);
      if (reminder.body !== null) expect(reminder.body).toContain('/screen?t=[hidden]');
    }
  });

  it('refuses a made-up token with 404 and a malformed one with 400', async () => {
    const madeUp = await link('/api/screening/link/check', { token: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(madeUp.statusCode).toBe(404);
    const post = await link('/api/screening/link', { token: 'AAAAAAAAAAAAAAAAAAAAAA', symptoms: true });
    expect(post.statusCode).toBe(404);
    for (const token of ['short', 'x'.repeat(101)]) {
      expect((await link('/api/screening/link/check', { token })).statusCode).toBe(400);
    }
    expect(t.db.select().from(screenings).all()).toHaveLength(0);
  });
});

describe('shift reminder settings', () => {
  it.each([
    ['5', '2026-03-03T20:00:00.000Z'],
    ['0', null],
  ])('SHIFT_REMINDER_HOURS=%s schedules the reminder at %s', async (hours, due) => {
    const t = await buildRosterApp({ env: { SHIFT_REMINDER_HOURS: hours } });
    try {
      const coordinator = await t.signIn('coordinator');
      const site = await addSite(t, coordinator);
      const v = await addVolunteer(t, coordinator, { phone: '303-555-0142' });
      const shift = await addShift(t, coordinator, {
        siteId: site.id,
        startsAt: '2026-03-03T18:00',
        endsAt: '2026-03-03T23:00',
      });
      await signUp(t, coordinator, shift.id, v.id);
      expect(jobRows(t, 'shift.reminder').map((j) => j.dueAt.toISOString())).toEqual(due ? [due] : []);
    } finally {
      await t.close();
    }
  });
});

describe('shift reminders across a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-reminders-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const withApp = <T>(file: string, clock: FakeClock, fn: (t: TestApp) => Promise<T>) =>
    withAppOn(file, clock, fn, buildRosterApp);

  it('sends a reminder scheduled before the restart exactly once after it', async () => {
    const file = path.join(dir, 'bienvenida.db');
    const clock = new FakeClock('2026-03-02T15:00:00Z');
    const shiftId = await withApp(file, clock, async (t) => {
      const coordinator = await t.signIn('coordinator');
      const site = await addSite(t, coordinator);
      const v = await addVolunteer(t, coordinator, { name: 'Ana Lopez', phone: '303-555-0142' });
      const shift = await addShift(t, coordinator, {
        siteId: site.id,
        startsAt: '2026-03-03T18:00',
        endsAt: '2026-03-03T23:00',
      });
      expect((await signUp(t, coordinator, shift.id, v.id)).statusCode).toBe(201);
      await t.app.core.scheduler.runDue();
      expect(outbound(t, 'reminder')).toHaveLength(0);
      return shift.id;
    });

    clock.set('2026-03-03T22:00:00Z');
    await withApp(file, clock, async (t) => {
      await t.app.core.scheduler.runDue();
      await t.app.core.scheduler.runDue();
      expect(outbound(t, 'reminder')).toMatchObject([{ relatedId: shiftId }]);
      await t.app.services.sms.outbox.flush();
    });

    clock.advance(30 * MINUTE);
    await withApp(file, clock, async (t) => {
      t.app.core.scheduler.ensureRecurring();
      await t.app.core.scheduler.runDue();
      expect(outbound(t, 'reminder')).toMatchObject([{ relatedId: shiftId, status: 'delivered' }]);
    });
  });
});
