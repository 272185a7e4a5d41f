// Measures the API on this machine and writes docs/BENCHMARKS.md. Loopback only, bounded in time.
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { startTestServer } from '../tests/helpers/server';
import { benchDispatch } from './bench-dispatch';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 20;
const RUNS = 30;

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function run(name: string, opts: autocannon.Options): Promise<Row> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...opts });
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(
    `${name}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, errors ${errors}`,
  );
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

const server = await startTestServer();
try {
  await server.createUser({
    email: 'bench@example.org',
    name: 'Bench',
    password: 'bench password 1',
    role: 'coordinator',
  });
  const cookie = await server.login('bench@example.org', 'bench password 1');
  const headers = { cookie, 'content-type': 'application/json' };
  let siteCount = 0;
  const rows = [
    await run('GET /healthz', { url: `${server.url}/healthz` }),
    await run('GET /api/sites (authenticated read)', { url: `${server.url}/api/sites`, headers }),
    await run('POST /api/sites (write + audit + event, synchronous=FULL)', {
      url: `${server.url}/api/sites`,
      method: 'POST',
      headers,
      // Site names are unique: each request names a new one.
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ name: `Bench station ${++siteCount}`, kind: 'bus_station' }),
          }),
        },
      ],
    }),
    await run('POST /api/releases (release + timeline + audit + event)', {
      url: `${server.url}/api/releases`,
      method: 'POST',
      headers,
      body: JSON.stringify({
        siteId: 1,
        adults: 3,
        children: 1,
        languages: ['es'],
        needs: ['food', 'shoes'],
      }),
    }),
    await run('POST /api/sms/simulate (inbound text routed, reply queued)', {
      url: `${server.url}/api/sms/simulate`,
      method: 'POST',
      headers,
      body: JSON.stringify({ from: '+13035550142', body: 'HELP' }),
    }),
  ];
  const dispatch = await benchDispatch(10_000, RUNS);
  console.log(
    `ranking 10,000: median ${dispatch.rankingMs.median} ms; dispatch: median ${dispatch.dispatchMs.median} ms; roster: median ${dispatch.rosterMs.median} ms`,
  );
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const table = rows
    .map((r) => `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} |`)
    .join('\n');
  const doc = `# Benchmarks

Measured by \`npm run bench\` (scripts/bench.ts): the real app on a SQLite file in WAL mode with
\`synchronous=FULL\`, ${CONNECTIONS} connections from autocannon over loopback for ${DURATION_S} s per row.
Numbers depend on the machine and its disk; compare runs on the same machine only.

Last run: ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, Node ${process.version}.

| request | requests/s | p50 ms | p99 ms | errors |
|---|---|---|---|---|
${table}

Each write is one transaction holding the site, its audit line and its live event, made durable
(fsync) before the answer: the write rate is bounded by the disk's flush rate, not by the CPU.

## Dispatch on a large roster

${dispatch.volunteers.toLocaleString('en-US')} volunteers (a tenth unscreened, some high-risk, 200 on shift now), ranked
for a release as a dispatch does (eligibility, bands, language and skill fit), and a whole dispatch —
ranking, offers and their texts committed to the outbox — timed in-process over ${RUNS} runs each.

| measure | median ms | p95 ms | target |
|---|---|---|---|
| rank every volunteer and pick a wave of six | ${dispatch.rankingMs.median} | ${dispatch.rankingMs.p95} | under 20 |
| rank and explain every volunteer (the candidates view) | ${dispatch.explainMs.median} | ${dispatch.explainMs.p95} | — |
| dispatch request until its offers are in the outbox | ${dispatch.dispatchMs.median} | ${dispatch.dispatchMs.p95} | under 100 |
| the roster with every volunteer's opt-out and screening state (GET /api/volunteers) | ${dispatch.rosterMs.median} | ${dispatch.rosterMs.p95} | under 250 |

The roster is read in three queries whatever its size (volunteers, opt-outs, every screening state), not
three per volunteer.
`;
  fs.mkdirSync('docs', { recursive: true });
  fs.writeFileSync('docs/BENCHMARKS.md', doc);
  console.log('written docs/BENCHMARKS.md');
} finally {
  await server.close();
}
