import type { LightMyRequestResponse } from 'fastify';
import twilio from 'twilio';
import type { SmsKind } from '../../../db/schema';
import { systemActor } from '../../../server/lib/commands';
import { twilioGateway } from '../../../server/modules/sms/sms.twilio';
import { buildTestApp, type TestApp, type TestAppOptions, testConfig } from '../../helpers/app';
import type { FakeTwilio } from '../../helpers/fake-twilio';
import { smsRows } from '../../helpers/fixtures';

export const PUBLIC_URL = 'https://bienvenida.example.org';
export const TWILIO_FROM = '+15005550006';
export const AUTH_TOKEN = 'test-token';

/** The app with the twilio driver, i.e. the real twilio client, pointed at the fake. */
export function buildTwilioApp(fake: FakeTwilio, opts: Omit<TestAppOptions, 'sms'> = {}): Promise<TestApp> {
  const env: Record<string, string> = {
    SMS_DRIVER: 'twilio',
    TWILIO_ACCOUNT_SID: fake.accountSid,
    TWILIO_AUTH_TOKEN: fake.authToken,
    TWILIO_FROM,
    TWILIO_API_BASE: fake.baseUrl,
    PUBLIC_URL,
    SMS_RATE_PER_SEC: '50',
    SMS_QUIET_HOURS: 'off',
    ...opts.env,
  };
  return buildTestApp({ ...opts, env, sms: twilioGateway(testConfig(env)) });
}

/** The console driver, with a token so webhooks can be signed, and no pacing or quiet hours in the way. */
export function buildConsoleApp(opts: TestAppOptions = {}): Promise<TestApp> {
  return buildTestApp({
    ...opts,
    env: {
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      PUBLIC_URL,
      SMS_RATE_PER_SEC: '50',
      SMS_QUIET_HOURS: 'off',
      ...opts.env,
    },
  });
}

export function queue(t: TestApp, to: string, body: string, kind: SmsKind = 'direct') {
  return t.app.core.commands.run(systemActor, (ctx) => t.app.services.sms.enqueue(ctx, { to, body, kind }));
}

export function smsRow(t: TestApp, id: number) {
  const row = smsRows(t).find((r) => r.id === id);
  if (!row) throw new Error(`no sms ${id}`);
  return row;
}

let sidCounter = 0;
export function newMessageSid(): string {
  sidCounter += 1;
  return `SM${sidCounter.toString(16).padStart(32, '0')}`;
}

export interface SignedPost {
  /** The URL the signature is computed over; PUBLIC_URL + path unless given. */
  signedUrl?: string;
  /** Overrides the computed signature; null sends none. */
  signature?: string | null;
  token?: string;
  headers?: Record<string, string>;
}

/** Posts a Twilio-style webhook (form-encoded, X-Twilio-Signature over URL + params) through inject. */
export function postSigned(
  t: TestApp,
  path: string,
  params: Record<string, string>,
  opts: SignedPost = {},
): Promise<LightMyRequestResponse> {
  const url = opts.signedUrl ?? `${PUBLIC_URL}${path}`;
  const signature =
    opts.signature === undefined
      ? twilio.getExpectedTwilioSignature(opts.token ?? t.config.TWILIO_AUTH_TOKEN ?? AUTH_TOKEN, url, params)
      : opts.signature;
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    ...opts.headers,
  };
  if (signature !== null) headers['x-twilio-signature'] = signature;
  return t.app.inject({
    method: 'POST',
    url: path,
    headers,
    payload: new URLSearchParams(params).toString(),
  });
}

/** An inbound SMS as Twilio posts it. */
export function inbound(
  t: TestApp,
  from: string,
  body: string,
  opts: SignedPost & { sid?: string } = {},
): Promise<LightMyRequestResponse> {
  const sid = opts.sid ?? newMessageSid();
  return postSigned(
    t,
    '/sms/inbound',
    {
      AccountSid: `AC${'0'.repeat(32)}`,
      ApiVersion: '2010-04-01',
      Body: body,
      From: from,
      MessageSid: sid,
      NumMedia: '0',
      SmsMessageSid: sid,
      SmsSid: sid,
      SmsStatus: 'received',
      To: TWILIO_FROM,
    },
    opts,
  );
}

/** A delivery report as Twilio posts it. */
export function statusCallback(
  t: TestApp,
  sid: string,
  status: string,
  opts: SignedPost & { errorCode?: string; to?: string } = {},
): Promise<LightMyRequestResponse> {
  const params: Record<string, string> = {
    AccountSid: `AC${'0'.repeat(32)}`,
    ApiVersion: '2010-04-01',
    From: TWILIO_FROM,
    MessageSid: sid,
    MessageStatus: status,
    SmsSid: sid,
    SmsStatus: status,
    To: opts.to ?? '+13035550100',
  };
  if (opts.errorCode) params.ErrorCode = opts.errorCode;
  return postSigned(t, '/sms/status', params, opts);
}

/** Largest number of arrivals inside any window of `windowMs` (half-open, as a rate limit counts). */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
