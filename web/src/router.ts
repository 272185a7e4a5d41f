import type { TargetedMouseEvent } from 'preact';
import { createStore, useStore } from './store';

export const pathStore = createStore(location.pathname);

window.addEventListener('popstate', () => pathStore.set(location.pathname));

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  pathStore.set(location.pathname);
  window.scrollTo(0, 0);
}

export function usePath(): string {
  return useStore(pathStore);
}

/** Lets ordinary links navigate in place while keeping open-in-new-tab and the like working. */
export function linkClick(event: TargetedMouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const href = event.currentTarget.getAttribute('href');
  if (!href?.startsWith('/')) return;
  event.preventDefault();
  navigate(href);
}
