import { startFreshReads } from './api/http';
import { createStore } from './store';

export type LiveState = 'live' | 'connecting' | 'offline';

export interface LiveEvent {
  id: number;
  type: string;
  at: string;
  data: unknown;
}

type EventListener = (event: LiveEvent) => void;

/** Close code the server uses when the session behind the socket has ended. */
const SESSION_ENDED = 4001;
const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 15000;

export const liveState = createStore<LiveState>('offline');

const eventListeners = new Set<{ prefix: string; fn: EventListener }>();
const resyncListeners = new Set<() => void>();
let sessionEndedHandler: (() => void) | null = null;

let socket: WebSocket | null = null;
let running = false;
let lastId: number | null = null;
let failures = 0;
let retryTimer: number | undefined;
/** The first connection replays from the page's own starting point, so nothing needs fetching again. */
let replayCoversReads = false;
let stillSignedIn: () => Promise<boolean> = async () => true;

/** `prefix` matches the event type's start: 'site.' gets site.created, site.updated… '' gets all. */
export function onEvent(prefix: string, fn: EventListener): () => void {
  const entry = { prefix, fn };
  eventListeners.add(entry);
  return () => eventListeners.delete(entry);
}

/** Fired on every (re)connection: whatever was on screen may be stale, so refetch. */
export function onResync(fn: () => void): () => void {
  resyncListeners.add(fn);
  return () => resyncListeners.delete(fn);
}

export function onSessionEnded(fn: (() => void) | null): void {
  sessionEndedHandler = fn;
}

function socketUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws${lastId !== null ? `?since=${lastId}` : ''}`;
}

function dispatch(event: LiveEvent): void {
  for (const { prefix, fn } of eventListeners) {
    if (event.type.startsWith(prefix)) fn(event);
  }
}

function parse(raw: unknown): LiveEvent | null {
  if (typeof raw !== 'string') return null;
  try {
    const msg = JSON.parse(raw) as Partial<LiveEvent>;
    if (typeof msg.id !== 'number' || typeof msg.type !== 'string') return null;
    return { id: msg.id, type: msg.type, at: String(msg.at ?? ''), data: msg.data };
  } catch {
    return null;
  }
}

function connect(): void {
  window.clearTimeout(retryTimer);
  if (!running || socket) return;
  if (failures < 2) liveState.set('connecting');
  const ws = new WebSocket(socketUrl());
  let opened = false;
  socket = ws;
  ws.onopen = () => {
    opened = true;
    failures = 0;
    liveState.set('live');
    startFreshReads();
    const covered = replayCoversReads;
    replayCoversReads = false;
    if (!covered) for (const fn of resyncListeners) fn();
  };
  ws.onmessage = (msg) => {
    const event = parse(msg.data);
    // The replay after ?since= can overlap what was already seen; ids make it safe to drop repeats.
    if (!event || (lastId !== null && event.id <= lastId)) return;
    lastId = event.id;
    dispatch(event);
  };
  ws.onclose = (close) => {
    if (socket !== ws) return;
    socket = null;
    if (close.code === SESSION_ENDED) {
      stopLive();
      sessionEndedHandler?.();
      return;
    }
    failures += 1;
    scheduleReconnect();
    // A refused upgrade looks like any network error to the browser, so ask whether the session is gone.
    if (!opened) void checkSession();
  };
}

async function checkSession(): Promise<void> {
  if (await stillSignedIn().catch(() => true)) return;
  if (!running) return;
  stopLive();
  sessionEndedHandler?.();
}

function scheduleReconnect(): void {
  if (!running) return;
  // After one failed retry the network is probably gone; say so instead of spinning.
  liveState.set(failures >= 2 || !navigator.onLine ? 'offline' : 'connecting');
  const ceiling = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** (failures - 1));
  const delay = ceiling / 2 + Math.random() * (ceiling / 2);
  retryTimer = window.setTimeout(connect, Math.max(MIN_DELAY_MS, delay));
}

function reconnectNow(): void {
  if (running && !socket) connect();
}

function onVisible(): void {
  if (document.visibilityState === 'visible') reconnectNow();
}

function onOffline(): void {
  if (!running) return;
  liveState.set('offline');
  // A socket can linger half-open after the network drops; closing it starts the retry cycle now.
  socket?.close();
}

/** Events older than this may have been purged, so a page left this long refetches instead. */
const PAGE_SINCE_MAX_AGE_MS = 10 * 60_000;

/**
 * The newest event when the server wrote this page (the overview carries it), read once: every read the
 * page makes is newer, so a feed that replays from there misses nothing.
 */
function sinceFromPage(): number | null {
  const meta = document.querySelector('meta[name="bv-live-since"]');
  if (!meta) return null;
  meta.remove();
  const since = Number(meta.getAttribute('content'));
  return Number.isSafeInteger(since) && since >= 0 && performance.now() < PAGE_SINCE_MAX_AGE_MS
    ? since
    : null;
}

export function startLive(opts: { stillSignedIn?: () => Promise<boolean> } = {}): void {
  if (running) return;
  running = true;
  const since = sinceFromPage();
  replayCoversReads = since !== null;
  if (since !== null) lastId = since;
  if (opts.stillSignedIn) stillSignedIn = opts.stillSignedIn;
  failures = 0;
  window.addEventListener('online', reconnectNow);
  window.addEventListener('offline', onOffline);
  document.addEventListener('visibilitychange', onVisible);
  connect();
}

/**
 * Runs a request that replaces this browser's session (a password change ends every session, this
 * one too): the socket of the old session must not be taken for a sign-out, so it is closed first
 * and opened again on the new session.
 */
export async function whileSessionChanges<T>(action: () => Promise<T>): Promise<T> {
  const wasRunning = running;
  stopLive();
  try {
    return await action();
  } finally {
    if (wasRunning) startLive();
  }
}

export function stopLive(): void {
  running = false;
  window.clearTimeout(retryTimer);
  window.removeEventListener('online', reconnectNow);
  window.removeEventListener('offline', onOffline);
  document.removeEventListener('visibilitychange', onVisible);
  const ws = socket;
  socket = null;
  ws?.close(1000);
  lastId = null;
  liveState.set('offline');
}
