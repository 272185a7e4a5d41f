import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyRole, operators } from '../../access';
import { actorOf } from '../../plugins/auth';
import { createSiteBody, site, siteList } from './sites.schemas';
import type { SitesService } from './sites.service';

export function sitesRoutes(service: SitesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/sites',
      {
        config: { access: operators },
        schema: { tags: ['sites'], summary: 'Add a site', body: createSiteBody, response: { 201: site } },
      },
      async (request, reply) => reply.status(201).send(service.create(actorOf(request), request.body)),
    );
    r.get(
      '/api/sites',
      {
        config: { access: anyRole },
        schema: { tags: ['sites'], summary: 'List sites', response: { 200: siteList } },
      },
      async () => ({ items: service.list() }),
    );
  };
}
