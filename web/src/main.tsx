import { render } from 'preact';
import {
  type AuthUser,
  api,
  forgetPreloadedAnswers,
  preloadedReadsSettled,
  startPreloadedReads,
} from './api';
import { App } from './app';
import { LangProvider, startI18n } from './i18n';
import './styles.css';

/** How long the first draw waits for the preloaded reads beyond the session's. */
const PRELOAD_WAIT_MS = 1000;

/**
 * A signed-in overview comes with its first reads already asked for (server/plugins/web-html.ts), and
 * they arrive beside the code. Taken before the first draw, the page opens on the board itself, drawn
 * in that draw, rather than on "Loading…" followed by more rounds of drawing and asking.
 */
function signedInUser(): Promise<AuthUser | null> {
  if (!document.querySelector('meta[name="bv-live-since"]')) return Promise.resolve(null);
  const links = document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]');
  startPreloadedReads(
    [...links].map((l) => l.getAttribute('href') ?? '').filter((h) => h.startsWith('/api/')),
  );
  const user = api.me().then(
    (r) => r.user,
    () => null,
  );
  // They arrive beside the code; a slow one does not hold the page: past the wait, it draws "Loading…".
  const settled = Promise.race([
    preloadedReadsSettled(),
    new Promise<void>((resolve) => window.setTimeout(resolve, PRELOAD_WAIT_MS)),
  ]);
  return Promise.all([user, settled]).then(([known]) => known);
}

const root = document.getElementById('app');
if (root) {
  const user = signedInUser();
  void Promise.all([startI18n(), user])
    .then(([, known]) =>
      render(
        <LangProvider>
          <App user={known} />
        </LangProvider>,
        root,
      ),
    )
    .finally(forgetPreloadedAnswers);
}
