import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../server/lib/clock';
import { systemActor } from '../../../server/lib/commands';
import type { TestApp } from '../../helpers/app';
import { type FakeTwilio, startFakeTwilio } from '../../helpers/fake-twilio';
import { smsRows } from '../../helpers/fixtures';
import { buildTwilioApp, maxInWindow, PUBLIC_URL, queue, smsRow, TWILIO_FROM } from './sms.helpers';

const TO = '+13035550142';
const JSON_HEADERS = { 'content-type': 'application/json' };

describe('outbox with the twilio driver', () => {
  let fake: FakeTwilio;
  let t: TestApp | undefined;
  beforeEach(async () => {
    fake = await startFakeTwilio();
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
    await fake.close();
  });

  it('hands a queued message to Twilio and stores the provider sid as submitted', async () => {
    t = await buildTwilioApp(fake);
    const coordinator = await t.signIn('coordinator');
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sms/messages',
      payload: { to: '(303) 555-0142', body: 'Hola, the bus comes at 9' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ phone: TO, status: 'queued', kind: 'direct', direction: 'outbound' });
    await t.app.services.sms.outbox.flush();

    expect(fake.received).toEqual([
      {
        sid: expect.stringMatching(/^SM/),
        at: expect.any(Number),
        to: TO,
        from: TWILIO_FROM,
        body: 'Hola, the bus comes at 9',
        statusCallback: `${PUBLIC_URL}/sms/status`,
      },
    ]);
    const row = smsRow(t, res.json().id);
    expect(row).toMatchObject({ status: 'submitted', providerSid: fake.received[0]!.sid, attempts: 1 });

    const list = await t.call(coordinator, { method: 'GET', url: '/api/sms/messages' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toMatchObject([{ id: row.id, status: 'submitted', phone: TO, attempts: 1 }]);
  });

  it('never hands over more than SMS_RATE_PER_SEC messages in any one-second window', async () => {
    t = await buildTwilioApp(fake, { env: { SMS_RATE_PER_SEC: '5' } });
    const app = t.app;
    app.core.commands.run(systemActor, (ctx) => {
      for (let i = 0; i < 12; i++) {
        app.services.sms.enqueue(ctx, {
          to: `+1303555${String(100 + i).padStart(4, '0')}`,
          body: `m${i}`,
          kind: 'direct',
        });
      }
    });
    await app.services.sms.outbox.flush();

    expect(fake.received.map((m) => m.body).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `m${i}`).sort(),
    );
    expect(
      maxInWindow(
        fake.received.map((m) => m.at),
        1000,
      ),
    ).toBeLessThanOrEqual(5);
  });

  it('hands urgent messages over before bulk ones queued earlier', async () => {
    t = await buildTwilioApp(fake);
    const app = t.app;
    const service = app.services.sms;
    app.core.commands.run(systemActor, (ctx) => {
      service.enqueue(ctx, { to: '+13035550101', body: 'broadcast 1', kind: 'broadcast' });
      service.enqueue(ctx, { to: '+13035550102', body: 'reminder 1', kind: 'reminder' });
      service.enqueue(ctx, { to: '+13035550103', body: 'direct 1', kind: 'direct' });
      service.enqueue(ctx, { to: '+13035550104', body: 'page 1', kind: 'page' });
      service.enqueue(ctx, { to: '+13035550105', body: 'offer 1', kind: 'offer' });
    });
    await app.services.sms.outbox.flush();
    expect(fake.received.map((m) => m.body)).toEqual([
      'page 1',
      'offer 1',
      'direct 1',
      'broadcast 1',
      'reminder 1',
    ]);
  });

  it('puts an offer queued after a broadcast ahead of the rest of that broadcast', async () => {
    t = await buildTwilioApp(fake, { env: { SMS_RATE_PER_SEC: '20' } });
    const app = t.app;
    const service = app.services.sms;
    app.core.commands.run(systemActor, (ctx) => {
      for (let i = 0; i < 5; i++) {
        service.enqueue(ctx, { to: `+130355502${10 + i}`, body: `broadcast ${i}`, kind: 'broadcast' });
      }
    });
    app.core.commands.run(systemActor, (ctx) => {
      service.enqueue(ctx, { to: '+13035550299', body: 'offer', kind: 'offer' });
    });
    await app.services.sms.outbox.flush();
    const order = fake.received.map((m) => m.body);
    expect(order).toHaveLength(6);
    // The first broadcast may already be on its way when the offer is queued; no other one is.
    expect(order.indexOf('offer')).toBeLessThanOrEqual(1);
  });

  describe.each([
    ['a 503', { kind: 'http', status: 503 } as const],
    ['a 500', { kind: 'http', status: 500 } as const],
    ['a 429', { kind: 'http', status: 429 } as const],
    ['a reset connection', { kind: 'reset' } as const],
    ['a request that times out', { kind: 'timeout' } as const],
  ])('after %s', (_name, failure) => {
    it('queues the message again for later, not before, then delivers it exactly once', async () => {
      // A short client timeout, so a provider that never answers costs this test a fraction of a second.
      t = await buildTwilioApp(fake, { env: { TWILIO_TIMEOUT_MS: '300' } });
      const { outbox } = t.app.services.sms;
      fake.failNext(3, failure);
      const id = queue(t, TO, 'Your shift starts at 6').id;
      await outbox.flush();

      let delay = 0;
      for (let attempt = 1; attempt <= 3; attempt++) {
        expect(fake.attempts).toBe(attempt);
        const row = smsRow(t, id);
        expect(row).toMatchObject({ status: 'queued', attempts: attempt, providerSid: null });
        expect(row.errorCode).toBeTruthy();
        const wait = row.dueAt!.getTime() - t.clock.now().getTime();
        // Backoff grows: 5 s, 10 s, 20 s … each ±20 %.
        expect(wait).toBeGreaterThan(delay);
        delay = wait;

        await outbox.flush();
        t.clock.advance(wait - 1);
        await outbox.flush();
        expect(fake.attempts).toBe(attempt);
        t.clock.advance(1);
        await outbox.flush();
      }

      expect(fake.attempts).toBe(4);
      expect(fake.received.map((m) => m.body)).toEqual(['Your shift starts at 6']);
      expect(smsRow(t, id)).toMatchObject({
        status: 'submitted',
        attempts: 4,
        providerSid: fake.received[0]!.sid,
        errorCode: null,
      });
      t.clock.advance(HOUR);
      await outbox.flush();
      expect(fake.attempts).toBe(4);
    });
  });

  it('gives up after 8 failed attempts and marks the message failed for good', async () => {
    t = await buildTwilioApp(fake);
    const { outbox } = t.app.services.sms;
    fake.failTo(TO, { kind: 'http', status: 503 });
    const id = queue(t, TO, 'hello').id;
    const other = queue(t, '+13035550143', 'still fine').id;
    await outbox.flush();
    for (let i = 0; i < 12; i++) {
      t.clock.advance(15 * MINUTE);
      await outbox.flush();
    }
    expect(smsRow(t, id)).toMatchObject({ status: 'failed', attempts: 8, errorCode: '20500' });
    expect(fake.attempts).toBe(9);
    expect(smsRow(t, other).status).toBe('submitted');
    expect(fake.received.map((m) => m.body)).toEqual(['still fine']);

    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toMatchObject({ ok: true, sms: 'degraded', smsDriver: 'twilio' });
  });

  describe.each([
    [21610, 'unsubscribed'],
    [21211, 'invalid number'],
    [21614, 'not a mobile'],
  ])('Twilio error %i (%s)', (code) => {
    it('fails the message at once, with the code, and never tries it again', async () => {
      t = await buildTwilioApp(fake);
      const coordinator = await t.signIn('coordinator');
      const { outbox } = t.app.services.sms;
      fake.failTo(TO, { kind: 'twilio', status: 400, code });
      const id = queue(t, TO, 'hello').id;
      await outbox.flush();
      t.clock.advance(HOUR);
      await outbox.flush();

      expect(fake.attempts).toBe(1);
      expect(fake.received).toEqual([]);
      const row = smsRow(t, id);
      expect(row).toMatchObject({ status: 'failed', errorCode: String(code), attempts: 1, dueAt: null });
      expect(row.errorMessage).toBeTruthy();

      const listed = await t.call(coordinator, { method: 'GET', url: '/api/sms/messages?status=failed' });
      expect(listed.json().items).toMatchObject([{ id, status: 'failed', errorCode: String(code) }]);
    });
  });

  it('resends a failed message as a new copy, and refuses to resend one that went', async () => {
    t = await buildTwilioApp(fake);
    const coordinator = await t.signIn('coordinator');
    const { outbox } = t.app.services.sms;
    fake.failTo(TO, { kind: 'twilio', status: 400, code: 21610 });
    const failed = queue(t, TO, 'first try').id;
    const fine = queue(t, '+13035550150', 'went fine').id;
    await outbox.flush();
    expect(smsRow(t, failed).status).toBe('failed');

    const resent = await t.call(coordinator, {
      method: 'POST',
      url: `/api/sms/messages/${failed}/resend`,
      headers: JSON_HEADERS,
    });
    expect(resent.statusCode).toBe(201);
    const copy = resent.json();
    expect(copy).toMatchObject({
      phone: TO,
      body: 'first try',
      status: 'queued',
      attempts: 0,
      kind: 'direct',
    });
    expect(copy.id).not.toBe(failed);
    expect(smsRow(t, failed).status).toBe('failed');
    await outbox.flush();
    expect(fake.attempts).toBe(3);

    const sid = smsRow(t, fine).providerSid!;
    t.app.services.sms.applyProviderStatus(sid, 'delivered', null);
    const again = await t.call(coordinator, {
      method: 'POST',
      url: `/api/sms/messages/${fine}/resend`,
      headers: JSON_HEADERS,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_state');
    expect(smsRow(t, fine).status).toBe('delivered');
    const missing = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sms/messages/9999/resend',
      headers: JSON_HEADERS,
    });
    expect(missing.statusCode).toBe(404);
    expect(smsRows(t)).toHaveLength(3);
  });
});
