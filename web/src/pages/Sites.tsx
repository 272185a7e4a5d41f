import { type SiteKind, siteKinds } from '@shared/sites';
import { MAX_NAME } from '@shared/volunteers';
import { useState } from 'preact/hooks';
import { isOperator } from '../access';
import { type ApiError, type AuthUser, api, type Site, toApiError } from '../api';
import { Disclosure } from '../components/Disclosure';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../components/Field';
import { Page } from '../components/Page';
import { useSubmission } from '../forms';
import { useI18n } from '../i18n';
import { useLiveResource } from '../resource';

function NewSiteForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SiteKind>('bus_station');
  const [address, setAddress] = useState('');
  const [keyword, setKeyword] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const submission = useSubmission<Site>();
  const errors = submission.fieldErrors;

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const site = await submission.run((key) =>
      api.createSite(
        {
          name: name.trim(),
          kind,
          address: address.trim() || undefined,
          smsKeyword: keyword.trim() || undefined,
        },
        key,
      ),
    );
    if (!site) return;
    setSaved(site.name);
    setName('');
    setAddress('');
    setKeyword('');
    onCreated();
  };

  return (
    <Disclosure id="new-site-title" title={t('sites.new')}>
      <form class="form" onSubmit={submit} aria-labelledby="new-site-title">
        <ErrorMessage error={submission.error} />
        {saved && (
          <p class="alert alert-ok" role="status">
            {t('sites.saved', { name: saved })}
          </p>
        )}
        <div class="form-grid">
          <Field id="site-name" label={t('field.name')} error={errors.name}>
            {(a11y) => (
              <input
                {...a11y}
                required
                maxLength={MAX_NAME}
                value={name}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="site-kind" label={t('sites.kind')} error={errors.kind}>
            {(a11y) => (
              <select {...a11y} value={kind} onChange={(e) => setKind(e.currentTarget.value as SiteKind)}>
                {siteKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="site-address"
            label={`${t('sites.address')} ${t('field.optional')}`}
            error={errors.address}
          >
            {(a11y) => (
              <input
                {...a11y}
                autoComplete="street-address"
                value={address}
                onInput={(e) => setAddress(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field
            id="site-keyword"
            label={`${t('sites.keyword')} ${t('field.optional')}`}
            hint={t('sites.keywordHint')}
            error={errors.smsKeyword}
          >
            {(a11y) => (
              <input
                {...a11y}
                class="mono"
                pattern="[A-Za-z0-9]{2,20}"
                maxLength={20}
                autoCapitalize="characters"
                spellcheck={false}
                value={keyword}
                onInput={(e) => setKeyword(e.currentTarget.value.toUpperCase())}
              />
            )}
          </Field>
        </div>
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('sites.submit')}
        </button>
      </form>
    </Disclosure>
  );
}

/** Rename or remove one site; a site releases or shifts still name is archived, and says so. */
function SiteActions({
  site,
  onDone,
}: {
  site: Site;
  onDone: (message: string | null, error?: ApiError) => void;
}) {
  const { t } = useI18n();
  const rename = async () => {
    const name = window.prompt(t('sites.renamePrompt', { name: site.name }), site.name)?.trim();
    if (!name || name === site.name) return;
    try {
      await api.updateSite(site.id, { name });
      onDone(t('sites.renamed', { name }));
    } catch (err) {
      onDone(null, toApiError(err));
    }
  };
  const remove = async () => {
    if (!window.confirm(t('sites.removeConfirm', { name: site.name }))) return;
    try {
      const result = await api.removeSite(site.id);
      onDone(t(result.deleted ? 'sites.deleted' : 'sites.archived', { name: site.name }));
    } catch (err) {
      onDone(null, toApiError(err));
    }
  };
  return (
    <div class="row-actions">
      <button type="button" class="btn btn-small" onClick={() => void rename()}>
        {t('sites.rename')}
        <span class="visually-hidden"> {site.name}</span>
      </button>
      <button type="button" class="btn btn-small btn-quiet" onClick={() => void remove()}>
        {t('sites.remove')}
        <span class="visually-hidden"> {site.name}</span>
      </button>
    </div>
  );
}

function ArchivedSites({ onDone }: { onDone: (message: string | null, error?: ApiError) => void }) {
  const { t } = useI18n();
  const archived = useLiveResource(api.archivedSites, ['site.']);
  const items = archived.data?.items ?? [];
  if (items.length === 0) return null;
  const restore = async (site: Site) => {
    try {
      await api.updateSite(site.id, { archived: false });
      onDone(t('sites.restored', { name: site.name }));
    } catch (err) {
      onDone(null, toApiError(err));
    }
  };
  return (
    <section class="card" aria-labelledby="archived-sites-title">
      <h2 id="archived-sites-title">{t('sites.archivedTitle')}</h2>
      <p class="hint">{t('sites.archivedHint')}</p>
      <ul class="plain-list">
        {items.map((s) => (
          <li key={s.id}>
            {s.name}{' '}
            <button type="button" class="btn btn-small" onClick={() => void restore(s)}>
              {t('sites.restore')}
              <span class="visually-hidden"> {s.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Sites({ user }: { user: AuthUser }) {
  const { t, date } = useI18n();
  const sites = useLiveResource(api.sites, ['site.']);
  const canEdit = isOperator(user.role);
  const items = sites.data?.items ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const done = (message: string | null, error?: ApiError) => {
    setNotice(message);
    setActionError(error ?? null);
    sites.reload();
  };

  return (
    <Page title={t('sites.title')}>
      {canEdit && <NewSiteForm onCreated={sites.reload} />}
      <ErrorMessage error={sites.error ?? actionError} />
      {notice && (
        <p class="alert alert-ok" role="status">
          {notice}
        </p>
      )}
      {sites.data && items.length === 0 && <p class="empty">{t('sites.empty')}</p>}
      {items.length > 0 && (
        <table class="table" data-testid="sites-table">
          <caption class="visually-hidden">{t('sites.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('sites.kind')}</th>
              <th scope="col">{t('sites.address')}</th>
              <th scope="col">{t('sites.keyword')}</th>
              <th scope="col">{t('sites.created')}</th>
              {canEdit && (
                <th scope="col">
                  <span class="visually-hidden">{t('sites.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((site) => (
              <tr key={site.id} data-testid="site-row">
                <th scope="row" data-label={t('field.name')}>
                  {site.name}
                </th>
                <td data-label={t('sites.kind')}>{t(`kind.${site.kind}`)}</td>
                <td data-label={t('sites.address')}>{site.address || '—'}</td>
                <td data-label={t('sites.keyword')} class="mono">
                  {site.smsKeyword || '—'}
                </td>
                <td data-label={t('sites.created')}>{date(site.createdAt)}</td>
                {canEdit && (
                  <td>
                    <SiteActions site={site} onDone={done} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && <ArchivedSites onDone={done} />}
    </Page>
  );
}
