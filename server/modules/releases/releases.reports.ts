import { DateTime } from 'luxon';
import type { Core } from '../../deps';
import { csvRow } from '../../lib/csv';
import type { ReleaseWithSite } from './releases.service';

export interface ReportFilter {
  from: string;
  to: string;
  period: 'day' | 'week';
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function add(map: Map<string, number>, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

const entries = (map: Map<string, number>) =>
  [...map.entries()]
    .map(([key, people]) => ({ key, people }))
    .sort((a, b) => b.people - a.people || a.key.localeCompare(b.key));

/** People met between two local dates, by period, site, language and need; and how fast teams got there. */
export function releaseReport(core: Core, all: ReleaseWithSite[], f: ReportFilter) {
  const zone = core.config.NETWORK_TZ;
  const from = DateTime.fromISO(f.from, { zone }).startOf('day');
  const to = DateTime.fromISO(f.to, { zone }).endOf('day');
  const met = all.filter(({ release }) => {
    if (!release.metAt) return false;
    const at = DateTime.fromJSDate(release.metAt, { zone });
    return at >= from && at <= to;
  });

  const series = new Map<string, number>();
  for (
    let d = f.period === 'week' ? from.startOf('week') : from;
    d <= to;
    d = d.plus({ [f.period === 'week' ? 'weeks' : 'days']: 1 })
  ) {
    series.set(d.toISODate()!, 0);
  }
  const bySite = new Map<string, number>();
  const byLanguage = new Map<string, number>();
  const byNeed = new Map<string, number>();
  const minutes: number[] = [];
  for (const { release, siteName } of met) {
    const people = release.adults + release.children;
    const at = DateTime.fromJSDate(release.metAt!, { zone });
    add(series, (f.period === 'week' ? at.startOf('week') : at.startOf('day')).toISODate()!, people);
    add(bySite, siteName, people);
    for (const language of release.languages.length ? release.languages : ['unknown'])
      add(byLanguage, language, people);
    for (const need of release.needs) add(byNeed, need, people);
    if (release.reportedAt) minutes.push((release.metAt!.getTime() - release.reportedAt.getTime()) / 60_000);
  }
  return {
    from: from.toISODate()!,
    to: to.toISODate()!,
    period: f.period,
    releases: met.length,
    people: met.reduce((n, { release }) => n + release.adults + release.children, 0),
    medianMinutesToMet: median(minutes),
    series: [...series.entries()].map(([start, people]) => ({ start, people })),
    bySite: entries(bySite).map(({ key, people }) => ({ site: key, people })),
    byLanguage: entries(byLanguage).map(({ key, people }) => ({ language: key, people })),
    byNeed: entries(byNeed).map(({ key, people }) => ({ need: key, people })),
  };
}

const CSV_COLUMNS = [
  'code',
  'site',
  'status',
  'reported_at',
  'met_at',
  'closed_at',
  'adults',
  'children',
  'languages',
  'needs',
  'needs_met',
] as const;

/** One row per release in the range (by report time); no free text, so nothing personal leaves. */
export function releaseCsv(core: Core, all: ReleaseWithSite[], f: ReportFilter): string {
  const zone = core.config.NETWORK_TZ;
  const from = DateTime.fromISO(f.from, { zone }).startOf('day');
  const to = DateTime.fromISO(f.to, { zone }).endOf('day');
  const iso = (d: Date | null) =>
    d ? DateTime.fromJSDate(d, { zone }).toISO({ suppressMilliseconds: true }) : null;
  const rows = all
    .filter(({ release }) => {
      const at = DateTime.fromJSDate(release.reportedAt ?? release.createdAt, { zone });
      return at >= from && at <= to;
    })
    .sort((a, b) => a.release.id - b.release.id)
    .map(({ release, siteName }) =>
      csvRow([
        release.code,
        siteName,
        release.status,
        iso(release.reportedAt),
        iso(release.metAt),
        iso(release.closedAt),
        release.adults,
        release.children,
        release.languages.join('; '),
        release.needs.join('; '),
        release.needsMet.join('; '),
      ]),
    );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
