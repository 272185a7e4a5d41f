import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyRole } from '../../access';
import { actorOf } from '../../plugins/auth';
import type { FundReports } from './fund.report';
import { fundReport, fundReportQuery } from './report.schemas';

/** The donor report holds no personal data, so every role reads it; each CSV download is audited. */
export function fundReportRoutes(reports: FundReports) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const { core } = app;

    function sendCsv(request: FastifyRequest, reply: FastifyReply, q: { from?: string; to?: string }) {
      const report = reports.build(q);
      core.commands.run(actorOf(request), (ctx) =>
        ctx.audit({
          action: 'report.exported',
          entity: 'fund',
          changes: { from: report.from, to: report.to, format: 'csv' },
        }),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="fund-report-${report.from}-${report.to}.csv"`)
        .send(reports.csv(report));
    }

    r.get(
      '/api/reports/fund',
      {
        config: { access: anyRole, sameOriginOnly: true },
        schema: {
          tags: ['reports'],
          summary:
            'For donors, by month: people met, nights sheltered, kits, tickets, money in and out by purpose, volunteer hours (format=csv for a spreadsheet)',
          querystring: fundReportQuery,
          response: { 200: fundReport },
        },
      },
      async (request, reply) =>
        request.query.format === 'csv'
          ? sendCsv(request, reply, request.query)
          : reports.build(request.query),
    );
    r.get(
      '/api/reports/fund.csv',
      {
        config: { access: anyRole, sameOriginOnly: true },
        schema: {
          tags: ['reports'],
          summary: 'The donor report as CSV (audited)',
          querystring: fundReportQuery,
        },
      },
      async (request, reply) => sendCsv(request, reply, request.query),
    );
  };
}
