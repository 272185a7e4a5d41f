import { api } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';

export function SmsOptOuts() {
  const { t, date } = useI18n();
  const optOuts = useLiveResource(api.optOuts, ['sms.opt_']);
  const items = optOuts.data?.items ?? [];
  return (
    <section class="sms-section" aria-labelledby="sms-optouts-title">
      <h2 id="sms-optouts-title">{t('optouts.title')}</h2>
      <p class="hint">{t('optouts.intro')}</p>
      <ErrorMessage error={optOuts.error} />
      {optOuts.data && items.length === 0 && <p class="empty">{t('optouts.empty')}</p>}
      {items.length > 0 && (
        <table class="table" data-testid="optouts-table">
          <caption class="visually-hidden">{t('optouts.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sms.phone')}</th>
              <th scope="col">{t('optouts.keyword')}</th>
              <th scope="col">{t('optouts.when')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => (
              <tr key={o.phone} data-testid="optout-row">
                <th scope="row" data-label={t('sms.phone')} class="mono">
                  {o.phone}
                </th>
                <td data-label={t('optouts.keyword')} class="mono">
                  {o.keyword}
                </td>
                <td data-label={t('optouts.when')}>
                  <time dateTime={o.optedOutAt}>{date(o.optedOutAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
