import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { fromRoot } from '../lib/paths';

export const webDist = fromRoot('web/dist');
const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Bienvenida</title>
<p>The dashboard is not built yet: run <code>npm run build:web</code> (npm start does it for you).</p>`;

/** Serves the built dashboard; any other GET for a page falls back to index.html (client-side routes). */
export const webPlugin = fp(async (app: FastifyInstance) => {
  const built = fs.existsSync(`${webDist}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
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
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No file ${path}`, details: [] } });
    }
    if (!built) return reply.type('text/html').send(NOT_BUILT);
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
});
