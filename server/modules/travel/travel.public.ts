import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { travellerLanguages } from '../../../shared/travel';
import { qrSvg } from '../../lib/qr';
import { gonePage, travellerPage } from './travel.page';
import type { TravellerLinks } from './travel.share';

const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const tokenParams = z.object({ token: z.string().max(64) });
const langQuery = z.object({ lang: z.string().max(20).optional() });

/**
 * The traveller's itinerary, opened from a texted link or a QR code: no sign-in, no cookie, no script,
 * nothing about who travels. It is theirs alone and changes, so nothing caches it.
 */
export function travelPublicRoutes(links: TravellerLinks) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const limit = app.rateLimit({ max: 120, timeWindow: 5 * 60_000 });

    function headers(reply: FastifyReply): FastifyReply {
      return reply
        .header('referrer-policy', 'no-referrer')
        .header('x-content-type-options', 'nosniff')
        .header('x-robots-tag', 'noindex')
        .header('cache-control', 'no-store')
        .header('content-security-policy', PAGE_CSP)
        .type('text/html; charset=utf-8');
    }

    r.get(
      '/t/:token',
      {
        config: { access: 'public' },
        preHandler: limit,
        schema: { hide: true, params: tokenParams, querystring: langQuery },
      },
      async (request, reply) => {
        const lang = travellerLanguages.find((l) => l === request.query.lang);
        const view = links.view(request.params.token, lang);
        if (!view) return headers(reply).status(404).send(gonePage());
        return headers(reply)
          .header('content-language', view.language)
          .send(travellerPage(view, await qrSvg(view.url)));
      },
    );
  };
}
