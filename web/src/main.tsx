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
  return preloadedReadsSettled().then(() => user);
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
