import { useState } from 'preact/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDay } from '../../components/networkTime';
import { SiteSelect, useSites, useStock } from '../../components/SupplyBits';
import { useI18n } from '../../i18n';

/** What is on hand where; low and soon-expiring lines stand out, and the low ones are listed first. */
export function StockTable() {
  const { t, lang } = useI18n();
  const stock = useStock();
  const sites = useSites();
  const [siteId, setSiteId] = useState<number | null>(null);
  const lines = (stock.data?.items ?? []).filter((l) => siteId === null || l.siteId === siteId);
  const low = lines.filter((l) => l.low);
  return (
    <section class="card" aria-labelledby="stock-title" data-testid="stock">
      <div class="section-head">
        <h2 id="stock-title">{t('supplies.stock')}</h2>
        <SiteSelect
          sites={sites.data?.items ?? []}
          value={siteId}
          onChange={setSiteId}
          allLabel={t('supplies.allSites')}
          a11y={{ 'aria-label': t('supplies.site') }}
        />
      </div>
      <ErrorMessage error={stock.error} />
      {low.length > 0 && (
        <div class="alert alert-low" role="status" data-testid="low-stock">
          <strong>{t('supplies.lowTitle')}</strong>
          <ul>
            {low.map((l) => (
              <li key={`${l.itemId}:${l.siteId}`} data-item={l.itemId} data-site={l.siteId}>
                {t('supplies.lowLine', {
                  name: l.name,
                  site: l.siteName,
                  qty: l.qty,
                  threshold: l.threshold ?? 0,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {stock.data && lines.length === 0 && <p class="empty">{t('supplies.noStock')}</p>}
      {lines.length > 0 && (
        <table class="table stock-table">
          <caption class="visually-hidden">{t('supplies.stock')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supplies.item')}</th>
              <th scope="col">{t('supplies.site')}</th>
              <th scope="col">{t('supplies.onHand')}</th>
              <th scope="col">{t('supplies.state')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr
                key={`${l.itemId}:${l.siteId}`}
                class={l.low ? 'row-low' : l.expiringSoon ? 'row-expiring' : undefined}
                data-testid="stock-row"
                data-item={l.itemId}
                data-site={l.siteId}
                data-qty={l.qty}
                data-low={l.low}
              >
                <th scope="row" data-label={t('supplies.item')}>
                  {l.name} <span class="hint">{l.sku}</span>
                </th>
                <td data-label={t('supplies.site')}>{l.siteName}</td>
                <td data-label={t('supplies.onHand')} class="num" data-testid="stock-qty">
                  {l.qty} {l.unit}
                </td>
                <td data-label={t('supplies.state')}>
                  {l.low && (
                    <span class="chip chip-bad">{t('supplies.low', { threshold: l.threshold ?? 0 })}</span>
                  )}{' '}
                  {l.expiringSoon && l.expiresOn && (
                    <span class="chip chip-warn">
                      {t('supplies.expires', { date: formatDay(lang, l.expiresOn) })}
                    </span>
                  )}
                  {!l.low && !l.expiringSoon && <span class="chip chip-ok">{t('supplies.ok')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
