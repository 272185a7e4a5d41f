import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { lastEventId } from '../infra/events.repo';
import { fromRoot } from '../lib/paths';
import { SESSION_COOKIE } from './auth';
import { readerLang, readerPages, withHomeReads } from './web-html';

export const webDist = fromRoot('web/dist');
const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Bienvenida</title>
<p>The dashboard is not built yet: run <code>npm run build:web</code> (npm start does it for you).</p>`;

/** Serves the built dashboard; any other GET for a page falls back to index.html (client-side routes). */
export const webPlugin = fp(async (app: FastifyInstance) => {
  const built = fs.existsSync(`${webDist}/index.html`);
  const pages = built ? readerPages(webDist) : null;
  if (built) {
    await app.register(fastifyStatic, {
      root: webDist,
      // Files are sent from the catch-all route below. Left to serve them itself, the plugin would list
      // web/dist at start and add a route per file (about 40 ms of every start, for 140 files).
      serve: false,
      // A directory is never answered with its index.html: every page is answered below, written for
      // its reader (web-html.ts).
      index: false,
      // The build writes a .br and a .gz beside each file (web/vite.config.ts): a phone on a slow link
      // gets a quarter of the bytes, and the server spends no CPU compressing them.
      preCompressed: true,
      setHeaders: (res, file) => {
        const hashed = file.includes(`${webDist}/assets/`);
        res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (/^\/(api|ws|sms)(\/|$)/.test(path)) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route for GET ${path}`, details: [] } });
    }
    if (/\.[a-z0-9]+$/i.test(path)) {
      // The plugin's sendFile refuses paths out of web/dist and answers a missing file with a 404.
      if (built) return reply.sendFile((request.params as { '*': string })['*']);
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No file ${path}`, details: [] } });
    }
    if (!pages) return reply.type('text/html').send(NOT_BUILT);
    reply.header('cache-control', 'no-cache');
    // Written for its reader: the language (cookie, else the browser's) and, signed in, the overview's reads.
    reply.header('vary', 'cookie, accept-language');
    const page = pages[readerLang(request)];
    const home = path === '/' && request.cookies[SESSION_COOKIE];
    return reply
      .type('text/html; charset=utf-8')
      .send(home ? withHomeReads(page, lastEventId(app.core.db)) : page);
  });
});
