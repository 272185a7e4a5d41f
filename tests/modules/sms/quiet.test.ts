import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, MINUTE } from '../../../server/lib/clock';
import { quietHoursRelease } from '../../../server/modules/sms/sms.quiet';
import type { TestApp } from '../../helpers/app';
import { type FakeTwilio, startFakeTwilio } from '../../helpers/fake-twilio';
import { buildTwilioApp, queue, smsRow } from './sms.helpers';

const DENVER = 'America/Denver';
const NIGHT = '21:00-08:00';

describe('quietHoursRelease', () => {
  const release = (at: string, window = NIGHT, zone = DENVER) =>
    quietHoursRelease(new Date(at), window, zone).toISOString();

  it.each([
    ['2026-03-02T18:00:00Z', '2026-03-02T18:00:00.000Z', 'midday: now'],
    ['2026-03-03T03:59:59Z', '2026-03-03T03:59:59.000Z', '20:59:59: now'],
    ['2026-03-03T04:00:00Z', '2026-03-03T15:00:00.000Z', '21:00: the next morning'],
    ['2026-03-03T06:30:00Z', '2026-03-03T15:00:00.000Z', '23:30: the next morning'],
    ['2026-03-03T07:00:00Z', '2026-03-03T15:00:00.000Z', 'midnight: the same morning'],
    ['2026-03-03T09:15:00Z', '2026-03-03T15:00:00.000Z', '02:15: the same morning'],
    ['2026-03-03T14:59:00Z', '2026-03-03T15:00:00.000Z', '07:59: a minute later'],
    ['2026-03-03T15:00:00Z', '2026-03-03T15:00:00.000Z', '08:00: now'],
  ])('at %s answers %s (%s)', (at, expected) => {
    expect(release(at)).toBe(expected);
  });

  it('holds to 08:00 daylight time across the spring-forward night (2026-03-08)', () => {
    // 23:30 MST on the 7th, 01:30 MST and 03:30 MDT on the 8th: all released at 08:00 MDT = 14:00Z.
    for (const at of ['2026-03-08T06:30:00Z', '2026-03-08T08:30:00Z', '2026-03-08T09:30:00Z']) {
      expect(release(at)).toBe('2026-03-08T14:00:00.000Z');
    }
    expect(release('2026-03-08T14:00:00Z')).toBe('2026-03-08T14:00:00.000Z');
    // The evening after, quiet hours start at 21:00 MDT = 03:00Z.
    expect(release('2026-03-09T02:59:00Z')).toBe('2026-03-09T02:59:00.000Z');
    expect(release('2026-03-09T03:00:00Z')).toBe('2026-03-09T14:00:00.000Z');
  });

  it('holds to 08:00 standard time across the fall-back night (2026-11-01)', () => {
    // 23:30 MDT on the 31st, and 01:30 twice on the 1st: released at 08:00 MST = 15:00Z.
    for (const at of ['2026-11-01T05:30:00Z', '2026-11-01T07:30:00Z', '2026-11-01T08:30:00Z']) {
      expect(release(at)).toBe('2026-11-01T15:00:00.000Z');
    }
  });

  it('never releases inside the hour that does not exist', () => {
    // 02:30 does not exist on 2026-03-08 in Denver; the release is the same instant 03:30 MDT.
    const at = release('2026-03-08T06:00:00Z', '22:00-02:30');
    expect(at).toBe('2026-03-08T09:30:00.000Z');
  });

  it('handles a window within one day, an empty window and off', () => {
    expect(release('2026-03-02T19:30:00Z', '12:00-13:00')).toBe('2026-03-02T20:00:00.000Z');
    expect(release('2026-03-02T18:30:00Z', '12:00-13:00')).toBe('2026-03-02T18:30:00.000Z');
    expect(release('2026-03-03T06:30:00Z', '08:00-08:00')).toBe('2026-03-03T06:30:00.000Z');
    expect(release('2026-03-03T06:30:00Z', 'off')).toBe('2026-03-03T06:30:00.000Z');
  });

  it('reads the window in the given zone', () => {
    // 23:30 in Denver is 07:30 in Madrid the next day: quiet there too, until 08:00 CET.
    expect(release('2026-03-03T06:30:00Z', NIGHT, 'Europe/Madrid')).toBe('2026-03-03T07:00:00.000Z');
  });
});

describe('quiet hours in the outbox', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  // 23:30 in Denver (MST, UTC-7).
  const lateEvening = '2026-03-03T06:30:00Z';
  const nextMorning = new Date('2026-03-03T15:00:00Z');

  beforeEach(async () => {
    fake = await startFakeTwilio();
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
  });

  it('holds broadcasts and reminders until 08:00 and sends offers, pages and direct messages at once', async () => {
    const clock = new FakeClock(lateEvening);
    t = await buildTwilioApp(fake, { clock, env: { NETWORK_TZ: DENVER, SMS_QUIET_HOURS: NIGHT } });
    const broadcast = queue(t, '+13035550101', 'Training on Saturday', 'broadcast');
    const reminder = queue(t, '+13035550102', 'Your shift is tomorrow', 'reminder');
    expect(broadcast.dueAt).toEqual(nextMorning);
    expect(reminder.dueAt).toEqual(nextMorning);
    for (const kind of ['offer', 'page', 'direct'] as const) {
      expect(queue(t, '+13035550103', kind, kind).dueAt).toBeNull();
    }
    await t.app.services.sms.outbox.flush();
    expect(fake.received.map((m) => m.body)).toEqual(['offer', 'page', 'direct']);

    clock.set(new Date(nextMorning.getTime() - 1));
    await t.app.services.sms.outbox.flush();
    expect(fake.received).toHaveLength(3);
    expect(smsRow(t, broadcast.id).status).toBe('queued');

    clock.set(nextMorning);
    await t.app.services.sms.outbox.flush();
    expect(fake.received.map((m) => m.body).slice(3)).toEqual([
      'Training on Saturday',
      'Your shift is tomorrow',
    ]);
    expect(smsRow(t, broadcast.id).status).toBe('submitted');

    const coordinator = await t.signIn('coordinator');
    const list = await t.call(coordinator, { method: 'GET', url: `/api/sms/messages?phone=%2B13035550101` });
    expect(list.json().items[0].dueAt).toBe('2026-03-03T08:00:00-07:00');
  });

  it('sends everything at once with SMS_QUIET_HOURS=off', async () => {
    const clock = new FakeClock(lateEvening);
    t = await buildTwilioApp(fake, { clock, env: { NETWORK_TZ: DENVER, SMS_QUIET_HOURS: 'off' } });
    expect(queue(t, '+13035550101', 'Training on Saturday', 'broadcast').dueAt).toBeNull();
    await t.app.services.sms.outbox.flush();
    expect(fake.received.map((m) => m.body)).toEqual(['Training on Saturday']);
  });

  it('does not hand over a broadcast whose retry falls inside quiet hours', async () => {
    // 20:58 in Denver: outside quiet hours, so the broadcast goes at once, but Twilio is down.
    const clock = new FakeClock('2026-03-03T03:58:00Z');
    t = await buildTwilioApp(fake, { clock, env: { NETWORK_TZ: DENVER, SMS_QUIET_HOURS: NIGHT } });
    fake.failNext(1, { kind: 'http', status: 503 });
    const id = queue(t, '+13035550101', 'Training on Saturday', 'broadcast').id;
    await t.app.services.sms.outbox.flush();
    expect(smsRow(t, id)).toMatchObject({ status: 'queued', attempts: 1 });

    clock.advance(10 * MINUTE);
    await t.app.services.sms.outbox.flush();
    expect(fake.attempts).toBe(1);
    expect(smsRow(t, id)).toMatchObject({ status: 'queued', dueAt: nextMorning });

    clock.set(nextMorning);
    await t.app.services.sms.outbox.flush();
    expect(fake.received.map((m) => m.body)).toEqual(['Training on Saturday']);
  });
});
