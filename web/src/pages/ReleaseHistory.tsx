import { useEffect, useState } from 'preact/hooks';
import { api, type ReleaseListQuery } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDayTime } from '../components/networkTime';
import { Page } from '../components/Page';
import { StatusChip } from '../components/ReleaseBits';
import { useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { linkClick } from '../router';

/** Closed and cancelled releases, found by code, site and the day they were logged. */
export function ReleaseHistory() {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState<ReleaseListQuery>({ status: 'closed' });
  const [draft, setDraft] = useState({ q: '', siteId: '', from: '', to: '' });
  const sites = useLiveResource(() => api.sites(), ['site.']);
  const found = useLiveResource(() => api.searchReleases(query), ['release.']);
  const asked = JSON.stringify(query);
  useEffect(() => found.reload(), [asked]);

  const search = (e: Event) => {
    e.preventDefault();
    setQuery({
      status: 'closed',
      q: draft.q.trim() || undefined,
      siteId: draft.siteId ? Number(draft.siteId) : undefined,
      from: draft.from || undefined,
      to: draft.to || undefined,
    });
  };
  const items = found.data?.items ?? [];

  return (
    <Page title={t('history.title')}>
      <p class="back">
        <a href="/releases" onClick={linkClick}>
          {t('release.back')}
        </a>
      </p>
      <form class="card form filters" aria-label={t('history.search')} onSubmit={search}>
        <div class="field">
          <label for="history-q">{t('history.code')}</label>
          <input
            id="history-q"
            type="search"
            inputMode="numeric"
            placeholder="R-0427"
            value={draft.q}
            onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="history-site">{t('release.site')}</label>
          <select
            id="history-site"
            value={draft.siteId}
            onChange={(e) => setDraft({ ...draft, siteId: e.currentTarget.value })}
          >
            <option value="">{t('history.anySite')}</option>
            {(sites.data?.items ?? []).map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="history-from">{t('history.from')}</label>
          <input
            id="history-from"
            type="date"
            value={draft.from}
            onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="history-to">{t('history.to')}</label>
          <input
            id="history-to"
            type="date"
            value={draft.to}
            onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
        </div>
        <button type="submit" class="btn btn-primary">
          {t('history.submit')}
        </button>
      </form>
      <ErrorMessage error={found.error} />
      {!found.data && !found.error && <p class="loading">{t('app.loading')}</p>}
      {found.data && items.length === 0 && <p class="empty">{t('history.none')}</p>}
      {items.length > 0 && (
        <table class="table" data-testid="history">
          <caption class="visually-hidden">{t('history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.code')}</th>
              <th scope="col">{t('release.site')}</th>
              <th scope="col">{t('release.status')}</th>
              <th scope="col">{t('history.people')}</th>
              <th scope="col">{t('release.closedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} data-testid="history-row">
                <th scope="row" data-label={t('history.code')}>
                  <a href={`/releases/${r.id}`} onClick={linkClick}>
                    {r.code}
                  </a>
                </th>
                <td data-label={t('release.site')}>{r.siteName}</td>
                <td data-label={t('release.status')}>
                  <StatusChip status={r.status} />
                </td>
                <td data-label={t('history.people')}>{r.people}</td>
                <td data-label={t('release.closedAt')}>
                  {r.closedAt ? formatDayTime(lang, r.closedAt) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
