import { EventEmitter } from 'node:events';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { openMigratedDb } from '../../db/client';
import { CLOSE_FULL, CLOSE_TOO_MANY_TABS, Hub, MAX_FEEDS_PER_SESSION } from '../../server/infra/events.hub';
import { buildTestApp, type TestApp } from '../helpers/app';
import { connectLive } from '../helpers/ws';

describe('connection limits', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('cuts off a client that dribbles its request body, answering 408', { timeout: 30_000 }, async () => {
    t = await buildTestApp({ env: { REQUEST_TIMEOUT_SECONDS: '1' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d) => {
      answer += d.toString();
    });
    socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{',
    );
    const dribble = setInterval(() => socket.write(' '), 200);
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    clearInterval(dribble);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('keeps one session to a few live feeds, closing its oldest', async () => {
    t = await buildTestApp();
    const cookie = await t.signIn('viewer');
    const feeds = [];
    for (let i = 0; i <= MAX_FEEDS_PER_SESSION; i += 1) feeds.push(await connectLive(t.app, { cookie }));
    expect((await feeds[0]!.closed).code).toBe(CLOSE_TOO_MANY_TABS);
    expect(t.app.hub.size).toBe(MAX_FEEDS_PER_SESSION);
    // Another person is not affected.
    await connectLive(t.app, { cookie: await t.signIn('viewer') });
    expect(t.app.hub.size).toBe(MAX_FEEDS_PER_SESSION + 1);
    for (const f of feeds) f.socket.close();
  });

  it('refuses feeds beyond the total with "try again later"', () => {
    const db = openMigratedDb(':memory:');
    const hub = new Hub(db, 'UTC', { perSession: 2, total: 3 });
    const sockets = Array.from({ length: 4 }, () => {
      const s = Object.assign(new EventEmitter(), { closedWith: 0, send() {}, ping() {}, terminate() {} });
      return Object.assign(s, {
        close(code: number) {
          s.closedWith = code;
        },
      });
    });
    sockets.forEach((s, i) => {
      hub.add(s as unknown as WebSocket, i + 1, 'viewer', null);
    });
    expect(sockets.map((s) => s.closedWith)).toEqual([0, 0, 0, CLOSE_FULL]);
    expect(hub.size).toBe(3);
    db.$client.close();
  });
});
