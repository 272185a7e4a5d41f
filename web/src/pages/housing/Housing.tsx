import { useEffect, useRef, useState } from 'preact/hooks';
import { isOperator } from '../../access';
import type { AuthUser, HousingSite } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { BedsFreeTonight, housingKindName, useHousingSites } from '../../components/HousingBits';
import { Page } from '../../components/Page';
import { releaseLanguageName } from '../../components/ReleaseBits';
import { useI18n } from '../../i18n';
import { HousingSiteForm } from './HousingSiteForm';
import { OccupancyGrid } from './OccupancyGrid';

function Features({ site }: { site: HousingSite }) {
  const { t, lang } = useI18n();
  const words = [
    ...(site.familyFriendly ? [t('housing.familyFriendly')] : []),
    ...(site.accessible ? [t('housing.accessible')] : []),
    ...site.languages.map((l) => releaseLanguageName(lang, l)),
  ];
  if (words.length === 0) return <>—</>;
  return (
    <ul class="chip-group housing-chips">
      {words.map((w) => (
        <li key={w} class="chip chip-in">
          {w}
        </li>
      ))}
    </ul>
  );
}

function SiteRow({ site, operator, onEdit }: { site: HousingSite; operator: boolean; onEdit: () => void }) {
  const { t } = useI18n();
  return (
    <tr data-testid="housing-site-row" data-site={site.id}>
      <th scope="row" data-label={t('field.name')}>
        {site.name}
      </th>
      <td data-label={t('sites.kind')}>{housingKindName(t, site.kind)}</td>
      <td data-label={t('housing.beds')}>{site.beds}</td>
      <td data-label={t('housing.freeTonightShort')} data-testid="site-free">
        {site.active ? site.freeTonight : '—'}
      </td>
      <td data-label={t('housing.features')}>
        <Features site={site} />
      </td>
      {operator && (
        <td data-label={t('sites.address')} data-testid="site-address">
          <div>
            {site.address || '—'}
            {site.contactName && (
              <span class="hint block">
                {site.contactName}
                {site.contactPhone ? ` · ${site.contactPhone}` : ''}
              </span>
            )}
          </div>
        </td>
      )}
      <td data-label={t('housing.active')}>
        <span class={`chip ${site.active ? 'chip-ok' : 'chip-wait'}`}>
          {t(site.active ? 'housing.taking' : 'housing.paused')}
        </span>
      </td>
      {operator && (
        <td data-label={t('users.actions')}>
          <button
            type="button"
            class="btn btn-small"
            onClick={onEdit}
            aria-label={t('users.editLabel', { name: site.name })}
          >
            {t('users.edit')}
          </button>
        </td>
      )}
    </tr>
  );
}

/** Where people can sleep tonight. Addresses and host phones come only to roles the server sends them to. */
export function Housing({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  const operator = isOperator(user.role);
  const sites = useHousingSites();
  const [editing, setEditing] = useState<number | null>(null);
  const items = sites.data?.items ?? [];
  const editSite = items.find((s) => s.id === editing) ?? null;
  const editRef = useRef<HTMLDivElement>(null);
  // The form opens above the list; on a phone the Edit button pressed may be a long way below it.
  useEffect(() => {
    if (editing !== null) editRef.current?.scrollIntoView({ block: 'start' });
  }, [editing]);

  return (
    <Page title={t('housing.title')}>
      <BedsFreeTonight sites={sites.data?.items} />
      {operator && (
        <Disclosure id="new-housing-title" title={t('housing.new')}>
          <HousingSiteForm site={null} onSaved={sites.reload} />
        </Disclosure>
      )}
      <OccupancyGrid operator={operator} sites={items} />
      <section class="card" aria-labelledby="housing-sites-title">
        <h2 id="housing-sites-title">{t('housing.sites')}</h2>
        <ErrorMessage error={sites.error} />
        {sites.data && items.length === 0 && <p class="empty">{t('housing.empty')}</p>}
        {editSite && (
          <div class="housing-edit" data-testid="housing-edit" ref={editRef}>
            <h3 class="subhead">{t('users.editTitle', { name: editSite.name })}</h3>
            <HousingSiteForm
              key={editSite.id}
              site={editSite}
              onSaved={() => {
                setEditing(null);
                sites.reload();
              }}
              onCancel={() => setEditing(null)}
            />
          </div>
        )}
        {items.length > 0 && (
          <table class="table" data-testid="housing-sites">
            <caption class="visually-hidden">{t('housing.sites')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('sites.kind')}</th>
                <th scope="col">{t('housing.beds')}</th>
                <th scope="col">{t('housing.freeTonightShort')}</th>
                <th scope="col">{t('housing.features')}</th>
                {operator && <th scope="col">{t('sites.address')}</th>}
                <th scope="col">{t('housing.active')}</th>
                {operator && <th scope="col">{t('users.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((site) => (
                <SiteRow key={site.id} site={site} operator={operator} onEdit={() => setEditing(site.id)} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}
