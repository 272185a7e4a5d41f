import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { operators } from '../../access';
import { actorOf } from '../../plugins/auth';
import { broadcastBody, broadcastResult } from '../sms/sms.schemas';
import type { VolunteersService } from './volunteers.service';

/** Texts every matching active volunteer who has not opted out, each in their own language when given. */
export function broadcastRoutes(service: VolunteersService) {
  return async (app: FastifyInstance) => {
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
      async (request, reply) => reply.status(201).send(service.broadcast(actorOf(request), request.body)),
    );
  };
}
