import { type AuthUser, api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Page } from '../components/Page';
import { ReleaseBoard } from '../components/ReleaseBoard';
import { type Translate, useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { linkClick } from '../router';
import { FirstSteps } from './home/FirstSteps';
import { Tonight } from './home/Tonight';

type HealthTone = 'ok' | 'warn' | 'down' | 'unknown';

/** The server reports each part as a boolean or a short status word; anything else is shown as given. */
function describe(t: Translate, value: unknown): { tone: HealthTone; text: string } {
  if (value === true || value === 'ok' || value === 'up') return { tone: 'ok', text: t('home.ok') };
  if (value === 'degraded') return { tone: 'warn', text: t('home.degraded') };
  if (value === false || value === 'error' || value === 'down') return { tone: 'down', text: t('home.down') };
  if (value === 'console' || value === 'twilio') return { tone: 'unknown', text: t(`home.driver.${value}`) };
  if (typeof value === 'string' && value) return { tone: 'unknown', text: value };
  if (value && typeof value === 'object' && 'ok' in value) return describe(t, (value as { ok: unknown }).ok);
  return { tone: 'unknown', text: t('home.unknown') };
}

export function Home({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  const sites = useLiveResource(api.sites, ['site.']);
  // A failed or retried hand-over to the provider is when SMS health may change: look again then.
  const health = useLiveResource(api.health, ['sms.status']);
  const rows: [string, unknown][] = [
    [t('home.server'), health.error ? false : health.data?.ok],
    [t('home.db'), health.data?.db],
    [t('home.sms'), health.data?.sms],
    [t('home.smsDriver'), health.data?.smsDriver],
  ];

  return (
    <Page title={t('home.title')}>
      <p class="lead">{t('user.signedInAs', { name: user.name, role: t(`role.${user.role}`) })}</p>
      <FirstSteps user={user} />
      <Tonight user={user} />
      <ReleaseBoard user={user} compact />
      <div class="grid">
        <article class="card stat">
          <h2>{t('home.sites')}</h2>
          <ErrorMessage error={sites.error} />
          <p class="stat-value" data-testid="site-count">
            {sites.data ? sites.data.items.length : '…'}
          </p>
          <a href="/sites" onClick={linkClick}>
            {t('home.manageSites')}
          </a>
        </article>
        <article class="card">
          <h2>{t('home.health')}</h2>
          <dl class="health">
            {rows.map(([label, value]) => {
              const { tone, text } =
                health.data || health.error ? describe(t, value) : { tone: 'unknown', text: '…' };
              return (
                <div key={label} class={`health-row health-${tone}`}>
                  <dt>{label}</dt>
                  <dd>{text}</dd>
                </div>
              );
            })}
          </dl>
          {/* The API reference is a server page, not a dashboard route: a plain link leaves the app. */}
          <a href="/api/docs" data-testid="api-docs">
            {t('home.apiDocs')}
          </a>
        </article>
      </div>
    </Page>
  );
}
