import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { operators } from '../../access';
import { ValidationError } from '../../errors';
import { actorOf } from '../../plugins/auth';
import { findShift, signupsFor } from '../shifts/shifts.repo';
import { listVolunteers } from '../volunteers/volunteers.repo';
import { isOptedOut } from './sms.repo';
import { type BroadcastResult, broadcastBody, broadcastResult } from './sms.schemas';
import type { SmsService } from './sms.service';

/** Texts every matching active volunteer who has not opted out, each in their own language when given. */
export function broadcastRoutes(service: SmsService) {
  return async (app: FastifyInstance) => {
    const { commands } = app.core;
    app.withTypeProvider<ZodTypeProvider>().post(
      '/api/sms/broadcast',
      {
        config: { access: operators },
        schema: {
          tags: ['sms'],
          summary: 'Text active volunteers: all, the listed ones, or those signed up for a shift',
          body: broadcastBody,
          response: { 201: broadcastResult },
        },
      },
      async (request, reply) => {
        const { body, bodyEs, volunteerIds, shiftId } = request.body;
        const result = commands.run(actorOf(request), (ctx) => {
          const roster = listVolunteers(ctx.tx);
          const byId = new Map(roster.map((v) => [v.id, v]));
          let wanted = volunteerIds ? [...new Set(volunteerIds)] : roster.map((v) => v.id);
          if (shiftId !== undefined) {
            if (!findShift(ctx.tx, shiftId))
              throw new ValidationError([{ path: 'body.shiftId', message: 'no such shift' }]);
            const onShift = new Set(signupsFor(ctx.tx, [shiftId]).map((s) => s.signup.volunteerId));
            wanted = wanted.filter((id) => onShift.has(id));
          }
          const skipped: BroadcastResult['skipped'] = [];
          const messageIds: number[] = [];
          for (const id of wanted) {
            const v = byId.get(id);
            if (!v) skipped.push({ volunteerId: id, reason: 'not_found' });
            else if (!v.active) skipped.push({ volunteerId: id, reason: 'inactive' });
            else if (isOptedOut(ctx.tx, v.phone)) skipped.push({ volunteerId: id, reason: 'opted_out' });
            else {
              const text = v.smsLanguage === 'es' && bodyEs ? bodyEs : body;
              const row = service.enqueue(ctx, {
                to: v.phone,
                body: text,
                kind: 'broadcast',
                language: v.smsLanguage,
                related: { type: 'volunteer', id: v.id },
              });
              messageIds.push(row.id);
            }
          }
          ctx.audit({
            action: 'sms.broadcast',
            entity: 'sms',
            changes: { queued: messageIds.length, skipped: skipped.length },
          });
          return { queued: messageIds.length, messageIds, skipped };
        });
        return reply.status(201).send(result);
      },
    );
  };
}
