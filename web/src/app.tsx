import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { allows } from './access';
import { ApiError, type AuthUser, api, onUnauthorized } from './api';
import { Layout } from './components/Layout';
import { useI18n } from './i18n';
import { preloadPage } from './lazy';
import { onSessionEnded, startLive, stopLive } from './live';
import { startQueue, stopQueue } from './offline/queue';
import { cachedUser, forgetUser, rememberUser } from './offline/session';
import { Login } from './pages/Login';
import { Screen } from './pages/Screen';
import { Setup } from './pages/Setup';
import { linkClick, navigate, usePath } from './router';
import { matchRoute, openPaths, publicPaths } from './routes';

type Session =
  | { status: 'loading' }
  | { status: 'unreachable' }
  | { status: 'signedOut'; setupNeeded: boolean; expired: boolean }
  | { status: 'signedIn'; user: AuthUser };

async function stillSignedIn(): Promise<boolean> {
  try {
    await api.me();
    return true;
  } catch (err) {
    return !(err instanceof ApiError && err.status === 401);
  }
}

const OFFLINE_FIRST_PAGE = '/releases/new';

/** The page's code comes down while the session is checked, instead of after it. */
function preloadRoute(path: string): void {
  const user = cachedUser();
  const found = user ? matchRoute(path) : null;
  if (!user || !found || !allows(found.route.access, user)) return;
  // Drawing a route only builds an element, whose type is the lazy page to fetch.
  preloadPage(found.route.render({ user, params: found.params }));
}

function Message({ text, link }: { text: string; link?: boolean }) {
  const { t } = useI18n();
  return (
    <section class="page">
      {/* A page of its own, so it has a heading like every other. */}
      <div class="page-head">
        <h1>{text}</h1>
      </div>
      {link && (
        <p>
          <a href="/" onClick={linkClick}>
            {t('page.backHome')}
          </a>
        </p>
      )}
    </section>
  );
}

function SignedInRoutes({ user, path }: { user: AuthUser; path: string }) {
  const { t } = useI18n();
  const found = matchRoute(path);
  if (!found) return publicPaths.includes(path) ? null : <Message text={t('page.notFound')} link />;
  if (!allows(found.route.access, user)) return <Message text={t('page.forbidden')} link />;
  return found.route.render({ user, params: found.params });
}

/** `user`: the account the page was opened signed in as, already read (main.tsx); else it is asked for. */
export function App({ user: known = null }: { user?: AuthUser | null }) {
  const { t } = useI18n();
  const path = usePath();
  const [session, setSession] = useState<Session>(
    known ? { status: 'signedIn', user: known } : { status: 'loading' },
  );

  const signIn = (user: AuthUser) => {
    rememberUser(user);
    setSession({ status: 'signedIn', user });
    startLive({ stillSignedIn });
    startQueue(user.id);
    if (publicPaths.includes(location.pathname)) navigate('/', { replace: true });
    // The intake form is what a volunteer opens with no signal: have its code before the service worker
    // has finished caching everything, once the first page has had the link to itself.
    window.setTimeout(() => preloadRoute(OFFLINE_FIRST_PAGE), 5000);
  };

  const signOut = (expired: boolean) => {
    stopLive();
    stopQueue();
    forgetUser();
    setSession({ status: 'signedOut', setupNeeded: false, expired });
    navigate('/login', { replace: expired });
  };

  const boot = async () => {
    setSession({ status: 'loading' });
    preloadRoute(location.pathname);
    try {
      signIn((await api.me()).user);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) {
        // Opened with no connection (the service worker served the page): carry on as the last account
        // seen here, so a release can still be logged and queued; the server has the last word once back.
        const offline = err instanceof ApiError && err.code === 'network' ? cachedUser() : null;
        if (offline) signIn(offline);
        else setSession({ status: 'unreachable' });
        return;
      }
      const setup = await api.setupStatus().catch(() => ({ needed: false }));
      setSession({ status: 'signedOut', setupNeeded: setup.needed, expired: false });
    }
  };

  const open = openPaths.includes(path);
  const booted = useRef(false);
  // An open page needs no session; asking for one would only show a sign-in form behind it.
  useEffect(() => {
    if (open || booted.current) return;
    booted.current = true;
    if (known) signIn(known);
    else void boot();
  }, [open]);

  useEffect(() => {
    onUnauthorized(() => signOut(true));
    onSessionEnded(() => signOut(true));
    return () => {
      onUnauthorized(null);
      onSessionEnded(null);
      stopLive();
    };
  }, []);

  // Back online after starting without a connection: make sure the session is still good.
  const signedIn = session.status === 'signedIn';
  useEffect(() => {
    if (!signedIn) return;
    const recheck = () => {
      api.me().then(
        ({ user }) => {
          rememberUser(user);
          setSession((s) => (s.status === 'signedIn' ? { status: 'signedIn', user } : s));
        },
        (err: unknown) => {
          if (err instanceof ApiError && err.status === 401) signOut(true);
        },
      );
    };
    window.addEventListener('online', recheck);
    return () => window.removeEventListener('online', recheck);
  }, [signedIn]);

  // A signed-in user who lands on /login or /setup (history back) belongs on the overview.
  useEffect(() => {
    if (session.status === 'signedIn' && publicPaths.includes(path)) navigate('/', { replace: true });
  }, [session.status, path]);

  const logout = async () => {
    await api.logout().catch(() => undefined);
    signOut(false);
  };

  if (open) {
    return (
      <Layout user={null} onSignOut={() => void logout()}>
        <Screen />
      </Layout>
    );
  }

  const user = session.status === 'signedIn' ? session.user : null;
  let content: ComponentChildren;
  if (session.status === 'loading') {
    content = <p class="loading">{t('app.loading')}</p>;
  } else if (session.status === 'unreachable') {
    content = (
      <section class="page">
        <p class="alert alert-error" role="alert">
          {t('error.network')}
        </p>
        <button type="button" class="btn" onClick={() => void boot()}>
          {t('app.retry')}
        </button>
      </section>
    );
  } else if (session.status === 'signedOut') {
    content = session.setupNeeded ? (
      <Setup
        onDone={signIn}
        onAlreadySetUp={() => setSession({ status: 'signedOut', setupNeeded: false, expired: false })}
      />
    ) : (
      <Login onDone={signIn} expired={session.expired} />
    );
  } else {
    content = <SignedInRoutes user={session.user} path={path} />;
  }

  return (
    <Layout user={user} onSignOut={() => void logout()}>
      {content}
    </Layout>
  );
}
