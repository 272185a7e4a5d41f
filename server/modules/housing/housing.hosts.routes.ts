import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyRole, operators } from '../../access';
import { idParams } from '../../lib/params';
import { actorOf } from '../../plugins/auth';
import { hostRequest, hostRequestBody, hostRequestList, stayQuery } from './housing.schemas';
import type { HousingService } from './housing.service';

/** Asking a volunteer host by text; the stay is placed when they answer YES with the code. */
export function hostRequestRoutes(service: HousingService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['housing'];
    r.post(
      '/api/housing/requests',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: "Text a site's host to ask them to take guests; the stay is placed on their YES",
          body: hostRequestBody,
          response: { 201: hostRequest },
        },
      },
      async (request, reply) => reply.status(201).send(service.hosts.ask(actorOf(request), request.body)),
    );
    r.get(
      '/api/housing/requests',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: "A release's requests to hosts",
          querystring: stayQuery,
          response: { 200: hostRequestList },
        },
      },
      async (request) => ({
        items: request.query.releaseId ? service.hosts.ofRelease(request.query.releaseId) : [],
      }),
    );
    r.post(
      '/api/housing/requests/:id/cancel',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Withdraw a request a host has not answered',
          params: idParams,
          response: { 200: hostRequest },
        },
      },
      async (request) => service.hosts.cancel(actorOf(request), request.params.id),
    );
  };
}
