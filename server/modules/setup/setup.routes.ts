import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { setSessionCookie } from '../../plugins/auth';
import { userEnvelope } from '../auth/auth.schemas';
import { setupBody, setupNeeded } from './setup.schemas';
import type { SetupService } from './setup.service';

export function setupRoutes(service: SetupService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const { config } = app.core;
    const limit = app.rateLimit({ max: 20, timeWindow: 15 * 60_000 });

    r.get(
      '/api/setup',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Whether the first admin is still to be created',
          response: { 200: setupNeeded },
        },
      },
      async () => ({ needed: service.needed() }),
    );

    r.post(
      '/api/setup',
      {
        config: { access: 'public' },
        preHandler: limit,
        schema: {
          tags: ['auth'],
          summary: 'Create the first admin with the one-time setup token',
          body: setupBody,
          response: { 201: userEnvelope },
        },
      },
      async (request, reply) => {
        const { token, ...input } = request.body;
        const { user, sessionToken } = await service.complete(token, input, request.ip);
        setSessionCookie(reply, config, sessionToken);
        return reply.status(201).send({ user });
      },
    );
  };
}
