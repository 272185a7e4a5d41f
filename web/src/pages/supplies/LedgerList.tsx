import { type MovementReason, movementReasons } from '@shared/supplies';
import { useState } from 'preact/hooks';
import { api, type LedgerFilter } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { formatDay, formatDayTime } from '../../components/networkTime';
import {
  reasonName,
  SiteSelect,
  SUPPLY_EVENTS,
  signed,
  useSites,
  useSupplyItems,
} from '../../components/SupplyBits';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';

/** The append-only ledger, newest first, narrowed by item, site and reason. */
export function LedgerList() {
  const { t } = useI18n();
  const sites = useSites();
  const items = useSupplyItems();
  const [filter, setFilter] = useState<LedgerFilter>({});
  return (
    <section class="card" aria-labelledby="ledger-title" data-testid="ledger">
      <h2 id="ledger-title">{t('supplies.ledger')}</h2>
      <div class="filters filters-compact">
        <Field id="ledger-item" label={t('supplies.item')}>
          {(a11y) => (
            <select
              {...a11y}
              value={filter.itemId ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setFilter((f) => ({ ...f, itemId: v ? Number(v) : undefined }));
              }}
            >
              <option value="">{t('supplies.allItems')}</option>
              {(items.data?.items ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="ledger-site" label={t('supplies.site')}>
          {(a11y) => (
            <SiteSelect
              a11y={a11y}
              sites={sites.data?.items ?? []}
              value={filter.siteId ?? null}
              onChange={(siteId) => setFilter((f) => ({ ...f, siteId: siteId ?? undefined }))}
              allLabel={t('supplies.allSites')}
            />
          )}
        </Field>
        <Field id="ledger-reason" label={t('supplies.reason')}>
          {(a11y) => (
            <select
              {...a11y}
              value={filter.reason ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setFilter((f) => ({ ...f, reason: v ? (v as MovementReason) : undefined }));
              }}
            >
              <option value="">{t('supplies.allReasons')}</option>
              {movementReasons.map((r) => (
                <option key={r} value={r}>
                  {reasonName(t, r)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <LedgerRows key={JSON.stringify(filter)} filter={filter} />
    </section>
  );
}

/** Keyed by its filter, so a new filter is a fresh fetch and never shows the old filter's rows as its own. */
function LedgerRows({ filter }: { filter: LedgerFilter }) {
  const { t, lang } = useI18n();
  const sites = useSites();
  const items = useSupplyItems();
  const ledger = useLiveResource(() => api.stockLedger(filter), SUPPLY_EVENTS);
  const itemName = (id: number) => items.data?.items.find((i) => i.id === id)?.name ?? `#${id}`;
  const siteName = (id: number) => sites.data?.items.find((s) => s.id === id)?.name ?? `#${id}`;
  const rows = ledger.data?.items ?? [];
  return (
    <>
      <ErrorMessage error={ledger.error} />
      {ledger.data && rows.length === 0 && <p class="empty">{t('supplies.noMovements')}</p>}
      {rows.length > 0 && (
        <table class="table ledger-table">
          <caption class="visually-hidden">{t('supplies.ledger')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supplies.when')}</th>
              <th scope="col">{t('supplies.item')}</th>
              <th scope="col">{t('supplies.site')}</th>
              <th scope="col">{t('supplies.change')}</th>
              <th scope="col">{t('supplies.reason')}</th>
              <th scope="col">{t('supplies.note')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} data-testid="movement" data-reason={m.reason} data-delta={m.delta}>
                <td data-label={t('supplies.when')}>
                  <time dateTime={m.at}>{formatDayTime(lang, m.at)}</time>
                </td>
                <th scope="row" data-label={t('supplies.item')}>
                  {itemName(m.itemId)}
                </th>
                <td data-label={t('supplies.site')}>{siteName(m.siteId)}</td>
                <td data-label={t('supplies.change')} class={m.delta < 0 ? 'delta-out' : 'delta-in'}>
                  {signed(m.delta)}
                </td>
                <td data-label={t('supplies.reason')}>
                  <span>
                    {reasonName(t, m.reason)}
                    {m.releaseId !== null && (
                      <>
                        {' · '}
                        <a href={`/releases/${m.releaseId}`} onClick={linkClick}>
                          {t('supplies.toRelease')}
                        </a>
                      </>
                    )}
                  </span>
                </td>
                <td data-label={t('supplies.note')}>
                  {[m.note, m.expiresOn && t('supplies.expiresShort', { date: formatDay(lang, m.expiresOn) })]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
