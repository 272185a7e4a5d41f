import net from 'node:net';
import twilio from 'twilio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from '../../../server/texts';
import type { TestApp } from '../../helpers/app';
import { buildTestApp } from '../../helpers/app';
import { type FakeTwilio, startFakeTwilio } from '../../helpers/fake-twilio';
import { auditRows, eventRows, smsRows } from '../../helpers/fixtures';
import {
  buildConsoleApp,
  buildTwilioApp,
  inbound,
  newMessageSid,
  PUBLIC_URL,
  queue,
  smsRow,
  statusCallback,
} from './sms.helpers';

const TO = '+13035550142';
const FROM = '+13035550177';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Everything a refused webhook must leave untouched. */
function snapshot(t: TestApp) {
  return { sms: smsRows(t), audit: auditRows(t), events: eventRows(t, { prefix: 'sms.' }) };
}

describe('webhooks from Twilio itself (the fake posting to the listening app)', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  let base: string;
  beforeEach(async () => {
    fake = await startFakeTwilio();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await buildTwilioApp(fake, { env: { PUBLIC_URL: base } });
    await t.app.listen({ port, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
  });

  it('records status callbacks in order and never lets a late one move a message back', async () => {
    const id = queue(t, TO, 'Bus at 9').id;
    await t.app.services.sms.outbox.flush();
    const [sent] = fake.received;
    expect(sent!.statusCallback).toBe(`${base}/sms/status`);

    expect(await fake.sendStatus(sent!.sid, 'sent')).toBe(200);
    expect(smsRow(t, id).status).toBe('sent');
    expect(await fake.sendStatus(sent!.sid, 'delivered')).toBe(200);
    expect(smsRow(t, id).status).toBe('delivered');
    expect(await fake.sendStatus(sent!.sid, 'sent')).toBe(200);
    expect(smsRow(t, id).status).toBe('delivered');

    const statuses = eventRows(t, 'sms.status').map((e) => e.data.status);
    expect(statuses).toEqual(['submitted', 'sent', 'delivered']);
  });

  it('answers an inbound text with TwiML and queues the reply', async () => {
    const res = await fake.sendInbound(`${base}/sms/inbound`, { From: FROM, Body: 'ayuda' });
    expect(res.status).toBe(200);
    expect(res.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    await t.app.services.sms.outbox.flush();
    expect(fake.received).toMatchObject([{ to: FROM, body: render('help', 'es') }]);
  });
});

describe('status callback', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  let id: number;
  let sid: string;
  beforeEach(async () => {
    fake = await startFakeTwilio();
    t = await buildTwilioApp(fake);
    id = queue(t, TO, 'Bus at 9').id;
    await t.app.services.sms.outbox.flush();
    sid = fake.received[0]!.sid;
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
  });

  it('moves sent → delivered, answers TwiML, and ignores a late sent', async () => {
    const sent = await statusCallback(t, sid, 'sent', { to: TO });
    expect(sent.statusCode).toBe(200);
    expect(sent.headers['content-type']).toMatch(/^text\/xml/);
    expect(smsRow(t, id).status).toBe('sent');
    expect((await statusCallback(t, sid, 'delivered', { to: TO })).statusCode).toBe(200);
    expect(smsRow(t, id).status).toBe('delivered');
    expect((await statusCallback(t, sid, 'sent', { to: TO })).statusCode).toBe(200);
    expect((await statusCallback(t, sid, 'queued', { to: TO })).statusCode).toBe(200);
    expect(smsRow(t, id).status).toBe('delivered');
    expect(auditRows(t, 'sms.delivered')).toMatchObject([{ entity: 'sms', entityId: id }]);
  });

  it('records undelivered with the carrier error code, which can then be resent', async () => {
    const res = await statusCallback(t, sid, 'undelivered', { to: TO, errorCode: '30003' });
    expect(res.statusCode).toBe(200);
    expect(smsRow(t, id)).toMatchObject({ status: 'undelivered', errorCode: '30003' });
    const last = eventRows(t, 'sms.status').at(-1)!;
    expect(last.data).toMatchObject({ id, status: 'undelivered', errorCode: '30003' });

    const coordinator = await t.signIn('coordinator');
    const resent = await t.call(coordinator, {
      method: 'POST',
      url: `/api/sms/messages/${id}/resend`,
      headers: { 'content-type': 'application/json' },
    });
    expect(resent.statusCode).toBe(201);
  });

  it('answers 200 for a message it does not know, and changes nothing', async () => {
    const before = snapshot(t);
    const res = await statusCallback(t, `SM${'f'.repeat(32)}`, 'delivered');
    expect(res.statusCode).toBe(200);
    expect(snapshot(t)).toEqual(before);
  });

  it.each([
    ['a forged signature', { signature: 'bm90IGEgc2lnbmF0dXJl' }],
    ['no signature', { signature: null }],
    ['a signature made with another token', { token: 'someone-elses-token' }],
    ['a signature over another URL', { signedUrl: 'https://evil.example.com/sms/status' }],
  ])('refuses %s with 403 and changes nothing', async (_name, opts) => {
    const before = snapshot(t);
    const res = await statusCallback(t, sid, 'failed', { to: TO, errorCode: '30007', ...opts });
    expect(res.statusCode).toBe(403);
    expect(snapshot(t)).toEqual(before);
    expect(smsRow(t, id).status).toBe('submitted');
  });
});

describe('inbound webhook', () => {
  let t: TestApp;
  afterEach(() => t.close());

  describe('signature', () => {
    beforeEach(async () => {
      t = await buildConsoleApp();
    });

    it.each([
      ['a forged signature', { signature: 'bm90IGEgc2lnbmF0dXJl' }],
      ['no signature', { signature: null }],
      ['an empty signature', { signature: '' }],
      ['a signature made with another token', { token: 'someone-elses-token' }],
    ])('refuses %s with 403 and records nothing', async (_name, opts) => {
      const res = await inbound(t, FROM, 'STOP', opts);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('invalid_signature');
      expect(smsRows(t)).toEqual([]);
      expect(auditRows(t)).toEqual([]);
      expect(eventRows(t, { prefix: 'sms.' })).toEqual([]);
      const optOuts = await t.call(await t.signIn('coordinator'), {
        method: 'GET',
        url: '/api/sms/opt-outs',
      });
      expect(optOuts.json().items).toEqual([]);
    });

    it('refuses a body changed after signing', async () => {
      const params = { From: FROM, Body: 'HELP', MessageSid: newMessageSid() };
      const signature = twilio.getExpectedTwilioSignature(
        t.config.TWILIO_AUTH_TOKEN!,
        `${PUBLIC_URL}/sms/inbound`,
        params,
      );
      const res = await t.app.inject({
        method: 'POST',
        url: '/sms/inbound',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        payload: new URLSearchParams({ ...params, Body: 'STOP' }).toString(),
      });
      expect(res.statusCode).toBe(403);
      expect(smsRows(t)).toEqual([]);
    });

    it('records a signed text once, answers TwiML, and ignores a replay of the same MessageSid', async () => {
      const sid = newMessageSid();
      const first = await inbound(t, FROM, 'HELP', { sid });
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toMatch(/^text\/xml/);
      expect(first.body).toContain('<Response></Response>');
      await t.app.services.sms.outbox.flush();
      const afterFirst = snapshot(t);
      expect(afterFirst.sms).toMatchObject([
        { direction: 'inbound', phone: FROM, body: 'HELP', status: 'received', providerSid: sid },
        {
          direction: 'outbound',
          phone: FROM,
          body: render('help', 'en'),
          kind: 'opt_confirmation',
          status: 'delivered',
        },
      ]);

      const replay = await inbound(t, FROM, 'HELP', { sid });
      expect(replay.statusCode).toBe(200);
      expect(replay.headers['content-type']).toMatch(/^text\/xml/);
      await t.app.services.sms.outbox.flush();
      expect(snapshot(t)).toEqual(afterFirst);
    });

    it('answers 400 for a signed request without the fields it needs, recording nothing', async () => {
      const res = await inbound(t, '', 'HELP');
      expect(res.statusCode).toBe(400);
      expect(smsRows(t)).toEqual([]);
    });
  });

  describe.each([
    ['without TRUST_PROXY', {}],
    ['with TRUST_PROXY', { TRUST_PROXY: '1' }],
  ])('behind a proxy, %s', (_name, env) => {
    beforeEach(async () => {
      t = await buildConsoleApp({ env });
    });
    const proxied = { host: '10.0.0.5:3000', 'x-forwarded-proto': 'http', 'x-forwarded-for': '203.0.113.9' };

    it('checks the signature against PUBLIC_URL, not the address the request arrived at', async () => {
      const good = await inbound(t, FROM, 'HELP', { headers: proxied });
      expect(good.statusCode).toBe(200);
      const bad = await inbound(t, '+13035550178', 'HELP', {
        headers: proxied,
        signedUrl: 'http://10.0.0.5:3000/sms/inbound',
      });
      expect(bad.statusCode).toBe(403);
      expect(
        smsRows(t)
          .filter((r) => r.direction === 'inbound')
          .map((r) => r.phone),
      ).toEqual([FROM]);
    });
  });

  it('refuses every webhook when no Twilio token is configured (console driver)', async () => {
    t = await buildTestApp({ env: { PUBLIC_URL } });
    expect(t.config.TWILIO_AUTH_TOKEN).toBeUndefined();
    for (const token of ['', 'test-token']) {
      const res = await inbound(t, FROM, 'STOP', { token: token || 'x' });
      expect(res.statusCode).toBe(403);
    }
    expect((await statusCallback(t, 'SM1', 'delivered', { token: 'test-token' })).statusCode).toBe(403);
    expect(smsRows(t)).toEqual([]);
  });
});
