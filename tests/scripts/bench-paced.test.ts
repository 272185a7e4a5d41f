import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paced } from '../../scripts/bench/paced';

// The bench's "steady 100 a second" must arrive as a steady stream, never as a burst each second
// (autocannon's rate limit sends each connection's share of a second back to back).
describe('the bench at a steady rate', () => {
  let server: http.Server;
  let url: string;
  const arrivals: number[] = [];
  const keys: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      arrivals.push(performance.now());
      keys.push(String(req.headers['idempotency-key']));
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('spaces its requests evenly over the run and gives each its own key', async () => {
    let n = 0;
    const result = await paced(
      url,
      {
        path: '/rows',
        headers: { 'content-type': 'application/json' },
        body: () => '{}',
        key: () => `k${n++}`,
      },
      50,
      1,
    );
    expect(result).toMatchObject({ requests: 50, errors: 0 });
    expect(arrivals).toHaveLength(50);
    expect(new Set(keys).size).toBe(50);
    // Fifty a second is one every 20 ms: the run spans about a second (less if the first request waits
    // for its connection on a busy machine), and no 100 ms holds half of them. A burst brings all fifty
    // within a few milliseconds.
    const span = arrivals.at(-1)! - arrivals[0]!;
    expect(span).toBeGreaterThan(700);
    const most = Math.max(...arrivals.map((a) => arrivals.filter((b) => b >= a && b < a + 100).length));
    expect(most).toBeLessThan(25);
  });
});
