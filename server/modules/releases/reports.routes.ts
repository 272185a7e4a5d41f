import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DateTime } from 'luxon';
import { anyRole, operators } from '../../access';
import { ValidationError } from '../../errors';
import { actorOf } from '../../plugins/auth';
import { type ReportFilter, releaseCsv, releaseReport } from './releases.reports';
import type { ReleasesService } from './releases.service';
import { type ReportRangeQuery, report, reportQuery } from './reports.schemas';

export function reportsRoutes(service: Pick<ReleasesService, 'forReports'>) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const { core } = app;

    function range(q: ReportRangeQuery): ReportFilter {
      const today = DateTime.fromJSDate(core.clock.now(), { zone: core.config.NETWORK_TZ });
      const to = q.to ?? today.toISODate()!;
      const from = q.from ?? DateTime.fromISO(to).minus({ days: 29 }).toISODate()!;
      if (from > to)
        throw new ValidationError([{ path: 'querystring.from', message: 'must not be after to' }]);
      if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days > 3660) {
        throw new ValidationError([
          { path: 'querystring.from', message: 'a report covers at most ten years' },
        ]);
      }
      return { from, to, period: q.period };
    }

    r.get(
      '/api/reports/releases',
      {
        config: { access: anyRole },
        schema: {
          tags: ['reports'],
          summary:
            'People met per day or week, by site, language and need; median minutes from report to met',
          querystring: reportQuery,
          response: { 200: report },
        },
      },
      async (request) => releaseReport(core, service.forReports(), range(request.query)),
    );

    r.get(
      '/api/reports/releases.csv',
      {
        config: { access: operators, sameOriginOnly: true },
        schema: {
          tags: ['reports'],
          summary:
            'Releases as CSV (no free text); every export is audited, so another site cannot trigger one',
          querystring: reportQuery,
        },
      },
      async (request, reply) => {
        const filter = range(request.query);
        const csv = releaseCsv(core, service.forReports(), filter);
        core.commands.run(actorOf(request), (ctx) =>
          ctx.audit({
            action: 'report.exported',
            entity: 'release',
            changes: { from: filter.from, to: filter.to, format: 'csv' },
          }),
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="releases-${filter.from}-${filter.to}.csv"`)
          .send(csv);
      },
    );
  };
}
