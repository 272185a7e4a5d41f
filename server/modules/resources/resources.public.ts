import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cleanLanguage, isLanguageName } from '../../../shared/languages';
import { firstAcceptedLanguage } from '../../lib/params';
import { qrSvg } from '../../lib/qr';
import { NOT_FOUND_PAGE, sheetPage } from './resources.render';
import type { ResourcesService } from './resources.service';

const PAGE_CSP =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** A served file runs nothing: an image is sandboxed outright; a PDF gets no script, frame or fetch. */
export const FILE_CSP = {
  image: "default-src 'none'; sandbox",
  pdf: "default-src 'none'; frame-ancestors 'none'",
};
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const slugParams = z.object({ slug: z.string().max(200) });
const langQuery = z.object({ lang: z.string().max(200).optional() });

/**
 * The public side of a sheet: the page, its file and its QR code, opened by anyone with the link. No
 * sign-in, no cookie, nothing of the network's people, and the reader's address goes nowhere else.
 */
export function resourcesPublicRoutes(service: ResourcesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const limit = app.rateLimit({ max: 120, timeWindow: 5 * 60_000 });
    const common = { config: { access: 'public' as const }, preHandler: limit };

    function plain(reply: FastifyReply): FastifyReply {
      return reply.header('referrer-policy', 'no-referrer').header('x-content-type-options', 'nosniff');
    }

    /** Any slug that opens nothing, for whatever reason, gets this very answer. */
    function notFound(reply: FastifyReply) {
      return plain(reply)
        .status(404)
        .header('cache-control', 'no-store')
        .header('content-security-policy', PAGE_CSP)
        .type('text/html; charset=utf-8')
        .send(NOT_FOUND_PAGE);
    }

    /** The asked language, else the browser's first, else Spanish (the language most readers here share). */
    function wantedLanguage(request: FastifyRequest, lang: string | undefined): string {
      if (lang && isLanguageName(lang)) return cleanLanguage(lang);
      const first = firstAcceptedLanguage(request.headers['accept-language']);
      return first && isLanguageName(first) ? cleanLanguage(first) : 'es';
    }

    function lookUp(request: FastifyRequest, slug: string, lang: string | undefined) {
      const row = service.bySlug(slug);
      if (!row) return null;
      const wanted = wantedLanguage(request, lang);
      const { version, languages } = service.pick(row.id, wanted);
      return version ? { row, wanted, version, languages } : null;
    }

    r.get(
      '/r/:slug',
      { ...common, schema: { hide: true, params: slugParams, querystring: langQuery } },
      async (request, reply) => {
        const found = lookUp(request, request.params.slug, request.query.lang);
        if (!found) return notFound(reply);
        const { row, wanted, version, languages } = found;
        const html = sheetPage({
          slug: row.slug,
          title: row.title,
          wanted,
          served: version.language,
          languages,
          kind: version.kind,
          body: version.body,
          mime: version.mime,
        });
        return plain(reply)
          .header('cache-control', 'public, max-age=300')
          .header('content-security-policy', PAGE_CSP)
          .header('content-language', version.language)
          .type('text/html; charset=utf-8')
          .send(html);
      },
    );

    r.get(
      '/r/:slug/file',
      { ...common, schema: { hide: true, params: slugParams, querystring: langQuery } },
      async (request, reply) => {
        const found = lookUp(request, request.params.slug, request.query.lang);
        const file = found ? service.fileOf(found.row.id, found.version.language) : null;
        if (!file) return notFound(reply);
        const pdf = file.mime === 'application/pdf';
        plain(reply)
          .header('cache-control', 'public, max-age=300')
          .header('content-security-policy', pdf ? FILE_CSP.pdf : FILE_CSP.image)
          .header('content-type', file.mime);
        if (pdf) reply.header('content-disposition', 'inline');
        return reply.send(file.data);
      },
    );

    r.get(
      '/r/:slug/qr.svg',
      { ...common, schema: { hide: true, params: slugParams, querystring: langQuery } },
      async (request, reply) => {
        const found = lookUp(request, request.params.slug, request.query.lang);
        if (!found) return notFound(reply);
        const svg = await qrSvg(service.publicUrl(found.row.slug, found.version.language));
        return plain(reply)
          .header('cache-control', 'public, max-age=300')
          .header('content-security-policy', SVG_CSP)
          .type('image/svg+xml')
          .send(svg);
      },
    );
  };
}
