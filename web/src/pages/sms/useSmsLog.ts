import type { SmsDirection, SmsStatus } from '@shared/sms';
import { useRef, useState } from 'preact/hooks';
import { type ApiError, api, type SmsListQuery, type SmsMessage, toApiError } from '../../api';
import { useStatusEvents } from '../../components/SmsStatus';
import { useLiveReload } from '../../resource';

export interface Filters {
  direction: SmsDirection | '';
  status: SmsStatus | '';
}

const pageSize = 50;
/** The most the server answers in one page. */
const maxPage = 500;

export interface SmsLog {
  items: SmsMessage[] | null;
  nextBefore: number | null;
  error: ApiError | null;
  busy: boolean;
  refresh: () => void;
  more: () => void;
  setFilters: (filters: Filters) => void;
}

function toQuery(filters: Filters): SmsListQuery {
  return { direction: filters.direction || undefined, status: filters.status || undefined };
}

export function useSmsLog(initial: Filters): SmsLog {
  const [items, setItems] = useState<SmsMessage[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const filters = useRef(initial);
  const state = useRef({ items, nextBefore });
  state.current = { items, nextBefore };
  const seq = useRef(0);

  // Refetches every row on screen in one request, so statuses on older pages stay current too.
  const refresh = async (reset = false) => {
    const mine = ++seq.current;
    const prev = reset ? [] : (state.current.items ?? []);
    const limit = Math.min(maxPage, Math.max(pageSize, prev.length));
    setBusy(true);
    try {
      const page = await api.smsMessages({ ...toQuery(filters.current), limit });
      if (mine !== seq.current) return;
      const last = page.items.at(-1);
      const tail = last && page.nextBefore !== null ? prev.filter((m) => m.id < last.id) : [];
      setItems([...page.items, ...tail]);
      setNextBefore(tail.length > 0 ? state.current.nextBefore : page.nextBefore);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(toApiError(err));
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };

  const more = async () => {
    const before = state.current.nextBefore;
    if (before === null) return;
    const mine = ++seq.current;
    setBusy(true);
    try {
      const page = await api.smsMessages({ ...toQuery(filters.current), before, limit: pageSize });
      if (mine !== seq.current) return;
      setItems((prev) => {
        const seen = new Set((prev ?? []).map((m) => m.id));
        return [...(prev ?? []), ...page.items.filter((m) => !seen.has(m.id))];
      });
      setNextBefore(page.nextBefore);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(toApiError(err));
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  };

  useLiveReload(() => void refresh(), ['sms.']);
  useStatusEvents(setItems);

  return {
    items,
    nextBefore,
    error,
    busy,
    refresh: () => void refresh(),
    more: () => void more(),
    setFilters: (next) => {
      filters.current = next;
      setItems(null);
      setNextBefore(null);
      void refresh(true);
    },
  };
}
