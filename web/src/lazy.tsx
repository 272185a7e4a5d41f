import { type ComponentType, h, isValidElement, type VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from './i18n';

export interface LazyPage<P> {
  (props: P): VNode | null;
  /** Starts fetching the page's code without drawing it. */
  preload: () => Promise<unknown>;
}

/**
 * A page whose code is fetched the first time it is opened, so the first load carries only the shell:
 * `const Housing = lazyPage(() => import('./pages/housing/Housing').then((m) => m.Housing));`
 * The service worker precaches every chunk, so pages still open offline once the app is installed.
 */
export function lazyPage<P>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (err: unknown) => {
        pending = null;
        throw err;
      },
    );
    return pending;
  };

  function Lazy(props: P) {
    const { t } = useI18n();
    const [page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      // The code may have arrived between drawing and this effect: setting it draws the page then too.
      let alive = true;
      preload().then(
        (component) => alive && setPage(() => component),
        () => alive && setFailed(true),
      );
      return () => {
        alive = false;
      };
    }, []);
    const shown = page ?? loaded;
    if (shown) return h(shown as ComponentType<object>, props as object);
    if (!failed) return <p class="loading">{t('app.loading')}</p>;
    // After an update the old build's chunks are gone: a fresh load gets the new ones.
    return (
      <section class="page">
        <p class="alert alert-error" role="alert">
          {t('error.network')}
        </p>
        <button type="button" class="btn" onClick={() => location.reload()}>
          {t('app.retry')}
        </button>
      </section>
    );
  }
  Lazy.preload = preload;
  return Lazy;
}

/** Starts fetching the code of the page `node` draws, if it is a lazy page. */
export function preloadPage(node: unknown): void {
  if (!isValidElement(node) || typeof node.type !== 'function') return;
  const preload = (node.type as Partial<LazyPage<unknown>>).preload;
  if (typeof preload === 'function') preload().catch(() => undefined);
}
