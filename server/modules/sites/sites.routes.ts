import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyRole, operators } from '../../access';
import { idParams } from '../../lib/params';
import { actorOf } from '../../plugins/auth';
import { createSiteBody, site, siteList, siteListQuery, sitePatch, siteRemoved } from './sites.schemas';
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
        schema: {
          tags: ['sites'],
          summary: 'List sites in use (archived=true: the archived ones)',
          querystring: siteListQuery,
          response: { 200: siteList },
        },
      },
      async (request) => ({ items: service.list(request.query.archived === 'true') }),
    );
    r.patch(
      '/api/sites/:id',
      {
        config: { access: operators },
        schema: {
          tags: ['sites'],
          summary: 'Rename or correct a site, or archive it (409 duplicate_site_name, duplicate_sms_keyword)',
          params: idParams,
          body: sitePatch,
          response: { 200: site },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );
    r.delete(
      '/api/sites/:id',
      {
        config: { access: operators },
        schema: {
          tags: ['sites'],
          summary: 'Delete a site nothing names yet; a site in use is archived instead',
          params: idParams,
          response: { 200: siteRemoved },
        },
      },
      async (request) => service.remove(actorOf(request), request.params.id),
    );
  };
}
