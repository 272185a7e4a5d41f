import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AuthUser } from '../api';
import { type Lang, langs, setLang, useI18n } from '../i18n';
import { liveState } from '../live';
import { sendingStore, useMyQueue } from '../offline/queue';
import { linkClick, usePath } from '../router';
import { navItems } from '../routes';
import { useStore } from '../store';
import { OnCallLine } from './MedicalBits';

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
      <select
        data-testid="lang-switch"
        value={lang}
        onChange={(e) => void setLang(e.currentTarget.value as Lang)}
      >
        {langs.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`lang.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Pages a phone's bar shows before "More". */
const PHONE_NAV_ITEMS = 4;

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
  const [moreOpen, setMoreOpen] = useState(false);
  useEffect(() => setMoreOpen(false), [path]);
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
        {user && <OnCallLine user={user} />}
        <div class="tools">
          <LangSwitch />
          {user && (
            <>
              <a
                class="who"
                href="/account"
                onClick={linkClick}
                title={t('user.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}
                aria-label={t('account.open', { name: user.name })}
                aria-current={path === '/account' ? 'page' : undefined}
                data-testid="account-link"
              >
                <span class="who-name">{user.name}</span>
                <span class="who-short" aria-hidden="true">
                  {t('account.title')}
                </span>
              </a>
              <button type="button" class="btn btn-quiet" onClick={onSignOut}>
                {t('user.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      {user && (
        <nav class={moreOpen ? 'nav nav-open' : 'nav'} aria-label={t('nav.label')}>
          <ul id="nav-list">
            {items.map((item, i) => {
              const current = item.href === '/' ? path === '/' : path.startsWith(item.href);
              // A phone shows the first pages and the current one; "More" opens the rest.
              const extra = i >= PHONE_NAV_ITEMS && !current;
              return (
                <li key={item.href} class={extra ? 'nav-extra' : undefined}>
                  <a href={item.href} onClick={linkClick} aria-current={current ? 'page' : undefined}>
                    {t(item.label)}
                  </a>
                </li>
              );
            })}
            {items.length > PHONE_NAV_ITEMS && (
              <li class="nav-more">
                <button
                  type="button"
                  aria-expanded={moreOpen}
                  aria-controls="nav-list"
                  onClick={() => setMoreOpen(!moreOpen)}
                  data-testid="nav-more"
                >
                  {moreOpen ? t('nav.less') : t('nav.more')}
                </button>
              </li>
            )}
          </ul>
        </nav>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
