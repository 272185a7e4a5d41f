// The dashboards' own process: opens the live feeds as browsers do (session cookie, the dashboard's
// Origin) and time-stamps each release.created frame on arrival, in wall-clock milliseconds
// (performance.timeOrigin + now) that the bench process can compare with its own. Driven over IPC by
// openDashboards (live.ts), so the bench's own heap and work never delay an arrival.
// Usage: forked with argv[2] = '{"url":…,"cookies":[…],"count":…,"perSession":…}'.
import WebSocket from 'ws';

type Command = { type: 'reset' } | { type: 'collect'; waitMs: number } | { type: 'close' };

const { url, cookies, count, perSession } = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  cookies: string[];
  count: number;
  perSession: number;
};
const now = () => performance.timeOrigin + performance.now();
const first: number[] = Array.from({ length: count }, () => Number.NaN);
const sockets: WebSocket[] = [];

async function open(): Promise<void> {
  const opened: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, {
      headers: { cookie: cookies[Math.floor(i / perSession)]!, origin: url },
    });
    // Time-stamped on arrival, before any parsing.
    ws.on('message', (data) => {
      const at = now();
      if (Number.isNaN(first[i]!) && data.toString().includes('"type":"release.created"')) first[i] = at;
    });
    ws.on('error', () => {});
    opened.push(
      new Promise((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('close', (code) => reject(new Error(`dashboard ${i} closed with ${code}`)));
        ws.once('unexpected-response', (_req, res) => reject(new Error(`dashboard ${i}: ${res.statusCode}`)));
      }),
    );
    sockets.push(ws);
    // Opened in groups, as dashboards come back after a restart, not all in one instant.
    if (i % 100 === 99) await Promise.allSettled(opened.slice(-100));
  }
  await Promise.all(opened);
}

async function close(): Promise<void> {
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          ws.once('close', () => resolve());
          ws.close();
          setTimeout(() => {
            ws.terminate();
            resolve();
          }, 2000).unref();
        }),
    ),
  );
}

process.on('message', async (m: Command) => {
  if (m.type === 'reset') {
    first.fill(Number.NaN);
    process.send!({ type: 'reset' });
  } else if (m.type === 'collect') {
    const deadline = now() + m.waitMs;
    while (first.some(Number.isNaN) && now() < deadline) await new Promise((r) => setTimeout(r, 2));
    process.send!({ type: 'arrivals', first });
  } else {
    await close();
    process.send!({ type: 'closed' }, () => process.exit(0));
  }
});

open().then(
  () => process.send!({ type: 'ready' }),
  (err: Error) => process.send!({ type: 'failed', message: err.message }, () => process.exit(1)),
);
