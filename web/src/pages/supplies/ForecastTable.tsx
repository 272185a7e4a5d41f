import { api } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SUPPLY_EVENTS } from '../../components/SupplyBits';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';

/** How long stock lasts at the recent pace of hand-outs, and what to buy or move for the coming week. */
export function ForecastTable() {
  const { t } = useI18n();
  const forecast = useLiveResource(api.supplyForecast, SUPPLY_EVENTS);
  const f = forecast.data;
  const lines = [...(f?.items ?? [])].sort(
    (a, b) => (a.daysLeft ?? Number.POSITIVE_INFINITY) - (b.daysLeft ?? Number.POSITIVE_INFINITY),
  );
  return (
    <section class="card" aria-labelledby="forecast-title" data-testid="forecast">
      <h2 id="forecast-title">{t('supplies.forecast')}</h2>
      <ErrorMessage error={forecast.error} />
      {f && <p class="hint">{t('supplies.forecastHint', { days: f.days, history: f.historyDays })}</p>}
      {f && lines.length === 0 && <p class="empty">{t('supplies.noStock')}</p>}
      {lines.length > 0 && f && (
        <table class="table forecast-table">
          <caption class="visually-hidden">{t('supplies.forecast')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supplies.item')}</th>
              <th scope="col">{t('supplies.site')}</th>
              <th scope="col">{t('supplies.onHand')}</th>
              <th scope="col">{t('supplies.perDay')}</th>
              <th scope="col">{t('supplies.daysLeft')}</th>
              <th scope="col">{t('supplies.toCover', { days: f.days })}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr
                key={`${l.itemId}:${l.siteId}`}
                class={l.toCover > 0 ? 'row-low' : undefined}
                data-testid="forecast-row"
                data-item={l.itemId}
                data-site={l.siteId}
              >
                <th scope="row" data-label={t('supplies.item')}>
                  {l.name}
                </th>
                <td data-label={t('supplies.site')}>{l.siteName}</td>
                <td data-label={t('supplies.onHand')}>{l.qty}</td>
                <td data-label={t('supplies.perDay')}>{l.perDay}</td>
                <td data-label={t('supplies.daysLeft')}>{l.daysLeft === null ? '—' : l.daysLeft}</td>
                <td data-label={t('supplies.toCover', { days: f.days })} data-testid="to-cover">
                  {l.toCover > 0 ? <strong>{l.toCover}</strong> : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
