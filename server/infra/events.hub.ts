import type { WebSocket } from 'ws';
import type { Db } from '../../db/client';
import type { Role } from '../../db/schema';
import { toIso } from '../lib/time';
import { EVENTS_PAGE, type EventRow, eventsAfter, lastEventId } from './events.repo';

export const CLOSE_SESSION_ENDED = 4001;
/** Close code when a session opened more feeds than it may: its oldest one goes. */
export const CLOSE_TOO_MANY_TABS = 4002;
/** Close code (RFC 6455 "try again later") when the server holds as many feeds as it will. */
export const CLOSE_FULL = 1013;
/** A person with a dashboard in a few tabs and a phone; more is a leak or an attack. */
export const MAX_FEEDS_PER_SESSION = 8;
export const MAX_FEEDS = 1000;
/** Feeds a heartbeat goes through before it lets other work run. */
const BEAT_SLICE = 100;

interface Client {
  socket: WebSocket;
  sessionId: number;
  role: Role;
  lastSentId: number;
  alive: boolean;
}

export interface LiveEvent {
  id: number;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

export function toLiveEvent(row: EventRow, zone: string): LiveEvent {
  return { id: row.id, type: row.type, at: toIso(row.at, zone), data: row.data };
}

function visibleTo(row: EventRow, role: Role): boolean {
  return row.roles === null || row.roles.split(',').includes(role);
}

/**
 * Pushes committed events to signed-in dashboards. It reads the events table after each commit rather
 * than trusting in-memory copies, so a client never sees a change that was rolled back, and replay
 * after a reconnect uses exactly the same path as live delivery.
 */
export class Hub {
  private readonly clients = new Set<Client>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly zone: string,
    private readonly limits = { perSession: MAX_FEEDS_PER_SESSION, total: MAX_FEEDS },
  ) {}

  get size(): number {
    return this.clients.size;
  }

  /** Registers a socket and replays what it missed since `since` (or nothing, when absent). */
  add(socket: WebSocket, sessionId: number, role: Role, since: number | null): void {
    const mine = [...this.clients].filter((c) => c.sessionId === sessionId);
    for (const old of mine.slice(0, Math.max(0, mine.length - this.limits.perSession + 1))) {
      this.clients.delete(old);
      old.socket.close(CLOSE_TOO_MANY_TABS, 'too many live feeds for one session');
    }
    if (this.clients.size >= this.limits.total) {
      socket.close(CLOSE_FULL, 'too many live feeds; try again later');
      return;
    }
    const client: Client = {
      socket,
      sessionId,
      role,
      lastSentId: since ?? lastEventId(this.db),
      alive: true,
    };
    this.clients.add(client);
    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('close', () => this.clients.delete(client));
    socket.on('error', () => this.clients.delete(client));
    this.catchUp(client);
  }

  /** Called after every commit: one read of the new events, fanned out to every dashboard. */
  flush(): void {
    if (this.clients.size === 0) return;
    this.deliver([...this.clients]);
  }

  private catchUp(client: Client): void {
    this.deliver([client]);
  }

  /** Sends each client the events after its own last one; reads start from the furthest behind. */
  private deliver(clients: Client[]): void {
    let from = Math.min(...clients.map((c) => c.lastSentId));
    for (;;) {
      const rows = eventsAfter(this.db, from);
      for (const row of rows) {
        // Encoded once for every dashboard, sent as a text frame.
        let wire: Buffer | undefined;
        for (const client of clients) {
          if (row.id <= client.lastSentId) continue;
          client.lastSentId = row.id;
          if (!visibleTo(row, client.role)) continue;
          wire ??= Buffer.from(JSON.stringify(toLiveEvent(row, this.zone)));
          client.socket.send(wire, { binary: false });
        }
      }
      if (rows.length < EVENTS_PAGE) return;
      from = rows.at(-1)!.id;
    }
  }

  closeSession(sessionId: number, reason = 'session ended'): void {
    for (const client of this.clients) {
      if (client.sessionId === sessionId) client.socket.close(CLOSE_SESSION_ENDED, reason);
    }
  }

  /**
   * Pings every socket, drops those that stopped answering, and closes those whose session died. A
   * session's liveness is asked once per beat (a person's tabs share it), and the feeds are gone
   * through BEAT_SLICE at a time with a turn of the event loop between: a beat over a thousand feeds
   * took a tenth of a second in one piece, and held up any live event that fell in it.
   */
  async beat(isSessionLive: (sessionId: number) => boolean): Promise<void> {
    const live = new Map<number, boolean>();
    const clients = [...this.clients];
    for (let i = 0; i < clients.length; i += 1) {
      if (i > 0 && i % BEAT_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      const client = clients[i]!;
      if (!this.clients.has(client)) continue;
      let sessionLive = live.get(client.sessionId);
      if (sessionLive === undefined) {
        sessionLive = isSessionLive(client.sessionId);
        live.set(client.sessionId, sessionLive);
      }
      if (!sessionLive) {
        client.socket.close(CLOSE_SESSION_ENDED, 'session expired');
        continue;
      }
      if (!client.alive) {
        client.socket.terminate();
        this.clients.delete(client);
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }

  startHeartbeat(isSessionLive: (sessionId: number) => boolean, everyMs = 30_000): void {
    this.heartbeat = setInterval(() => void this.beat(isSessionLive), everyMs);
    this.heartbeat.unref();
  }

  closeAll(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const client of this.clients) client.socket.close(1001, 'server shutting down');
    this.clients.clear();
  }
}
