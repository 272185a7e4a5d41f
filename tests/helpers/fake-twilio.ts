import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SegmentedMessage } from 'sms-segments-calculator';
import twilio from 'twilio';

export type Failure =
  | { kind: 'http'; status: 500 | 503 | 429 }
  | { kind: 'timeout' }
  | { kind: 'twilio'; status: number; code: number; message?: string }
  | { kind: 'reset' };

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export interface ReceivedMessage {
  sid: string;
  /** Date.now() when the request arrived. */
  at: number;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
}

export interface FakeTwilio {
  /** Assign to `client.api.baseUrl` of a real twilio client. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** Only accepted messages, in arrival order. */
  received: ReceivedMessage[];
  /** Every Messages.json request, accepted or failed. */
  attempts: number;
  /** The next `count` requests fail this way, then normal service resumes. */
  failNext(count: number, failure: Failure): void;
  /** Every request to this number fails this way until close(). */
  failTo(to: string, failure: Failure): void;
  /** Ends every failure set up with failNext or failTo: normal service resumes. */
  recover(): void;
  /** Delays every answer, errors included. */
  setLatency(ms: number): void;
  /**
   * Posts a signed status callback for a message as Twilio does, to `url` or the message's StatusCallback;
   * answers the HTTP status the app replied.
   */
  sendStatus(
    sid: string,
    status: MessageStatus,
    opts?: { url?: string; errorCode?: string },
  ): Promise<number>;
  /** Posts a signed inbound SMS webhook to url; answers what the app replied. */
  sendInbound(
    url: string,
    params: { From: string; Body: string; To?: string; MessageSid?: string },
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

export interface FakeTwilioOptions {
  accountSid?: string;
  authToken?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The account's own number: the default `To` of inbound SMS and the sender a messaging service picks. */
  phoneNumber?: string;
  /** Called for each accepted message (the demo script schedules its delivery callback here). */
  onMessage?: (message: ReceivedMessage) => void;
}

const API_VERSION = '2010-04-01';
const E164 = /^\+[1-9]\d{1,14}$/;
// Twilio's longest concatenated body; longer ones are refused with 21617.
const MAX_BODY_CHARS = 1600;
// Twilio stops waiting for a webhook after 15 s.
const WEBHOOK_TIMEOUT_MS = 15_000;

const DEFAULT_MESSAGES: Record<number, string> = {
  21211: "The 'To' number is not a valid phone number.",
  21408: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number.",
  21610: 'Attempt to send to unsubscribed recipient',
  21612: "The 'To' phone number is not currently reachable using the 'From' phone number via SMS.",
  21614: "'To' number is not a valid mobile number",
};

function newSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

/** RFC 2822 as Twilio writes it: "Tue, 03 Dec 2024 17:01:02 +0000". */
function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

function errorBody(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** The checks Twilio makes on a create that the app can trip over. */
function validate(
  to: string,
  from: string | undefined,
  messagingServiceSid: string | undefined,
  body: string,
  statusCallback: string | undefined,
): { code: number; message: string } | undefined {
  if (!to) return { code: 21604, message: "A 'To' phone number is required." };
  if (!E164.test(to)) return { code: 21211, message: `The 'To' number ${to} is not a valid phone number.` };
  if (!from && !messagingServiceSid) {
    return { code: 21603, message: "A 'From' or 'MessagingServiceSid' parameter is required." };
  }
  if (!body) return { code: 21602, message: 'Message body is required.' };
  if (body.length > MAX_BODY_CHARS) {
    return { code: 21617, message: 'The concatenated message body exceeds the 1600 character limit.' };
  }
  if (statusCallback && !/^https?:\/\/[^/\s]+/.test(statusCallback)) {
    return { code: 21609, message: 'Invalid StatusCallback url' };
  }
  return undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function checkAuth(header: string | undefined, accountSid: string, authToken: string): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 && decoded.slice(0, colon) === accountSid && decoded.slice(colon + 1) === authToken;
}

/** Twilio's webhook poster: form-encoded, signed with the account's auth token over URL + sorted params. */
async function postSigned(
  url: string,
  params: Record<string, string>,
  authToken: string,
): Promise<{ status: number; body: string }> {
  const signature = twilio.getExpectedTwilioSignature(authToken, url, params);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      'User-Agent': 'TwilioProxy/1.1',
      'X-Twilio-Signature': signature,
      'I-Twilio-Idempotency-Token': randomBytes(16).toString('hex'),
    },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  return { status: res.status, body: await res.text() };
}

export async function startFakeTwilio(opts: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const accountSid = opts.accountSid ?? `AC${'0'.repeat(32)}`;
  const authToken = opts.authToken ?? 'test-token';
  const phoneNumber = opts.phoneNumber ?? '+15005550006';
  const received: ReceivedMessage[] = [];
  const byTo = new Map<string, Failure>();
  const queued: Failure[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let latencyMs = 0;
  let closed = false;

  const delay = (fn: () => void) => {
    if (latencyMs <= 0) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, latencyMs);
    timers.add(t);
  };

  const send = (
    res: http.ServerResponse,
    status: number,
    payload: unknown,
    headers: Record<string, string> = {},
  ) => {
    const text = JSON.stringify(payload);
    const write = () => {
      if (res.destroyed || res.writableEnded) return;
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
        'Twilio-Request-Id': newSid('RQ'),
        ...headers,
      });
      res.end(text);
    };
    delay(write);
  };

  const fail = (res: http.ServerResponse, failure: Failure) => {
    switch (failure.kind) {
      case 'timeout':
        // Never answered, so only the client's own timeout ends the request; close() frees the socket.
        return;
      case 'reset':
        delay(() => res.socket?.destroy());
        return;
      case 'http':
        if (failure.status === 429) {
          send(res, 429, errorBody(429, 20429, 'Too Many Requests'), { 'Retry-After': '1' });
        } else {
          send(
            res,
            failure.status,
            errorBody(
              failure.status,
              20500,
              failure.status === 503 ? 'Service Unavailable' : 'Internal Server Error',
            ),
          );
        }
        return;
      case 'twilio':
        send(
          res,
          failure.status,
          errorBody(
            failure.status,
            failure.code,
            failure.message ?? DEFAULT_MESSAGES[failure.code] ?? `Error ${failure.code}`,
          ),
        );
        return;
    }
  };

  const createMessage = (
    res: http.ServerResponse,
    form: URLSearchParams,
    at: number,
  ): ReceivedMessage | undefined => {
    const to = form.get('To') ?? '';
    const from = form.get('From') || undefined;
    const messagingServiceSid = form.get('MessagingServiceSid') || undefined;
    const body = form.get('Body') ?? '';
    const statusCallback = form.get('StatusCallback') || undefined;

    const invalid = validate(to, from, messagingServiceSid, body, statusCallback);
    if (invalid) {
      send(res, 400, errorBody(400, invalid.code, invalid.message));
      return undefined;
    }
    const failure = byTo.get(to);
    if (failure) {
      fail(res, failure);
      return undefined;
    }

    const sid = newSid('SM');
    const message: ReceivedMessage = { sid, at, to, body };
    if (from) message.from = from;
    if (messagingServiceSid) message.messagingServiceSid = messagingServiceSid;
    if (statusCallback) message.statusCallback = statusCallback;
    received.push(message);
    // A messaging service picks the sender later, so Twilio answers 'accepted' with from null.
    const status = messagingServiceSid ? 'accepted' : 'queued';
    const date = rfc2822(at);
    const uri = `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}.json`;
    send(res, 201, {
      account_sid: accountSid,
      api_version: API_VERSION,
      body,
      date_created: date,
      date_sent: null,
      date_updated: date,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: from ?? null,
      messaging_service_sid: messagingServiceSid ?? null,
      num_media: '0',
      num_segments: String(new SegmentedMessage(body).segmentsCount),
      price: null,
      price_unit: 'USD',
      sid,
      status,
      subresource_uris: { media: `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}/Media.json` },
      to,
      uri,
    });
    return message;
  };

  const server = http.createServer(async (req, res) => {
    const at = Date.now();
    const raw = await readBody(req).catch(() => '');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const m = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(path);
    if (m && req.method === 'POST') {
      fake.attempts += 1;
      const next = queued.shift();
      if (next) return fail(res, next);
    }
    if (!checkAuth(req.headers.authorization, accountSid, authToken)) {
      return send(res, 401, errorBody(401, 20003, 'Authenticate'), {
        'WWW-Authenticate': 'Basic realm="Twilio API"',
      });
    }
    if (!m || m[1] !== accountSid || req.method !== 'POST') {
      return send(res, 404, errorBody(404, 20404, `The requested resource ${path} was not found`));
    }
    let accepted: ReceivedMessage | undefined;
    try {
      accepted = createMessage(res, new URLSearchParams(raw), at);
    } catch {
      return send(res, 500, errorBody(500, 20500, 'Internal Server Error'));
    }
    if (accepted) opts.onMessage?.(accepted);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeTwilio = {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    received,
    attempts: 0,
    failNext(count, failure) {
      for (let i = 0; i < count; i++) queued.push(failure);
    },
    failTo(to, failure) {
      byTo.set(to, failure);
    },
    recover() {
      queued.length = 0;
      byTo.clear();
    },
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    async sendStatus(sid, status, o = {}) {
      const message = received.find((r) => r.sid === sid);
      if (!message) throw new Error(`fake twilio: no accepted message ${sid}`);
      const url = o.url ?? message.statusCallback;
      if (!url) throw new Error(`fake twilio: message ${sid} has no StatusCallback and no url was given`);
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: API_VERSION,
        From: message.from ?? phoneNumber,
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: message.to,
      };
      if (message.messagingServiceSid) params.MessagingServiceSid = message.messagingServiceSid;
      if (o.errorCode) params.ErrorCode = o.errorCode;
      return (await postSigned(url, params, authToken)).status;
    },
    sendInbound(url, p) {
      const sid = p.MessageSid ?? newSid('SM');
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: API_VERSION,
        Body: p.Body,
        From: p.From,
        MessageSid: sid,
        NumMedia: '0',
        NumSegments: String(new SegmentedMessage(p.Body).segmentsCount),
        SmsMessageSid: sid,
        SmsSid: sid,
        SmsStatus: 'received',
        To: p.To ?? phoneNumber,
      };
      return postSigned(url, params, authToken);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await done;
    },
  };
  return fake;
}
