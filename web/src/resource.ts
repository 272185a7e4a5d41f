import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, preloadedAnswer, toApiError } from './api';
import { type LiveEvent, onEvent, onResync } from './live';

/** A burst of events (an import, a replay after reconnect) becomes one refetch. */
const DEBOUNCE_MS = 150;

export interface LiveOptions {
  /** Of the events matched by type, only those that pass this check reload (say, one release's). */
  when?: (event: LiveEvent) => boolean;
}

export interface ResourceOptions extends LiveOptions {
  /** The path `load` reads, when the page preloads it: its answer, if in, is drawn at once. */
  preloaded?: string;
}

/**
 * Runs `load` now, on every live (re)connection and, debounced, on events whose type starts with one of
 * `events` ('site.' gets site.created, site.updated…; '' gets every event).
 */
export function useLiveReload(load: () => void, events: readonly string[], options: LiveOptions = {}): void {
  const latest = useRef({ load, when: options.when });
  latest.current = { load, when: options.when };
  const key = JSON.stringify(events);
  useEffect(() => {
    let timer: number | undefined;
    const soon = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current.load(), DEBOUNCE_MS);
    };
    latest.current.load();
    const prefixes = JSON.parse(key) as string[];
    const offs = [
      onResync(soon),
      ...prefixes.map((prefix) =>
        onEvent(prefix, (event) => {
          const when = latest.current.when;
          if (!when || when(event)) soon();
        }),
      ),
    ];
    return () => {
      window.clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [key]);
}

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  reload: () => void;
}

/** Fetches with `load` as `useLiveReload` says, keeping the last good data on screen while a refetch runs. */
export function useLiveResource<T>(
  load: () => Promise<T>,
  events: readonly string[],
  options: ResourceOptions = {},
): Loaded<T> {
  const [data, setData] = useState<T | null>(() =>
    options.preloaded ? (preloadedAnswer<T>(options.preloaded) ?? null) : null,
  );
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => {
    const mine = ++seq.current;
    loadRef.current().then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setError(null);
      },
      (err: unknown) => {
        if (mine === seq.current) setError(toApiError(err));
      },
    );
  }, []);
  useLiveReload(reload, events, options);
  useEffect(
    () => () => {
      seq.current += 1;
    },
    [],
  );
  return { data, error, reload };
}
