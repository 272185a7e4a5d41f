import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { AuthUser } from '../api';
import { type Lang, langs, setLang, useI18n } from '../i18n';
import { liveState } from '../live';
import { sendingStore, useMyQueue } from '../offline/queue';
import { linkClick, usePath } from '../router';
import { navItems } from '../routes';
import { useStore } from '../store';

function LiveIndicator() {
  const { t } = useI18n();
  const state = useStore(liveState);
  return (
    <output
      class={`live live-${state}`}
      data-testid="live-indicator"
      data-state={state}
      title={t('live.title')}
    >
      <span class="live-dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </output>
  );
}

/** Releases logged on this device that the server has not got yet: nobody should close the tab unaware. */
function QueueIndicator() {
  const { t } = useI18n();
  const items = useMyQueue();
  const sending = useStore(sendingStore);
  if (items.length === 0) return null;
  const failed = items.some((i) => i.state === 'failed');
  return (
    <a
      class={`queued${failed ? ' queued-failed' : ''}`}
      href="/releases/new"
      onClick={linkClick}
      data-testid="queue-count"
      data-count={items.length}
      title={t('queue.headerHint')}
    >
      {sending
        ? t('queue.sendingCount', { n: items.length })
        : t(items.length === 1 ? 'queue.count.one' : 'queue.count.other', { n: items.length })}
    </a>
  );
}

function LangSwitch() {
  const { t, lang } = useI18n();
  return (
    <label class="lang">
      <span class="visually-hidden">{t('lang.label')}</span>
      <select data-testid="lang-switch" value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)}>
        {langs.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`lang.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

interface LayoutProps {
  user: AuthUser | null;
  onSignOut: () => void;
  children: ComponentChildren;
}

export function Layout({ user, onSignOut, children }: LayoutProps) {
  const { t } = useI18n();
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(path);

  useEffect(() => {
    // After in-app navigation, bring keyboard and screen-reader users to the new page's content.
    if (path !== firstPath.current) main.current?.focus();
  }, [path]);

  const items = user ? navItems(user) : [];
  return (
    <div class={user ? 'shell with-nav' : 'shell'}>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="topbar">
        <a class="brand" href="/" onClick={linkClick}>
          <img src="/icon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </a>
        {user && <LiveIndicator />}
        {user && <QueueIndicator />}
        <div class="tools">
          <LangSwitch />
          {user && (
            <>
              <span
                class="who"
                title={t('user.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}
              >
                {user.name}
              </span>
              <button type="button" class="btn btn-quiet" onClick={onSignOut}>
                {t('user.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      {user && (
        <nav class="nav" aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => {
              const current = item.href === '/' ? path === '/' : path.startsWith(item.href);
              return (
                <li key={item.href}>
                  <a href={item.href} onClick={linkClick} aria-current={current ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
