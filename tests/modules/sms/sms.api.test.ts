import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from '../../../server/texts';
import type { TestApp } from '../../helpers/app';
import { type FakeTwilio, startFakeTwilio } from '../../helpers/fake-twilio';
import { eventRows, smsRows } from '../../helpers/fixtures';
import { buildConsoleApp, buildTwilioApp, inbound } from './sms.helpers';

const MESSAGES = '/api/sms/messages';

describe('SMS API', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildConsoleApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const send = (payload: unknown, cookie = coordinator, headers: Record<string, string> = {}) =>
    t.call(cookie, { method: 'POST', url: MESSAGES, payload: payload as object, headers });

  it('queues a message to a number written the national way, and delivers it (console driver)', async () => {
    const res = await send({ to: '(303) 555-0142', body: 'Hi from the hotline' });
    expect(res.statusCode).toBe(201);
    const message = res.json();
    expect(message).toMatchObject({
      direction: 'outbound',
      phone: '+13035550142',
      body: 'Hi from the hotline',
      kind: 'direct',
      status: 'queued',
      attempts: 0,
      encoding: 'GSM-7',
      segments: 1,
      errorCode: null,
      dueAt: null,
    });
    expect(message.createdAt).toBe('2026-03-02T08:00:00-07:00');
    await t.app.services.sms.outbox.flush();
    const list = await t.call(coordinator, { method: 'GET', url: MESSAGES });
    expect(list.json().items).toMatchObject([{ id: message.id, status: 'delivered', attempts: 1 }]);
  });

  it.each([
    [{ to: 'not a phone', body: 'x' }, 'body.to'],
    [{ to: '+1 555 123', body: 'x' }, 'body.to'],
    [{ to: '12', body: 'x' }, 'body.to'],
    [{ to: 3035550142, body: 'x' }, 'body.to'],
    [{ body: 'x' }, 'body.to'],
    [{ to: '+13035550142', body: '' }, 'body.body'],
    [{ to: '+13035550142', body: '   ' }, 'body.body'],
    [{ to: '+13035550142', body: 'x'.repeat(1601) }, 'body.body'],
    [{ to: '+13035550142', body: ['x'] }, 'body.body'],
    [{ to: '+13035550142' }, 'body.body'],
  ])('refuses %j with 400 naming %s, and queues nothing', async (payload, path) => {
    const res = await send(payload);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(smsRows(t)).toEqual([]);
    expect(eventRows(t, { prefix: 'sms.' })).toEqual([]);
  });

  it('refuses a body that is not JSON with 400, never 500', async () => {
    const res = await send('{"to": "+1303', coordinator, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(smsRows(t)).toEqual([]);
  });

  it('takes the longest body Twilio takes', async () => {
    const res = await send({ to: '+13035550142', body: 'x'.repeat(1600) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ encoding: 'GSM-7', segments: 11 });
  });

  it.each([
    ['x'.repeat(160), 'GSM-7', 1],
    ['x'.repeat(161), 'GSM-7', 2],
    ['Mañana: ¿puedes? ¡Sí!', 'UCS-2', 1],
    ['Mañana, ¿puedes? ¡Si!', 'GSM-7', 1],
    ['Está bien', 'UCS-2', 1],
    [`á${'x'.repeat(69)}`, 'UCS-2', 1],
    [`á${'x'.repeat(70)}`, 'UCS-2', 2],
  ])('reports the encoding and segments of %j', async (body, encoding, segments) => {
    const res = await send({ to: '+13035550142', body });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ encoding, segments });
    const list = await t.call(coordinator, { method: 'GET', url: MESSAGES });
    expect(list.json().items[0]).toMatchObject({ body, encoding, segments });
  });

  it('answers a repeat with the same Idempotency-Key with the first message', async () => {
    const headers = { 'idempotency-key': 'sms-once' };
    const first = await send({ to: '+13035550142', body: 'once' }, coordinator, headers);
    const again = await send({ to: '+13035550142', body: 'once' }, coordinator, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(smsRows(t)).toHaveLength(1);
  });

  it('lets a viewer read the log but not send, and refuses anyone signed out', async () => {
    const viewer = await t.signIn('viewer');
    expect((await t.call(viewer, { method: 'GET', url: MESSAGES })).statusCode).toBe(200);
    const res = await send({ to: '+13035550142', body: 'x' }, viewer);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    expect((await t.call(viewer, { method: 'GET', url: '/api/sms/opt-outs' })).statusCode).toBe(403);
    expect(
      (
        await t.call(viewer, {
          method: 'POST',
          url: '/api/sms/simulate',
          payload: { from: '+13035550142', body: 'HELP' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.call(null, { method: 'GET', url: MESSAGES })).statusCode).toBe(401);
    expect((await send({ to: '+13035550142', body: 'x' }, '')).statusCode).toBe(401);
    expect(smsRows(t)).toEqual([]);
  });

  it('filters the log by direction, status and phone, and pages it newest first', async () => {
    for (let i = 0; i < 4; i++) await send({ to: '+13035550142', body: `to A ${i}` });
    await send({ to: '+13035550143', body: 'to B' });
    await t.app.services.sms.outbox.flush();
    expect((await inbound(t, '+13035550143', 'hello')).statusCode).toBe(200);
    await t.app.services.sms.outbox.flush();

    const get = async (query: string) => {
      const res = await t.call(coordinator, { method: 'GET', url: `${MESSAGES}?${query}` });
      expect(res.statusCode).toBe(200);
      return res.json() as {
        items: Array<{ id: number; body: string; direction: string }>;
        nextBefore: number | null;
      };
    };
    expect((await get('direction=inbound')).items.map((m) => m.body)).toEqual(['hello']);
    expect((await get('status=received')).items.map((m) => m.body)).toEqual(['hello']);
    expect((await get('status=delivered')).items).toHaveLength(6);
    expect((await get('status=queued')).items).toEqual([]);
    expect((await get('phone=(303)%20555-0143')).items.map((m) => m.body)).toEqual([
      render('help', 'en'),
      'hello',
      'to B',
    ]);
    expect((await get('phone=%2B13035550143&direction=outbound')).items.map((m) => m.body)).toEqual([
      render('help', 'en'),
      'to B',
    ]);

    const all = (await get('')).items.map((m) => m.id);
    expect(all).toHaveLength(7);
    expect([...all].sort((a, b) => b - a)).toEqual(all);
    const first = await get('limit=3');
    expect(first.items.map((m) => m.id)).toEqual(all.slice(0, 3));
    expect(first.nextBefore).toBe(all[2]);
    const second = await get(`limit=3&before=${first.nextBefore}`);
    expect(second.items.map((m) => m.id)).toEqual(all.slice(3, 6));
    const third = await get(`limit=3&before=${second.nextBefore}`);
    expect(third.items.map((m) => m.id)).toEqual(all.slice(6));
    expect(third.nextBefore).toBeNull();
  });

  it.each([
    ['direction=sideways', 'querystring.direction'],
    ['status=lost', 'querystring.status'],
    ['phone=nope', 'querystring.phone'],
    ['limit=0', 'querystring.limit'],
    ['limit=501', 'querystring.limit'],
    ['before=abc', 'querystring.before'],
  ])('refuses the filter %s with 400 naming %s', async (query, path) => {
    const res = await t.call(coordinator, { method: 'GET', url: `${MESSAGES}?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('simulates a text in and answers the inbound message and the reply', async () => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sms/simulate',
      payload: { from: '(720) 555-0100', body: 'HELP' },
    });
    expect(res.statusCode).toBe(200);
    const { inbound: message, replies } = res.json();
    expect(message).toMatchObject({
      direction: 'inbound',
      phone: '+17205550100',
      body: 'HELP',
      status: 'received',
    });
    expect(replies).toMatchObject([
      {
        direction: 'outbound',
        phone: '+17205550100',
        body: render('help', 'en'),
        kind: 'opt_confirmation',
        language: 'en',
      },
    ]);
    await t.app.services.sms.outbox.flush();
    const list = await t.call(coordinator, { method: 'GET', url: `${MESSAGES}?direction=outbound` });
    expect(list.json().items).toMatchObject([{ id: replies[0].id, status: 'delivered' }]);

    const spanish = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sms/simulate',
      payload: { from: '+17205550100', body: 'Ayúda' },
    });
    expect(spanish.json().replies[0].body).toBe(render('help', 'es'));

    const bad = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sms/simulate',
      payload: { from: 'x', body: 'HELP' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('body.from');
  });

  it('lists the numbers that opted out, to operators', async () => {
    await t.call(coordinator, {
      method: 'POST',
      url: '/api/sms/simulate',
      payload: { from: '+17205550100', body: 'PARAR' },
    });
    const res = await t.call(coordinator, { method: 'GET', url: '/api/sms/opt-outs' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { phone: '+17205550100', keyword: 'PARAR', optedOutAt: '2026-03-02T08:00:00-07:00' },
    ]);
    const admin = await t.signIn('admin');
    expect((await t.call(admin, { method: 'GET', url: '/api/sms/opt-outs' })).json().items).toHaveLength(1);
  });

  it('writes sms.queued, sms.status and sms.received events with the commands, without numbers', async () => {
    const id = (await send({ to: '+13035550142', body: 'hello' })).json().id;
    expect(eventRows(t, 'sms.queued').map((e) => e.data)).toEqual([{ id, kind: 'direct', status: 'queued' }]);
    await t.app.services.sms.outbox.flush();
    expect(eventRows(t, 'sms.status').map((e) => e.data)).toEqual([
      { id, status: 'delivered', errorCode: null },
    ]);

    await inbound(t, '+13035550142', 'INFO');
    const received = eventRows(t, 'sms.received');
    expect(received).toHaveLength(1);
    expect(received[0]!.data).toMatchObject({ keyword: 'INFO', sender: 'unknown' });
    const replyId = smsRows(t).at(-1)!.id;
    expect(eventRows(t, 'sms.queued').map((e) => e.data.id)).toEqual([id, replyId]);
    // The reply's event commits with the inbound message: same instant, consecutive ids.
    const inboundEvents = eventRows(t, { prefix: 'sms.' }).filter((e) => e.id >= received[0]!.id);
    expect(inboundEvents.slice(0, 2).map((e) => e.type)).toEqual(['sms.received', 'sms.queued']);

    expect(JSON.stringify(eventRows(t, { prefix: 'sms.' }))).not.toContain('3035550142');
  });
});

describe('SMS simulator with the twilio driver', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  beforeEach(async () => {
    fake = await startFakeTwilio();
    t = await buildTwilioApp(fake);
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
  });

  it('is unavailable: 409 simulator_unavailable, nothing recorded', async () => {
    const coordinator = await t.signIn('coordinator');
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/sms/simulate',
      payload: { from: '+17205550100', body: 'HELP' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('simulator_unavailable');
    expect(smsRows(t)).toEqual([]);
    expect(fake.attempts).toBe(0);
  });
});
