import type { Report, ReportPeriod, ReportQuery } from '@server/modules/releases/reports.schemas';
import { request, withQuery } from './http';

export type { Report, ReportPeriod, ReportQuery };

export const reportsApi = {
  releaseReport: (query: ReportQuery) => request<Report>(withQuery('/api/reports/releases', query)),
};

/** A plain link: the browser downloads it with the session cookie, under the server's file name. */
export function releaseCsvUrl(query: Pick<ReportQuery, 'from' | 'to'>): string {
  return withQuery('/api/reports/releases.csv', query);
}
