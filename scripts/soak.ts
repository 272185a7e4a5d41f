// Ten minutes (SOAK_MINUTES) of mixed load with live dashboards connected; records memory and
// event-loop lag each minute and writes docs/RELIABILITY.md. Not part of `npm test`.
import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { startTestServer } from '../tests/helpers/server';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WORKERS = 8;
const DASHBOARDS = 10;
const PAUSE_MS = 15;

interface Sample {
  minute: number;
  requests: number;
  failures: number;
  serverErrors: number;
  events: number;
  rssMb: number;
  heapMb: number;
  lagP99Ms: number;
  lagMaxMs: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const server = await startTestServer({ SMS_RATE_PER_SEC: '100', SMS_QUIET_HOURS: 'off' });
const password = 'soak test passphrase';
await server.createUser({ email: 'soak@example.org', name: 'Soak', password, role: 'coordinator' });
const cookie = await server.login('soak@example.org', password);
const headers = { cookie, 'content-type': 'application/json' };

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: { id: number } }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as { id: number } };
}

const site = (
  await call('POST', '/api/sites', { name: 'Soak station', kind: 'bus_station', smsKeyword: 'SOAK' })
).json;
const phones: string[] = [];
for (let i = 0; i < 40; i += 1) {
  const phone = `+1303555${String(4000 + i)}`;
  const v = await call('POST', '/api/volunteers', {
    name: `Soak ${i}`,
    phone,
    languages: ['es'],
    skills: [],
  });
  await call('POST', `/api/volunteers/${v.json.id}/screenings`, { symptoms: false });
  phones.push(phone);
}

let events = 0;
const sockets: WebSocket[] = [];
for (let i = 0; i < DASHBOARDS; i += 1) {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws`, {
    headers: { cookie, origin: server.url },
  });
  ws.on('message', () => {
    events += 1;
  });
  ws.on('error', () => {});
  sockets.push(ws);
}

let requests = 0;
let failures = 0;
let serverErrors = 0;
let counter = 0;
const openReleases: number[] = [];

const ops: (() => Promise<{ status: number }>)[] = [
  async () => {
    const r = await call('POST', '/api/releases', {
      siteId: site.id,
      adults: 2,
      children: 1,
      languages: ['es'],
    });
    if (r.status === 201) openReleases.push(r.json.id);
    return r;
  },
  async () => {
    const id = openReleases.shift();
    if (id === undefined) return call('GET', '/api/releases');
    return call('POST', `/api/releases/${id}/status`, { status: 'cancelled' });
  },
  () => call('GET', '/api/releases'),
  () => call('GET', '/api/volunteers'),
  () => call('GET', '/api/shifts/coverage'),
  () => call('GET', '/api/sms/messages?limit=50'),
  () => call('POST', '/api/sms/simulate', { from: phones[counter % phones.length], body: 'STATUS' }),
  () => call('POST', '/api/sms/simulate', { from: phones[counter % phones.length], body: 'HELP' }),
  () => call('GET', '/healthz'),
];

const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const samples: Sample[] = [];
const endAt = Date.now() + MINUTES * 60_000;
let stopping = false;

async function worker(): Promise<void> {
  while (!stopping) {
    counter += 1;
    const op = ops[counter % ops.length]!;
    try {
      const r = await op();
      requests += 1;
      if (r.status >= 500) serverErrors += 1;
      if (r.status >= 400) failures += 1;
    } catch {
      failures += 1;
    }
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
}

const running = Array.from({ length: WORKERS }, () => worker());
for (let minute = 1; Date.now() < endAt; minute += 1) {
  await new Promise((r) => setTimeout(r, Math.min(60_000, endAt - Date.now())));
  gc?.();
  const mem = process.memoryUsage();
  const sample: Sample = {
    minute,
    requests,
    failures,
    serverErrors,
    events,
    rssMb: mb(mem.rss),
    heapMb: mb(mem.heapUsed),
    lagP99Ms: Math.round(lag.percentile(99) / 1e5) / 10,
    lagMaxMs: Math.round(lag.max / 1e5) / 10,
  };
  samples.push(sample);
  console.log(JSON.stringify(sample));
  lag.reset();
  requests = 0;
  failures = 0;
  serverErrors = 0;
  events = 0;
}
stopping = true;
await Promise.all(running);
for (const ws of sockets) ws.close();
await server.close();

/** Least-squares slope of heap after GC over the second half, in MB per minute. */
function slope(points: Sample[]): number {
  const half = points.slice(Math.floor(points.length / 2));
  const n = half.length;
  if (n < 2) return 0;
  const mx = half.reduce((s, p) => s + p.minute, 0) / n;
  const my = half.reduce((s, p) => s + p.heapMb, 0) / n;
  const num = half.reduce((s, p) => s + (p.minute - mx) * (p.heapMb - my), 0);
  const den = half.reduce((s, p) => s + (p.minute - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const heapSlope = Math.round(slope(samples) * 100) / 100;
const total = samples.reduce((s, p) => s + p.requests, 0);
const totalServerErrors = samples.reduce((s, p) => s + p.serverErrors, 0);
const verdict = Math.abs(heapSlope) < 1 ? 'no growth trend' : 'GROWTH: investigate';
const doc = `# Reliability

\`npm run soak\` runs ${MINUTES} minutes of mixed load (${WORKERS} clients writing and reading releases,
the roster, coverage, the SMS log and inbound texts, ${PAUSE_MS} ms apart) with ${DASHBOARDS} dashboards on the
live feed, in one process with the server (so the event-loop lag includes the load generator's own
work). Each minute it records the requests, failures (4xx and 5xx), server errors (5xx), live events
received, the resident and heap memory after a full garbage collection, and the event-loop lag.

Last run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} CPU ${os.cpus()[0]?.model ?? ''}, ${mb(os.totalmem())} MB.

| minute | requests | failures | 5xx | live events | RSS MB | heap MB (after GC) | loop lag p99 ms | loop lag max ms |
|---|---|---|---|---|---|---|---|---|
${samples.map((s) => `| ${s.minute} | ${s.requests} | ${s.failures} | ${s.serverErrors} | ${s.events} | ${s.rssMb} | ${s.heapMb} | ${s.lagP99Ms} | ${s.lagMaxMs} |`).join('\n')}

${total} requests, ${totalServerErrors} server errors. Heap after GC over the second half: ${heapSlope} MB per
minute: **${verdict}**${gc ? '' : ' (run without --expose-gc: heap figures include garbage)'}.
`;
fs.writeFileSync(new URL('../docs/RELIABILITY.md', import.meta.url), doc);
console.log(`wrote docs/RELIABILITY.md: ${verdict}`);
