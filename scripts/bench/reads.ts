// The roster and coverage pages' reads, one request at a time as a coordinator's dashboard makes them.
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { median, percentile } from './stats';

export interface ReadTiming {
  median: number;
  p95: number;
  items: number;
}

/** Requests made before the measured ones. */
const WARM_UP = 10;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One GET as a browser makes it: compression accepted, the whole body received and unzipped in one
 * native call, as a browser's network stack does (fetch's streaming unzip in JavaScript took longer
 * than the server's whole answer, and its time varied by as much).
 */
function get(url: string, cookie: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { cookie, 'accept-encoding': 'gzip, br' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const body =
          encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export async function timeGet(url: string, cookie: string, samples: number): Promise<ReadTiming> {
  const times: number[] = [];
  let items = 0;
  // Unmeasured requests first: the first reads after a start warm SQLite's page cache and compile the
  // path hot (the first ten list requests after a start took up to eight times as long as later ones).
  for (let i = -WARM_UP; i < samples; i += 1) {
    const t0 = performance.now();
    // Until the whole answer has arrived and is unzipped.
    const res = await get(url, cookie);
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    if (i >= 0) {
      times.push(ms);
      continue;
    }
    if (i > -WARM_UP) continue;
    // Reading the JSON is the bench's own work, not the server's: done once, for the count, since the
    // collection of a 3 MB answer's objects would otherwise land in the next request's time.
    const body = JSON.parse(res.body.toString('utf8')) as { items?: unknown[]; days?: unknown[] };
    items = (body.items ?? body.days ?? []).length;
  }
  return { median: median(times), p95: percentile(times, 0.95), items };
}
