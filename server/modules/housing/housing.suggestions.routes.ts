import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyRole } from '../../access';
import { NotFoundError } from '../../errors';
import { idParams } from '../../lib/params';
import { tonight } from './housing.nights';
import { suggestionList, suggestionQuery } from './housing.schemas';
import type { HousingService } from './housing.service';
import { suggestSites } from './housing.suggestions';

export function suggestionRoutes(service: HousingService) {
  return async (app: FastifyInstance) => {
    const { db, clock, config } = app.core;
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/releases/:id/housing/suggestions',
      {
        config: { access: anyRole },
        schema: {
          tags: ['housing'],
          summary: 'Housing sites ranked for a release, each with its reasons',
          params: idParams,
          querystring: suggestionQuery,
          response: { 200: suggestionList },
        },
      },
      async (request) => {
        const found = service.ports.releases.findIn(db, request.params.id);
        if (!found) throw new NotFoundError('Release');
        const r = found.release;
        const q = request.query;
        const input = {
          checkIn: q.checkIn ?? tonight(clock.now(), config.NETWORK_TZ),
          nights: q.nights,
          people: q.people ?? r.adults + r.children,
          children: r.children,
          languages: r.languages,
          accessible: q.accessible === 'true',
        };
        return {
          checkIn: input.checkIn,
          nights: input.nights,
          people: input.people,
          items: suggestSites(db, input),
        };
      },
    );
  };
}
