// The roster and coverage pages' reads, one request at a time as a coordinator's dashboard makes them.
import { median, percentile } from './stats';

export interface ReadTiming {
  median: number;
  p95: number;
  items: number;
}

export async function timeGet(url: string, cookie: string, samples: number): Promise<ReadTiming> {
  const times: number[] = [];
  let items = 0;
  // One unmeasured request first: the first read after a start warms SQLite's page cache.
  for (let i = -1; i < samples; i += 1) {
    const t0 = performance.now();
    // Until the whole answer has arrived (and is unzipped, as a browser would).
    const res = await fetch(url, { headers: { cookie } });
    const bytes = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    if (i >= 0) {
      times.push(ms);
      continue;
    }
    // Reading the JSON is the bench's own work, not the server's: done once, for the count, since the
    // collection of a 3 MB answer's objects would otherwise land in the next request's time.
    const body = JSON.parse(new TextDecoder().decode(bytes)) as { items?: unknown[]; days?: unknown[] };
    items = (body.items ?? body.days ?? []).length;
  }
  return { median: median(times), p95: percentile(times, 0.95), items };
}
