import { disbursementPurposes } from '@shared/fund';
import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type FundReportMonth, fundCsvUrl, type FundReport as Report } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatMoney, minorDigits } from '../../components/money';
import { Page } from '../../components/Page';
import { type Lang, type MessageKey, useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';

type ChartProps = { values: number[]; labels: string[]; seriesLabel: string; description: string };

/** The chart library is fetched only by those who open a report. */
function useChart(): ComponentType<ChartProps> | null {
  const [chart, setChart] = useState<ComponentType<ChartProps> | null>(null);
  useEffect(() => {
    let alive = true;
    void import('../../components/PeopleChart').then((m) => {
      if (alive) setChart(() => m.PeopleChart);
    });
    return () => {
      alive = false;
    };
  }, []);
  return chart;
}

/** "Mar 2026" / "mar 2026". */
function monthLabel(lang: Lang, month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)),
  );
}

/** Every count the report has, in the order the tables show them. */
const COUNTS: readonly { key: keyof FundReportMonth; label: MessageKey; money?: boolean }[] = [
  { key: 'peopleMet', label: 'fundReport.peopleMet' },
  { key: 'nightsSheltered', label: 'fundReport.nights' },
  { key: 'kitsHandedOut', label: 'fundReport.kits' },
  { key: 'ticketPeople', label: 'fundReport.tickets' },
  { key: 'volunteerHours', label: 'fundReport.hours' },
  { key: 'moneyInCents', label: 'fundReport.moneyIn', money: true },
  { key: 'moneyOutCents', label: 'fundReport.moneyOut', money: true },
];

const CHARTS: readonly { key: 'peopleMet' | 'volunteerHours' | 'moneyOutCents'; label: MessageKey }[] = [
  { key: 'peopleMet', label: 'fundReport.peopleMet' },
  { key: 'volunteerHours', label: 'fundReport.hours' },
  { key: 'moneyOutCents', label: 'fundReport.moneyOut' },
];

const LIVE = ['fund.', 'disbursement.', 'release.', 'stay.', 'stock.', 'shift.', 'dispatch.', 'itinerary.'];

/** For donors and funders: what the network did each month, with no one's personal data. */
export function FundReport() {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const range = useRef<{ from?: string; to?: string }>({});
  const report = useLiveResource(() => api.fundReport(range.current), LIVE);
  const Chart = useChart();
  const data: Report | null = report.data;

  useEffect(() => {
    if (data && !from && !to) {
      setFrom(data.from);
      setTo(data.to);
    }
  }, [data]);

  const apply = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (!nextFrom || !nextTo || nextFrom > nextTo) return;
    range.current = { from: nextFrom, to: nextTo };
    report.reload();
  };

  const value = (m: Omit<FundReportMonth, 'month'>, key: keyof FundReportMonth, money?: boolean) => {
    const v = m[key as keyof typeof m] as number;
    return money ? formatMoney(lang, v, data?.currency ?? 'USD') : v.toLocaleString(lang);
  };

  return (
    <Page
      title={t('fundReport.title')}
      actions={
        data && (
          <a
            class="btn"
            href={fundCsvUrl({ from: data.from, to: data.to })}
            download
            data-testid="fund-csv-link"
          >
            {t('reports.csv')}
          </a>
        )
      }
    >
      <form class="card filters" aria-label={t('reports.range')} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="fund-report-from">{t('reports.from')}</label>
          <input
            id="fund-report-from"
            type="date"
            value={from}
            onChange={(e) => apply(e.currentTarget.value, to)}
          />
        </div>
        <div class="field">
          <label for="fund-report-to">{t('reports.to')}</label>
          <input
            id="fund-report-to"
            type="date"
            value={to}
            onChange={(e) => apply(from, e.currentTarget.value)}
          />
        </div>
      </form>
      {from && to && from > to && (
        <p class="alert alert-error" role="alert">
          {t('reports.rangeInvalid')}
        </p>
      )}
      <ErrorMessage error={report.error} />
      {!data && !report.error && <p class="loading">{t('app.loading')}</p>}
      {data && (
        <>
          <p class="hint">{t('fundReport.basis', { hours: data.hoursPerDispatch })}</p>
          <div class="grid stats" data-testid="fund-report-totals">
            {COUNTS.map((c) => (
              <article key={c.key} class="card stat">
                <h2>{t(c.label)}</h2>
                <p class={c.money ? 'stat-value stat-money' : 'stat-value'} data-testid={`total-${c.key}`}>
                  {value(data.totals, c.key, c.money)}
                </p>
              </article>
            ))}
          </div>
          {CHARTS.map((c) => (
            <section key={c.key} class="card" aria-labelledby={`chart-${c.key}`}>
              <h2 id={`chart-${c.key}`}>{t('fundReport.perMonth', { what: t(c.label) })}</h2>
              {Chart ? (
                <Chart
                  values={data.months.map((m) =>
                    c.key === 'moneyOutCents'
                      ? m.moneyOutCents / 10 ** minorDigits(data.currency)
                      : (m[c.key] as number),
                  )}
                  labels={data.months.map((m) => monthLabel(lang, m.month))}
                  seriesLabel={t(c.label)}
                  description={t('fundReport.chartDescription', {
                    what: t(c.label),
                    total: value(data.totals, c.key, c.key === 'moneyOutCents'),
                  })}
                />
              ) : (
                <p class="loading">{t('app.loading')}</p>
              )}
            </section>
          ))}
          <Disclosure id="by-month-title" title={t('fundReport.byMonth')}>
            <table class="table" data-testid="fund-report-months">
              <thead>
                <tr>
                  <th scope="col">{t('fundReport.month')}</th>
                  {COUNTS.map((c) => (
                    <th key={c.key} scope="col" class="num">
                      {t(c.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.months.map((m) => (
                  <tr key={m.month} data-month={m.month}>
                    <th scope="row" data-label={t('fundReport.month')}>
                      {monthLabel(lang, m.month)}
                    </th>
                    {COUNTS.map((c) => (
                      <td key={c.key} class="num" data-label={t(c.label)}>
                        {value(m, c.key, c.money)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Disclosure>
          <section class="card" aria-labelledby="by-purpose-title">
            <h2 id="by-purpose-title">{t('fundReport.byPurpose')}</h2>
            <table class="mini-table" data-testid="fund-report-purposes">
              <tbody>
                {disbursementPurposes.map((p) => (
                  <tr key={p}>
                    <th scope="row">{t(`fund.purpose.${p}`)}</th>
                    <td class="num">{formatMoney(lang, data.totals.moneyOutByPurpose[p], data.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </Page>
  );
}
