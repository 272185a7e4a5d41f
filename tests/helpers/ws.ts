import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { LiveEvent } from '../../server/infra/events.hub';

export interface LiveClient {
  socket: WebSocket;
  /** Every event received so far, in arrival order. */
  received: LiveEvent[];
  /** Resolves once `count` events in total have arrived, with all of them. */
  waitFor(count: number): Promise<LiveEvent[]>;
  /** Resolves with the close code and reason when the server (or the client) closes the socket. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves on the next ping the server sends. */
  nextPing(): Promise<void>;
}

function track(socket: WebSocket): LiveClient {
  const received: LiveEvent[] = [];
  const waiters: { count: number; resolve: (events: LiveEvent[]) => void }[] = [];
  const pingWaiters: (() => void)[] = [];
  socket.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as LiveEvent);
    for (const waiter of [...waiters]) {
      if (received.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve([...received]);
      }
    }
  });
  socket.on('ping', () => {
    for (const resolve of pingWaiters.splice(0)) resolve();
  });
  // The server closing with an error code surfaces as 'error' on some paths; 'close' still follows.
  socket.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  return {
    socket,
    received,
    closed,
    waitFor(count) {
      if (received.length >= count) return Promise.resolve([...received]);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    nextPing() {
      return new Promise((resolve) => pingWaiters.push(resolve));
    },
  };
}

/** Opens /ws in-process with app.injectWS; listeners are attached before the first frame can arrive. */
export async function connectLive(
  app: FastifyInstance,
  opts: { cookie: string; since?: number; origin?: string },
): Promise<LiveClient> {
  let client: LiveClient | undefined;
  const headers: Record<string, string> = { cookie: opts.cookie };
  if (opts.origin) headers.origin = opts.origin;
  const url = opts.since === undefined ? '/ws' : `/ws?since=${opts.since}`;
  await app.injectWS(
    url,
    { headers },
    {
      onInit: (ws) => {
        client = track(ws);
      },
    },
  );
  return client!;
}

/**
 * Opens /ws over a real loopback connection and answers the HTTP response that refused the upgrade
 * (status and JSON body) once the server has closed the connection; rejects when the upgrade succeeded.
 */
export async function refusedUpgrade(
  baseUrl: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: { error: { code: string; message: string; details: unknown[] } } }> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, { headers });
  return new Promise((resolve, reject) => {
    socket.on('open', () => {
      socket.close();
      reject(new Error('the upgrade was accepted'));
    });
    socket.on('error', () => {});
    socket.on('unexpected-response', (_req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      // Resolves only once the server has also dropped the connection: a refused upgrade must not
      // leave its socket open on the server.
      res.socket.on('close', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        } catch (err) {
          reject(err);
        }
      });
    });
  });
}
