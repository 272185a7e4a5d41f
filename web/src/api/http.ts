import type { ErrorDetail } from '@server/errors';

export type FieldError = ErrorDetail;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Whatever a failed call threw, as an ApiError the error messages know how to word. */
export function toApiError(err: unknown, code = 'generic'): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, code, String(err));
}

let unauthorizedHandler: (() => void) | null = null;

/** Called when an authenticated request answers 401: the session has ended. */
export function onUnauthorized(fn: (() => void) | null): void {
  unauthorizedHandler = fn;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as-is with this content type instead of JSON. */
  raw?: { type: string; text: string };
  idempotencyKey?: string;
  /** Auth probes answer 401 by design; they must not trigger a sign-out. */
  expectUnauthorized?: boolean;
  /** Gives up after this long, as a network error: a connection that hangs is no better than none. */
  timeoutMs?: number;
}

/** Reads under way, by path: components that want the same thing at once share one request. */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * From now on, reads start afresh instead of joining those under way. The live feed calls it when it
 * (re)connects: a read sent before that may predate events the feed will not replay.
 */
export function startFreshReads(): void {
  inFlight.clear();
}

/** Reads the page itself asked the browser for (server/plugins/web-html.ts), each for its first reader. */
const preloaded = new Map<string, Promise<unknown>>();
/** Their answers, once arrived, until the first draw has taken them (`forgetPreloadedAnswers`). */
const preloadedAnswers = new Map<string, unknown>();
let keepingAnswers = true;

/**
 * Starts the reads the page preloads as soon as the code runs, before anything is drawn; their first
 * `request` takes them as they are. A 401 here is left to whoever reads it, never a sign-out on its own.
 */
export function startPreloadedReads(paths: readonly string[]): void {
  for (const path of paths) {
    const read = send(path, { expectUnauthorized: true });
    read.then(
      (answer) => {
        if (keepingAnswers) preloadedAnswers.set(path, answer);
      },
      () => undefined,
    );
    preloaded.set(path, read);
  }
}

/** Resolves once every preloaded read has answered or failed. */
export function preloadedReadsSettled(): Promise<void> {
  return Promise.allSettled(preloaded.values()).then(() => undefined);
}

/**
 * A preloaded read's answer, for the page's first draw: the component draws it at once, and its own
 * first read joins the same request and gets the same answer, so nothing is drawn twice.
 */
export function preloadedAnswer<T>(path: string): T | undefined {
  return preloadedAnswers.get(path) as T | undefined;
}

/**
 * After the first draw: a component mounted later must not start from an answer that may be old by then,
 * nor from one that arrived after the draw.
 */
export function forgetPreloadedAnswers(): void {
  keepingAnswers = false;
  preloadedAnswers.clear();
}

export function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  if ((opts.method ?? 'GET') !== 'GET' || opts.raw || opts.timeoutMs) return send<T>(path, opts);
  const key = `${opts.expectUnauthorized ? '?' : ''}${path}`;
  const shared = inFlight.get(key);
  if (shared) return shared as Promise<T>;
  // A preloaded read joins the reads under way like any other, so a second reader shares it too.
  const early = preloaded.get(path) as Promise<T> | undefined;
  preloaded.delete(path);
  const mine: Promise<T> = (early ?? send<T>(path, opts)).finally(() => {
    if (inFlight.get(key) === mine) inFlight.delete(key);
  });
  inFlight.set(key, mine);
  return mine;
}

async function send<T>(path: string, opts: RequestOptions): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (opts.raw) {
    headers['content-type'] = opts.raw.type;
    body = opts.raw.text;
  } else if (method !== 'GET') {
    // A JSON content type on every state change is the server's CSRF guard, even without a payload.
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body ?? {});
  }
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;

  const abort = opts.timeoutMs ? new AbortController() : null;
  const timer = abort ? window.setTimeout(() => abort.abort(), opts.timeoutMs) : undefined;
  let res: Response;
  let payload: unknown = null;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: abort?.signal });
    if (res.status !== 204) {
      payload = await res.json().catch((err: unknown) => {
        // A body cut off by the timeout is a lost answer, not an empty one.
        if (abort?.signal.aborted) throw err;
        return null;
      });
    }
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  } finally {
    window.clearTimeout(timer);
  }
  if (res.status === 204) return undefined as T;
  if (res.ok) return payload as T;

  const err = (payload as { error?: Partial<ApiError> } | null)?.error;
  if (res.status === 401 && !opts.expectUnauthorized) unauthorizedHandler?.();
  throw new ApiError(
    res.status,
    typeof err?.code === 'string' ? err.code : `http_${res.status}`,
    typeof err?.message === 'string' ? err.message : res.statusText,
    Array.isArray(err?.details) ? err.details : [],
  );
}

export function withQuery(path: string, query: object): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a LAN address over plain http is not one.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
