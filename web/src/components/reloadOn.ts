import { useEffect, useRef } from 'preact/hooks';
import { onEvent } from '../live';

/**
 * Calls `reload`, debounced, on events of any of `prefixes`: for pages whose data changes with more
 * than one resource (a shift's coverage moves with its signups and with each volunteer's screening).
 */
export function useReloadOn(prefixes: readonly string[], reload: () => void): void {
  const latest = useRef(reload);
  latest.current = reload;
  const key = prefixes.join('|');
  useEffect(() => {
    let timer: number | undefined;
    const soon = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(), 150);
    };
    const offs = key.split('|').map((prefix) => onEvent(prefix, soon));
    return () => {
      window.clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [key]);
}
