import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldReaders } from '../../../shared/roles';
import { ValidationError } from '../../errors';
import { idParams } from '../../lib/params';
import { actorOf } from '../../plugins/auth';
import type { FundImport } from './fund.import';
import {
  createFundBody,
  disbursement,
  disbursementBody,
  fund,
  fundList,
  importQuery,
  importReport,
  income,
  incomeBody,
  ledger,
  ledgerQuery,
  rejectBody,
} from './fund.schemas';
import type { FundService } from './fund.service';

/** The ledger is need-to-know (shared/roles.ts, fundLedger): admins and coordinators. */
const access = fieldReaders.fundLedger;

export function fundRoutes(service: FundService, importer: FundImport) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['fund'];
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );

    r.post(
      '/api/funds',
      {
        config: { access },
        schema: { tags, summary: 'Open a fund', body: createFundBody, response: { 201: fund } },
      },
      async (request, reply) => reply.status(201).send(service.create(actorOf(request), request.body)),
    );
    r.get(
      '/api/funds',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Funds with their balance (income minus approved and pending) and what is pending',
          response: { 200: fundList },
        },
      },
      async () => service.list(),
    );
    r.get(
      '/api/funds/ledger',
      {
        config: { access },
        schema: {
          tags,
          summary: 'The newest income and disbursements (pending first), of one fund or all',
          querystring: ledgerQuery,
          response: { 200: ledger },
        },
      },
      async (request) => service.ledger(request.query.fundId),
    );
    r.get(
      '/api/funds/:id',
      {
        config: { access },
        schema: { tags, summary: 'One fund and its balance', params: idParams, response: { 200: fund } },
      },
      async (request) => service.get(request.params.id),
    );
    r.post(
      '/api/funds/:id/income',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Record money that came in',
          params: idParams,
          body: incomeBody,
          response: { 201: income },
        },
      },
      async (request, reply) =>
        reply.status(201).send(service.recordIncome(actorOf(request), request.params.id, request.body)),
    );
    r.post(
      '/api/funds/income/import',
      {
        config: { access },
        schema: {
          tags,
          summary:
            "Import income from a platform's CSV export (text/csv: GoFundMe, Venmo, PayPal…); a report per row; rows already imported are not counted twice",
          querystring: importQuery,
          response: { 200: importReport },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string') {
          throw new ValidationError([{ path: 'body', message: 'must be CSV sent as text/csv' }]);
        }
        return importer.run(actorOf(request), request.query.fundId, request.body);
      },
    );
    r.post(
      '/api/funds/:id/disbursements',
      {
        config: { access },
        schema: {
          tags,
          summary:
            'Pay out of a fund: approved at once up to FUND_APPROVAL_CENTS, pending above it; 409 insufficient_funds beyond the balance',
          params: idParams,
          body: disbursementBody,
          response: { 201: disbursement },
        },
      },
      async (request, reply) =>
        reply.status(201).send(service.disburse(actorOf(request), request.params.id, request.body)),
    );
    r.post(
      '/api/disbursements/:id/approve',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Approve a pending disbursement (not one you asked for yourself)',
          params: idParams,
          body: z.strictObject({}).optional(),
          response: { 200: disbursement },
        },
      },
      async (request) => service.decide(actorOf(request), request.params.id, 'approved'),
    );
    r.post(
      '/api/disbursements/:id/reject',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Reject a pending disbursement with a reason; its money is free again',
          params: idParams,
          body: rejectBody,
          response: { 200: disbursement },
        },
      },
      async (request) => service.decide(actorOf(request), request.params.id, 'rejected', request.body.reason),
    );
  };
}
