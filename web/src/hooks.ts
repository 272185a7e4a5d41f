import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, newIdempotencyKey } from './api';
import { onEvent, onResync } from './live';

/** Runs `load` now, on every live (re)connection and, debounced, on events whose type starts with `prefix`. */
export function useLiveReload(prefix: string | null, load: () => void): void {
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let timer: number | undefined;
    const soon = () => {
      window.clearTimeout(timer);
      // A burst of events (an import, a replay after reconnect) becomes one refetch.
      timer = window.setTimeout(() => latest.current(), 150);
    };
    latest.current();
    const offResync = onResync(soon);
    const offEvent = prefix === null ? () => {} : onEvent(prefix, soon);
    return () => {
      window.clearTimeout(timer);
      offResync();
      offEvent();
    };
  }, [prefix]);
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  reload: () => void;
}

/** Fetches with `fetcher`, keeping the last good data on screen while a refetch runs. */
export function useLiveResource<T>(prefix: string | null, fetcher: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);
  const fetchRef = useRef(fetcher);
  fetchRef.current = fetcher;
  const reload = useCallback(() => {
    const mine = ++seq.current;
    fetchRef.current().then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setError(null);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'generic', String(err)));
      },
    );
  }, []);
  useLiveReload(prefix, reload);
  useEffect(
    () => () => {
      seq.current += 1;
    },
    [],
  );
  return { data, error, reload };
}

export interface Submission<T> {
  busy: boolean;
  error: ApiError | null;
  fieldErrors: Record<string, string>;
  run: (action: (idempotencyKey: string) => Promise<T>) => Promise<T | null>;
  reset: () => void;
}

/** Which form field a conflict code belongs to, so the message appears next to it. */
const conflictFields: Record<string, string> = {
  duplicate_email: 'email',
  duplicate_sms_keyword: 'smsKeyword',
  invalid_setup_token: 'token',
};

function fieldName(path: string): string {
  const parts = path.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

export function useSubmission<T>(): Submission<T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Kept across a network failure so a resend of a request that did land creates nothing twice.
  const key = useRef(newIdempotencyKey());
  const run = async (action: (idempotencyKey: string) => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action(key.current);
      key.current = newIdempotencyKey();
      return result;
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : new ApiError(0, 'generic', String(err));
      if (apiErr.code !== 'network') key.current = newIdempotencyKey();
      setError(apiErr);
      return null;
    } finally {
      setBusy(false);
    }
  };
  const fieldErrors: Record<string, string> = {};
  if (error) {
    for (const d of error.details) fieldErrors[fieldName(d.path)] = d.message;
    const field = conflictFields[error.code];
    if (field) fieldErrors[field] = '';
  }
  return { busy, error, fieldErrors, run, reset: () => setError(null) };
}
