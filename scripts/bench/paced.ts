// A steady rate as the targets mean it: one request every 1/rate seconds, on a schedule kept whatever
// the answers take (open loop), over a few kept-alive connections. autocannon's `overallRate` lets each
// connection send its share of a second back to back at the start of the second, then wait: "100 a
// second" was a burst of 100 at full speed each second, and its p99 that burst's queue.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadResult } from './load';
import { percentile } from './stats';

export interface PacedRequest {
  path: string;
  headers: Record<string, string>;
  body: () => string;
  /** A fresh `Idempotency-Key` for each request, when the route takes one. */
  key?: () => string;
}

/** Sends `rate` requests a second for `seconds`, evenly spaced; latency from send to the whole answer. */
export async function paced(
  url: string,
  req: PacedRequest,
  rate: number,
  seconds: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });
  const target = new URL(req.path, url);
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const one = () =>
    new Promise<void>((resolve) => {
      const body = req.body();
      const sent = performance.now();
      const r = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            ...req.headers,
            ...(req.key ? { 'idempotency-key': req.key() } : {}),
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => {
            latencies.push(performance.now() - sent);
            if ((res.statusCode ?? 0) >= 300) errors += 1;
            resolve();
          });
        },
      );
      r.on('error', () => {
        errors += 1;
        resolve();
      });
      r.end(body);
    });
  const count = Math.round(rate * seconds);
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(one());
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    rps: Math.round(count / elapsed),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    requests: count,
    errors,
  };
}
