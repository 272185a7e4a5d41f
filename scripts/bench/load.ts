// HTTP load with autocannon, the same settings for the app and the bare route so their ratio means
// something. Everything goes to 127.0.0.1 and stops after a bounded time or count.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import twilio from 'twilio';
import { paced } from './paced';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

/** Connections for throughput runs: enough to keep both servers' single thread busy. */
export const CONNECTIONS = 10;

export async function load(opts: autocannon.Options): Promise<LoadResult> {
  // autocannon notices the end of a run only at its sample ticks, so a run bounded by `amount` is timed
  // here instead, from the start to its last answer.
  const started = performance.now();
  let last = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon({ connections: CONNECTIONS, sampleInt: 100, ...opts }, (err, done) =>
      err ? reject(err) : resolve(done),
    );
    run.on('response', () => {
      last = performance.now();
    });
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  const seconds = Math.max(0.001, opts.amount ? (last - started) / 1000 : result.duration);
  return {
    rps: Math.round(result.requests.total / seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors,
  };
}

const json = { 'content-type': 'application/json' };
const releaseBody = (siteId: number) =>
  JSON.stringify({ siteId, adults: 3, children: 1, languages: ['es'], needs: ['food', 'shoes'] });

/** The bare route: one insert per request, as fast as it goes. */
export function bareInsert(url: string, duration: number): Promise<LoadResult> {
  return load({ url: `${url}/rows`, method: 'POST', duration, headers: json, body: releaseBody(1) });
}

/** The bare route at a steady `rate` a second, evenly spaced. */
export function bareSteady(url: string, seconds: number, rate: number): Promise<LoadResult> {
  return paced(url, { path: '/rows', headers: json, body: () => releaseBody(1) }, rate, seconds);
}

/** Logging a release as the dashboard does: session cookie, JSON (the app's CSRF rule), an idempotency key. */
export function logReleases(
  url: string,
  cookie: string,
  siteId: number,
  opts: { duration: number },
): Promise<LoadResult> {
  return load({
    url: `${url}/api/releases`,
    method: 'POST',
    ...opts,
    headers: { ...json, cookie, origin: url },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: { ...req.headers, 'idempotency-key': randomUUID() },
          body: releaseBody(siteId),
        }),
      },
    ],
  });
}

/** Releases logged at a steady `rate` a second, evenly spaced, each with its own idempotency key. */
export function releasesSteady(
  url: string,
  cookie: string,
  siteId: number,
  seconds: number,
  rate: number,
): Promise<LoadResult> {
  return paced(
    url,
    {
      path: '/api/releases',
      headers: { ...json, cookie, origin: url },
      body: () => releaseBody(siteId),
      key: () => randomUUID(),
    },
    rate,
    seconds,
  );
}

/** Numbers the MessageSids of every run in this process: a repeated sid is a retry the app ignores. */
let sent = 0;

/** Twilio's inbound webhook, signed over PUBLIC_URL as Twilio signs it, one new MessageSid each. */
export function inboundTexts(
  url: string,
  token: string,
  texts: () => { from: string; body: string },
  opts: { duration?: number; amount?: number },
): Promise<LoadResult> {
  return load({
    url: `${url}/sms/inbound`,
    method: 'POST',
    ...opts,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    requests: [
      {
        setupRequest: (req) => {
          const { from, body } = texts();
          sent += 1;
          const params = { MessageSid: `SMbench${process.pid}x${sent}`, From: from, Body: body };
          const signature = twilio.getExpectedTwilioSignature(token, `${url}/sms/inbound`, params);
          return {
            ...req,
            headers: { ...req.headers, 'x-twilio-signature': signature },
            body: new URLSearchParams(params).toString(),
          };
        },
      },
    ],
  });
}
