import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { lastEventId } from '../infra/events.repo';
import { fromRoot } from '../lib/paths';
import { SESSION_COOKIE } from './auth';

export const webDist = fromRoot('web/dist');
const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Bienvenida</title>
<p>The dashboard is not built yet: run <code>npm run build:web</code> (npm start does it for you).</p>`;

/**
 * What the overview asks for first (web/src/api: the session, the board, its dispatches), fetched by
 * the browser while the dashboard's code is still on its way: on a slow phone link that saves a round
 * trip. The URLs must match the dashboard's requests exactly, or the browser fetches them twice.
 */
const HOME_PRELOADS = ['/api/auth/me', '/api/releases?status=open', '/api/dispatches?release=open'];

/**
 * Also the newest event as the page is written: every read the page makes comes later, so its live feed
 * can replay from there (web/src/live.ts) instead of fetching everything again once it connects.
 */
function withPreloads(html: string, liveSince: number): string {
  const links = HOME_PRELOADS.map((href) => `<link rel="preload" as="fetch" crossorigin href="${href}">`);
  const since = `<meta name="bv-live-since" content="${liveSince}">`;
  return html.replace('</title>', `</title>\n    ${[since, ...links].join('\n    ')}`);
}

/** Serves the built dashboard; any other GET for a page falls back to index.html (client-side routes). */
export const webPlugin = fp(async (app: FastifyInstance) => {
  const built = fs.existsSync(`${webDist}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: webDist,
      // Files are sent from the catch-all route below. Left to serve them itself, the plugin would list
      // web/dist at start and add a route per file (about 40 ms of every start, for 140 files).
      serve: false,
      // A directory is never answered with its index.html; `/` is answered below, with the overview's
      // preloads for a signed-in browser.
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
    if (!built) return reply.type('text/html').send(NOT_BUILT);
    reply.header('cache-control', 'no-cache');
    if (path === '/' && request.cookies[SESSION_COOKIE]) {
      const html = await fs.promises.readFile(`${webDist}/index.html`, 'utf8');
      return reply.type('text/html; charset=utf-8').send(withPreloads(html, lastEventId(app.core.db)));
    }
    return reply.sendFile('index.html');
  });
});
