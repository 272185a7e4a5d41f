import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '../../../shared/roles';
import { anyRole, mayFilterBy, operators, phoneFor, shownTo } from '../../access';
import { AppError } from '../../errors';
import { idParams } from '../../lib/params';
import { redactLinkTokens } from '../../lib/redact';
import { toIso } from '../../lib/time';
import { actorOf } from '../../plugins/auth';
import { listOptOuts, listSms } from './sms.repo';
import {
  listQuery,
  optOutList,
  type SmsMessage,
  sendBody,
  simulateBody,
  simulateResult,
  smsMessage,
  smsPage,
} from './sms.schemas';
import { type SmsService, toSmsMessage } from './sms.service';

/** A logged text as this role may read it. */
function messageFor(role: Role, m: SmsMessage): SmsMessage {
  const body = m.body === null ? null : redactLinkTokens(m.body);
  return { ...m, phone: phoneFor(role, m.phone), body: shownTo(role, 'smsBody', body) };
}

export function smsRoutes(service: SmsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const { db, config, sms } = app.core;
    const zone = config.NETWORK_TZ;

    r.get(
      '/api/sms/messages',
      {
        config: { access: anyRole },
        schema: {
          tags: ['sms'],
          summary: 'The SMS log, newest first, with each message status; page with `before`',
          querystring: listQuery,
          response: { 200: smsPage },
        },
      },
      async (request) => {
        const q = request.query;
        const role = request.user!.role;
        mayFilterBy(role, 'phone', 'querystring.phone', q.phone !== undefined);
        const phone = q.phone ? service.normalizePhone(q.phone, 'querystring.phone') : undefined;
        const rows = listSms(db, { ...q, phone });
        const last = rows.at(-1);
        return {
          items: rows.map((row) => messageFor(role, toSmsMessage(row, zone))),
          nextBefore: rows.length === q.limit && last ? last.id : null,
        };
      },
    );

    r.post(
      '/api/sms/messages',
      {
        config: { access: operators },
        schema: {
          tags: ['sms'],
          summary: 'Queue one message',
          body: sendBody,
          response: { 201: smsMessage },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(toSmsMessage(service.sendDirect(actorOf(request), request.body.to, request.body.body), zone)),
    );

    r.post(
      '/api/sms/messages/:id/resend',
      {
        config: { access: operators },
        schema: {
          tags: ['sms'],
          summary: 'Queue again a message that failed',
          params: idParams,
          response: { 201: smsMessage },
        },
      },
      async (request, reply) =>
        reply.status(201).send(toSmsMessage(service.resend(actorOf(request), request.params.id), zone)),
    );

    r.get(
      '/api/sms/opt-outs',
      {
        config: { access: operators },
        schema: {
          tags: ['sms'],
          summary: 'Numbers that opted out (nothing is sent to them)',
          response: { 200: optOutList },
        },
      },
      async () => ({ items: listOptOuts(db).map((o) => ({ ...o, optedOutAt: toIso(o.optedOutAt, zone) })) }),
    );

    r.post(
      '/api/sms/simulate',
      {
        config: { access: operators },
        schema: {
          tags: ['sms'],
          summary: 'Console driver only: text in as any phone and get the replies',
          body: simulateBody,
          response: { 200: simulateResult },
        },
      },
      async (request) => {
        if (sms.driver !== 'console') {
          throw new AppError(
            409,
            'simulator_unavailable',
            'The SMS simulator works only with SMS_DRIVER=console',
          );
        }
        const from = service.normalizePhone(request.body.from, 'body.from');
        const sid = `SIM${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
        // The replies are answered as queued; their delivery shows up live in the SMS log.
        const result = service.receive({ from, body: request.body.body, messageSid: sid })!;
        return {
          inbound: toSmsMessage(result.message, zone),
          replies: result.replies.map((row) => toSmsMessage(row, zone)),
        };
      },
    );
  };
}
