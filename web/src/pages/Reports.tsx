import type { ComponentType } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isOperator } from '../access';
import { type AuthUser, api, type Report, type ReportPeriod, releaseCsvUrl } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { dateFromNow, formatDay } from '../components/networkTime';
import { Page } from '../components/Page';
import { formatMinutes, releaseLanguageName } from '../components/ReleaseBits';
import { hasKey, type Lang, useI18n } from '../i18n';
import { useLiveResource } from '../resource';

const axisFormats = new Map<Lang, Intl.DateTimeFormat>();

/** "Nov 27" / "27 nov": short enough for a tick under a bar. */
function axisDay(lang: Lang, date: string): string {
  let fmt = axisFormats.get(lang);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    axisFormats.set(lang, fmt);
  }
  const [y, m, d] = date.split('-').map(Number);
  return fmt.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

type ChartProps = { values: number[]; labels: string[]; seriesLabel: string; description: string };

/** The chart library is only fetched by people who open reports, not by a phone logging a release. */
function useChart(): ComponentType<ChartProps> | null {
  const [chart, setChart] = useState<ComponentType<ChartProps> | null>(null);
  useEffect(() => {
    let alive = true;
    void import('../components/PeopleChart').then((m) => {
      if (alive) setChart(() => m.PeopleChart);
    });
    return () => {
      alive = false;
    };
  }, []);
  return chart;
}

function BreakdownTable({
  id,
  title,
  keyLabel,
  rows,
}: {
  id: string;
  title: string;
  keyLabel: string;
  rows: { key: string; label: string; people: number }[];
}) {
  const { t } = useI18n();
  return (
    <section class="card breakdown" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p class="empty">{t('reports.none')}</p>
      ) : (
        <table class="mini-table">
          <thead>
            <tr>
              <th scope="col">{keyLabel}</th>
              <th scope="col" class="num">
                {t('reports.people')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td class="num">{r.people}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Reports({ user }: { user: AuthUser }) {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState(() => dateFromNow(-29));
  const [to, setTo] = useState(() => dateFromNow(0));
  const [period, setPeriod] = useState<ReportPeriod>('day');
  const query = useRef({ from, to, period });
  const report = useLiveResource(() => api.releaseReport(query.current), ['release.']);
  const Chart = useChart();

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!from || !to || from > to) return;
    query.current = { from, to, period };
    report.reload();
  }, [from, to, period]);

  const data: Report | null = report.data;
  const chart = useMemo(() => {
    if (!data) return null;
    const label = (start: string) =>
      data.period === 'week' ? t('reports.weekOf', { day: formatDay(lang, start) }) : formatDay(lang, start);
    return {
      values: data.series.map((s) => s.people),
      labels: data.series.map((s) => axisDay(lang, s.start)),
      rows: data.series.map((s) => ({ key: s.start, label: label(s.start), people: s.people })),
    };
  }, [data, lang]);

  const invalidRange = Boolean(from && to && from > to);
  return (
    <Page
      title={t('reports.title')}
      actions={
        isOperator(user.role) &&
        data && (
          <a
            class="btn"
            href={releaseCsvUrl({ from: data.from, to: data.to })}
            download
            data-testid="csv-link"
          >
            {t('reports.csv')}
          </a>
        )
      }
    >
      <form class="card filters" aria-label={t('reports.range')} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="report-from">{t('reports.from')}</label>
          <input
            id="report-from"
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="report-to">{t('reports.to')}</label>
          <input
            id="report-to"
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="report-period">{t('reports.period')}</label>
          <select
            id="report-period"
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value as ReportPeriod)}
          >
            <option value="day">{t('reports.byDay')}</option>
            <option value="week">{t('reports.byWeek')}</option>
          </select>
        </div>
      </form>
      {invalidRange && (
        <p class="alert alert-error" role="alert">
          {t('reports.rangeInvalid')}
        </p>
      )}
      <ErrorMessage error={report.error} />
      {!data && !report.error && <p class="loading">{t('app.loading')}</p>}
      {data && chart && (
        <>
          <p class="hint">{t('reports.basis')}</p>
          <div class="grid stats" data-testid="report-totals">
            <article class="card stat">
              <h2>{t('reports.releases')}</h2>
              <p class="stat-value" data-testid="report-releases">
                {data.releases}
              </p>
            </article>
            <article class="card stat">
              <h2>{t('reports.peopleMet')}</h2>
              <p class="stat-value" data-testid="report-people">
                {data.people}
              </p>
            </article>
            <article class="card stat">
              <h2>{t('reports.median')}</h2>
              <p class="stat-value" data-testid="report-median">
                {data.medianMinutesToMet === null ? '—' : formatMinutes(t, data.medianMinutesToMet)}
              </p>
            </article>
          </div>
          <section class="card" aria-labelledby="chart-title">
            <h2 id="chart-title">{t(data.period === 'week' ? 'reports.chartWeek' : 'reports.chartDay')}</h2>
            {Chart ? (
              <Chart
                values={chart.values}
                labels={chart.labels}
                seriesLabel={t('reports.people')}
                description={t('reports.chartDescription', {
                  people: data.people,
                  from: formatDay(lang, data.from),
                  to: formatDay(lang, data.to),
                })}
              />
            ) : (
              <p class="loading">{t('app.loading')}</p>
            )}
            <details class="chart-data">
              <summary class="chart-data-toggle">{t('reports.asTable')}</summary>
              <table class="mini-table">
                <thead>
                  <tr>
                    <th scope="col">{t(data.period === 'week' ? 'reports.week' : 'reports.day')}</th>
                    <th scope="col" class="num">
                      {t('reports.people')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {chart.rows.map((r) => (
                    <tr key={r.key}>
                      <th scope="row">{r.label}</th>
                      <td class="num">{r.people}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
          <div class="breakdowns">
            <BreakdownTable
              id="by-site"
              title={t('reports.bySite')}
              keyLabel={t('release.site')}
              rows={data.bySite.map((r) => ({ key: r.site, label: r.site, people: r.people }))}
            />
            <BreakdownTable
              id="by-language"
              title={t('reports.byLanguage')}
              keyLabel={t('reports.language')}
              rows={data.byLanguage.map((r) => ({
                key: r.language,
                label:
                  r.language === 'unknown'
                    ? t('reports.unknownLanguage')
                    : releaseLanguageName(lang, r.language),
                people: r.people,
              }))}
            />
            <BreakdownTable
              id="by-need"
              title={t('reports.byNeed')}
              keyLabel={t('reports.need')}
              rows={data.byNeed.map((r) => {
                const key = `need.${r.need}`;
                return { key: r.need, label: hasKey(key) ? t(key) : r.need, people: r.people };
              })}
            />
          </div>
        </>
      )}
    </Page>
  );
}
