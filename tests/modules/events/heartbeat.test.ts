import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { CLOSE_SESSION_ENDED, Hub, MAX_FEEDS_PER_SESSION } from '../../../server/infra/events.hub';
import { buildTestApp, type TestApp } from '../../helpers/app';

/** A feed's socket as the hub uses it, recording what the hub did to it. */
function fakeSocket() {
  const done = { pings: 0, closedWith: null as number | null, terminated: false };
  const socket = {
    on: () => socket,
    send: () => {},
    ping: () => {
      done.pings += 1;
    },
    close: (code: number) => {
      done.closedWith = code;
    },
    terminate: () => {
      done.terminated = true;
    },
  };
  return { socket: socket as unknown as WebSocket, done };
}

describe('the live feeds’ heartbeat', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  it('asks once per session, closes the dead sessions’ feeds, pings the rest, and lets other work run between slices', async () => {
    const hub = new Hub(t.db, 'America/Denver');
    const sessions = 40;
    const feeds = Array.from({ length: sessions * MAX_FEEDS_PER_SESSION }, (_, i) => {
      const feed = { sessionId: 1 + Math.floor(i / MAX_FEEDS_PER_SESSION), ...fakeSocket() };
      hub.add(feed.socket, feed.sessionId, 'viewer', null);
      return feed;
    });
    expect(hub.size).toBe(320);

    const asked: number[] = [];
    const beat = hub.beat((id) => {
      asked.push(id);
      return id !== 7;
    });
    // Other work gets the event loop before the beat has gone through every feed.
    const touched = () => feeds.filter((f) => f.done.pings > 0 || f.done.closedWith !== null).length;
    expect(touched()).toBeLessThan(feeds.length);
    await beat;

    expect(asked).toHaveLength(sessions);
    expect(new Set(asked).size).toBe(sessions);
    for (const f of feeds) {
      if (f.sessionId === 7) expect(f.done).toMatchObject({ pings: 0, closedWith: CLOSE_SESSION_ENDED });
      else expect(f.done).toMatchObject({ pings: 1, closedWith: null });
    }
  });

  it('drops a feed that did not answer the last ping at the next beat', async () => {
    const hub = new Hub(t.db, 'America/Denver');
    const { socket, done } = fakeSocket();
    hub.add(socket, 1, 'viewer', null);
    await hub.beat(() => true);
    expect(done.pings).toBe(1);
    await hub.beat(() => true);
    expect(done.terminated).toBe(true);
    expect(hub.size).toBe(0);
  });
});
