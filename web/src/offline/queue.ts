import {
  type ApiError,
  api,
  type CreateReleaseBody,
  type FieldError,
  newIdempotencyKey,
  type Release,
  toApiError,
} from '../api';
import { liveState } from '../live';
import { createStore, useStore } from '../store';
import { readJson, writeJson } from './storage';

/*
 * Releases logged with no connection wait here, in localStorage, each with the Idempotency-Key it was
 * first tried with: whatever happened to an earlier attempt, a resend answers the first release and never
 * makes a second. Items belong to the account that logged them and are sent only while it is signed in.
 */

const QUEUE_KEY = 'bv.releaseQueue';
const RETRY_MS = 20_000;
/** A bus station's mobile signal can hang a request for minutes; past this it counts as no connection. */
export const SEND_TIMEOUT_MS = 20_000;
/** After a failed send with the device still online, one early retry: the signal often comes straight back. */
const QUICK_RETRY_MS = 5_000;

export interface QueuedRelease {
  localId: string;
  key: string;
  userId: number;
  body: CreateReleaseBody;
  siteName: string;
  queuedAt: string;
  state: 'waiting' | 'failed';
  error?: { status: number; code: string; message: string; details: FieldError[] };
}

export interface SentRelease {
  localId: string;
  id: number;
  code: string;
}

export type SubmitOutcome =
  | { kind: 'sent'; release: Release }
  | { kind: 'queued'; item: QueuedRelease; persisted: boolean }
  | { kind: 'error'; error: ApiError };

function load(): QueuedRelease[] | null {
  const items = readJson<QueuedRelease[]>(QUEUE_KEY);
  return Array.isArray(items) ? items : null;
}

export const queueStore = createStore<QueuedRelease[]>(load() ?? []);
const ownerStore = createStore<number | null>(null);
/** Queued releases sent on this visit, so the page that queued one can show its code. */
export const sentStore = createStore<SentRelease[]>([]);
export const sendingStore = createStore(false);

/** Another tab may have changed the queue since this one last looked. */
function current(): QueuedRelease[] {
  return load() ?? queueStore.get();
}

function save(items: QueuedRelease[]): boolean {
  queueStore.set(items);
  return writeJson(QUEUE_KEY, items);
}

function removeItem(localId: string): void {
  save(current().filter((i) => i.localId !== localId));
}

export function discardQueued(localId: string): void {
  removeItem(localId);
}

function markFailed(localId: string, err: ApiError): void {
  save(
    current().map((i) =>
      i.localId === localId
        ? {
            ...i,
            state: 'failed' as const,
            error: { status: err.status, code: err.code, message: err.message, details: err.details },
          }
        : i,
    ),
  );
}

/** No connection, a server in trouble, a session to renew, or a request still running: try again later. */
function worthRetrying(err: ApiError): boolean {
  return (
    err.status === 0 ||
    err.status >= 500 ||
    err.status === 401 ||
    err.status === 408 ||
    err.status === 429 ||
    err.code === 'idempotency_in_progress'
  );
}

function enqueue(
  userId: number,
  body: CreateReleaseBody,
  siteName: string,
  key: string,
): { item: QueuedRelease; persisted: boolean } {
  const item: QueuedRelease = {
    localId: newIdempotencyKey(),
    key,
    userId,
    body,
    siteName,
    queuedAt: new Date().toISOString(),
    state: 'waiting',
  };
  const persisted = save([...current(), item]);
  return { item, persisted };
}

/** Sends a release now if the connection allows, else queues it; 4xx answers come back for the form. */
export async function submitRelease(
  userId: number,
  body: CreateReleaseBody,
  siteName: string,
): Promise<SubmitOutcome> {
  const key = newIdempotencyKey();
  if (!navigator.onLine) return { kind: 'queued', ...enqueue(userId, body, siteName, key) };
  try {
    const release = await api.createRelease(body, key, SEND_TIMEOUT_MS);
    return { kind: 'sent', release };
  } catch (err) {
    const error = toApiError(err, 'network');
    if (!worthRetrying(error)) return { kind: 'error', error };
    const queued = enqueue(userId, body, siteName, key);
    window.setTimeout(() => void flushQueue(), QUICK_RETRY_MS);
    return { kind: 'queued', ...queued };
  }
}

async function sendOne(item: QueuedRelease): Promise<'next' | 'stop'> {
  try {
    const release = await api.createRelease(item.body, item.key, SEND_TIMEOUT_MS);
    removeItem(item.localId);
    sentStore.set([
      { localId: item.localId, id: release.id, code: release.code },
      ...sentStore.get().filter((s) => s.localId !== item.localId),
    ]);
    return 'next';
  } catch (err) {
    const error = toApiError(err, 'network');
    if (worthRetrying(error)) return 'stop';
    markFailed(item.localId, error);
    return 'next';
  }
}

let owner: number | null = null;
let flushing: Promise<void> | null = null;

async function sendWaiting(): Promise<void> {
  for (const item of current()) {
    if (owner === null || item.userId !== owner || item.state !== 'waiting') continue;
    if ((await sendOne(item)) === 'stop') return;
  }
}

/** Sends every waiting release of the signed-in account, oldest first, stopping at the first failure to connect. */
export function flushQueue(): Promise<void> {
  if (flushing) return flushing;
  if (owner === null || !navigator.onLine) return Promise.resolve();
  if (!current().some((i) => i.userId === owner && i.state === 'waiting')) return Promise.resolve();
  sendingStore.set(true);
  // With several tabs open, one sends while the others wait; the keys would make it safe anyway.
  const locks = typeof navigator.locks?.request === 'function' ? navigator.locks : null;
  const run = locks ? locks.request('bv-release-queue', sendWaiting) : sendWaiting();
  flushing = Promise.resolve(run)
    .catch(() => undefined)
    .finally(() => {
      flushing = null;
      sendingStore.set(false);
    });
  return flushing;
}

let timer: number | undefined;
let offLive: (() => void) | null = null;

function onStorage(event: StorageEvent): void {
  if (event.key === QUEUE_KEY) queueStore.set(load() ?? []);
}

function onVisible(): void {
  if (document.visibilityState === 'visible') void flushQueue();
}

function onOnline(): void {
  void flushQueue();
}

export function startQueue(userId: number): void {
  stopQueue();
  owner = userId;
  ownerStore.set(userId);
  queueStore.set(current());
  window.addEventListener('online', onOnline);
  window.addEventListener('storage', onStorage);
  document.addEventListener('visibilitychange', onVisible);
  // The live feed reconnecting is the surest sign the server can be reached again.
  offLive = liveState.subscribe((state) => {
    if (state === 'live') void flushQueue();
  });
  timer = window.setInterval(() => void flushQueue(), RETRY_MS);
  void flushQueue();
}

export function stopQueue(): void {
  owner = null;
  ownerStore.set(null);
  window.clearInterval(timer);
  window.removeEventListener('online', onOnline);
  window.removeEventListener('storage', onStorage);
  document.removeEventListener('visibilitychange', onVisible);
  offLive?.();
  offLive = null;
}

/** The signed-in account's queued releases, waiting and failed. */
export function useMyQueue(): QueuedRelease[] {
  const items = useStore(queueStore);
  const userId = useStore(ownerStore);
  return items.filter((i) => i.userId === userId);
}
