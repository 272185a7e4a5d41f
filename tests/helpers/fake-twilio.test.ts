import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from './fake-twilio';

const TO = '+15005550010';
const FROM = '+15005550006';

function clientFor(fake: FakeTwilio, opts: { token?: string; timeout?: number } = {}) {
  const client = twilio(fake.accountSid, opts.token ?? fake.authToken, { timeout: opts.timeout ?? 5_000 });
  client.api.baseUrl = fake.baseUrl;
  return client;
}

async function rejectionOf(p: Promise<unknown>): Promise<Record<string, unknown>> {
  const outcome = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!outcome) throw new Error('expected the promise to reject');
  return outcome as Record<string, unknown>;
}

interface Hit {
  url: string;
  signature: string;
  params: Record<string, string>;
}

/** Stands in for the app's webhook routes: records each POST and answers `reply`. */
async function startReceiver(reply: { status: number; body: string }) {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      raw += c;
    });
    req.on('end', () => {
      hits.push({
        url: `http://127.0.0.1:${port}${req.url}`,
        signature: String(req.headers['x-twilio-signature'] ?? ''),
        params: Object.fromEntries(new URLSearchParams(raw)),
      });
      res.writeHead(reply.status, { 'Content-Type': 'text/xml' });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('fake Twilio Messages API, driven by the real twilio client', () => {
  let fake: FakeTwilio;
  beforeEach(async () => {
    fake = await startFakeTwilio();
  });
  afterEach(() => fake.close());

  it('accepts a message, answers the message resource and records it', async () => {
    const before = Date.now();
    const msg = await clientFor(fake).messages.create({
      to: TO,
      from: FROM,
      body: 'Hola, ¿puedes cubrir el turno?',
      statusCallback: 'http://127.0.0.1:9/sms/status',
    });
    expect(msg.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(msg).toMatchObject({
      accountSid: fake.accountSid,
      to: TO,
      from: FROM,
      body: 'Hola, ¿puedes cubrir el turno?',
      status: 'queued',
      direction: 'outbound-api',
      numSegments: '1',
      apiVersion: '2010-04-01',
      price: null,
      errorCode: null,
      messagingServiceSid: null,
    });
    expect(msg.dateCreated).toBeInstanceOf(Date);
    expect(Number.isNaN(msg.dateCreated.getTime())).toBe(false);
    expect(fake.attempts).toBe(1);
    expect(fake.received).toEqual([
      {
        sid: msg.sid,
        at: expect.any(Number),
        to: TO,
        from: FROM,
        body: 'Hola, ¿puedes cubrir el turno?',
        statusCallback: 'http://127.0.0.1:9/sms/status',
      },
    ]);
    expect(fake.received[0]!.at).toBeGreaterThanOrEqual(before);
  });

  it('counts segments as Twilio does (UCS-2 bodies split at 67 characters)', async () => {
    const msg = await clientFor(fake).messages.create({ to: TO, from: FROM, body: '🙂'.repeat(40) });
    expect(msg.numSegments).toBe('2');
  });

  it('sends through a messaging service: accepted, sender chosen later', async () => {
    const mg = `MG${'a'.repeat(32)}`;
    const msg = await clientFor(fake).messages.create({ to: TO, messagingServiceSid: mg, body: 'hi' });
    expect(msg).toMatchObject({ status: 'accepted', from: null, messagingServiceSid: mg });
    expect(fake.received[0]).toMatchObject({ to: TO, messagingServiceSid: mg, body: 'hi' });
    expect(fake.received[0]!.from).toBeUndefined();
  });

  it('refuses a wrong auth token with 401 / 20003', async () => {
    const err = await rejectionOf(
      clientFor(fake, { token: 'wrong' }).messages.create({ to: TO, from: FROM, body: 'x' }),
    );
    expect(err).toBeInstanceOf(twilio.RestException);
    expect(err).toMatchObject({
      status: 401,
      code: 20003,
      moreInfo: 'https://www.twilio.com/docs/errors/20003',
    });
    expect(fake.attempts).toBe(1);
    expect(fake.received).toEqual([]);
  });

  it('answers 404 / 20404 for another account', async () => {
    const res = await fetch(`${fake.baseUrl}/2010-04-01/Accounts/AC${'1'.repeat(32)}/Messages.json`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ To: TO, From: FROM, Body: 'x' }).toString(),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 20404, status: 404 });
  });

  it.each([
    [{ From: FROM, Body: 'x' }, 21604],
    [{ To: '5551234', From: FROM, Body: 'x' }, 21211],
    [{ To: TO, Body: 'x' }, 21603],
    [{ To: TO, From: FROM }, 21602],
  ])('validates like Twilio: %o → 400 / %i', async (form, code) => {
    const res = await fetch(`${fake.baseUrl}/2010-04-01/Accounts/${fake.accountSid}/Messages.json`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${fake.accountSid}:${fake.authToken}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form).toString(),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code,
      status: 400,
      more_info: `https://www.twilio.com/docs/errors/${code}`,
    });
    expect(fake.received).toEqual([]);
  });

  it('surfaces an invalid To through the client as 21211', async () => {
    const err = await rejectionOf(clientFor(fake).messages.create({ to: '555-1234', from: FROM, body: 'x' }));
    expect(err).toMatchObject({ status: 400, code: 21211 });
  });

  it('failNext: fails the next requests, then service resumes', async () => {
    fake.failNext(2, { kind: 'http', status: 500 });
    const client = clientFor(fake);
    const send = () => client.messages.create({ to: TO, from: FROM, body: 'retry me' });
    expect(await rejectionOf(send())).toMatchObject({ status: 500, code: 20500 });
    expect(await rejectionOf(send())).toMatchObject({ status: 500, code: 20500 });
    const ok = await send();
    expect(ok.status).toBe('queued');
    expect(fake.attempts).toBe(3);
    expect(fake.received.map((r) => r.sid)).toEqual([ok.sid]);
  });

  it('rate limits with 429 / 20429', async () => {
    fake.failNext(1, { kind: 'http', status: 429 });
    const err = await rejectionOf(clientFor(fake).messages.create({ to: TO, from: FROM, body: 'x' }));
    expect(err).toBeInstanceOf(twilio.RestException);
    expect(err).toMatchObject({ status: 429, code: 20429 });
  });

  it('failTo: every message to that number fails, others go through', async () => {
    const optedOut = '+15550001111';
    fake.failTo(optedOut, { kind: 'twilio', status: 400, code: 21610 });
    const client = clientFor(fake);
    for (let i = 0; i < 2; i++) {
      const err = await rejectionOf(client.messages.create({ to: optedOut, from: FROM, body: 'x' }));
      expect(err).toBeInstanceOf(twilio.RestException);
      expect(err).toMatchObject({
        status: 400,
        code: 21610,
        message: 'Attempt to send to unsubscribed recipient',
      });
    }
    await client.messages.create({ to: TO, from: FROM, body: 'x' });
    expect(fake.received.map((r) => r.to)).toEqual([TO]);
    expect(fake.attempts).toBe(3);
  });

  it('timeout: the client gives up at its timeout and close() still returns promptly', async () => {
    fake.failNext(1, { kind: 'timeout' });
    const started = Date.now();
    const err = await rejectionOf(
      clientFor(fake, { timeout: 200 }).messages.create({ to: TO, from: FROM, body: 'x' }),
    );
    // axios's own timeout error, not a RestException: the gateway must treat it as retryable.
    expect(err).not.toBeInstanceOf(twilio.RestException);
    expect(err).toMatchObject({ code: 'ECONNABORTED' });
    expect(String(err.message)).toMatch(/timeout/i);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.received).toEqual([]);

    // A second request left hanging at close() time must not keep close() waiting.
    fake.failNext(1, { kind: 'timeout' });
    const pending = rejectionOf(
      clientFor(fake, { timeout: 10_000 }).messages.create({ to: TO, from: FROM, body: 'y' }),
    );
    while (fake.attempts < 2) await new Promise((r) => setTimeout(r, 10));
    const closing = Date.now();
    await fake.close();
    expect(Date.now() - closing).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('reset: the socket is destroyed and the client rejects', async () => {
    fake.failNext(1, { kind: 'reset' });
    const err = await rejectionOf(clientFor(fake).messages.create({ to: TO, from: FROM, body: 'x' }));
    expect(err).not.toBeInstanceOf(twilio.RestException);
    expect(err).toMatchObject({ code: 'ECONNRESET' });
    expect(fake.attempts).toBe(1);
    expect(fake.received).toEqual([]);
  });

  it('setLatency delays every answer', async () => {
    fake.setLatency(150);
    const started = Date.now();
    await clientFor(fake).messages.create({ to: TO, from: FROM, body: 'x' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('fake Twilio webhooks', () => {
  let fake: FakeTwilio;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeEach(async () => {
    fake = await startFakeTwilio({ authToken: 'webhook-token' });
    receiver = await startReceiver({ status: 200, body: '<Response></Response>' });
  });
  afterEach(async () => {
    await fake.close();
    await receiver.close();
  });

  it('posts a signed status callback to the message StatusCallback', async () => {
    const msg = await clientFor(fake).messages.create({
      to: TO,
      from: FROM,
      body: 'x',
      statusCallback: `${receiver.url}/sms/status?v=1`,
    });
    const status = await fake.sendStatus(msg.sid, 'undelivered', { errorCode: '30003' });
    expect(status).toBe(200);
    const hit = receiver.hits[0]!;
    expect(hit.url).toBe(`${receiver.url}/sms/status?v=1`);
    expect(hit.params).toEqual({
      AccountSid: fake.accountSid,
      ApiVersion: '2010-04-01',
      ErrorCode: '30003',
      From: FROM,
      MessageSid: msg.sid,
      MessageStatus: 'undelivered',
      SmsSid: msg.sid,
      SmsStatus: 'undelivered',
      To: TO,
    });
    expect(twilio.validateRequest('webhook-token', hit.signature, hit.url, hit.params)).toBe(true);
    expect(twilio.validateRequest('other-token', hit.signature, hit.url, hit.params)).toBe(false);
  });

  it('posts a status callback to an explicit url and answers the app status', async () => {
    const other = await startReceiver({ status: 403, body: 'bad signature' });
    try {
      const msg = await clientFor(fake).messages.create({ to: TO, from: FROM, body: 'x' });
      expect(await fake.sendStatus(msg.sid, 'delivered', { url: `${other.url}/sms/status` })).toBe(403);
      const hit = other.hits[0]!;
      expect(hit.params).toMatchObject({ MessageSid: msg.sid, MessageStatus: 'delivered' });
      expect(hit.params.ErrorCode).toBeUndefined();
      expect(twilio.validateRequest('webhook-token', hit.signature, hit.url, hit.params)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('posts a signed inbound SMS and answers what the app replied', async () => {
    const url = `${receiver.url}/sms/inbound`;
    const reply = await fake.sendInbound(url, { From: '+15005550011', Body: 'SÍ ABC123' });
    expect(reply).toEqual({ status: 200, body: '<Response></Response>' });
    const hit = receiver.hits[0]!;
    expect(hit.params).toMatchObject({
      From: '+15005550011',
      To: '+15005550006',
      Body: 'SÍ ABC123',
      AccountSid: fake.accountSid,
      NumMedia: '0',
      SmsStatus: 'received',
    });
    expect(hit.params.MessageSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.validateRequest('webhook-token', hit.signature, url, hit.params)).toBe(true);
    expect(twilio.validateRequest('other-token', hit.signature, url, hit.params)).toBe(false);
  });

  it('keeps a given inbound MessageSid so the app can deduplicate', async () => {
    const sid = `SM${'b'.repeat(32)}`;
    await fake.sendInbound(`${receiver.url}/sms/inbound`, {
      From: '+15005550011',
      Body: 'HELP',
      MessageSid: sid,
    });
    await fake.sendInbound(`${receiver.url}/sms/inbound`, {
      From: '+15005550011',
      Body: 'HELP',
      MessageSid: sid,
    });
    expect(receiver.hits.map((h) => h.params.MessageSid)).toEqual([sid, sid]);
  });
});
