import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Gzips large JSON answers for clients that accept it: a phone on a slow link loads the board's lists in
 * a fraction of the time. Only JSON of 4 kB or more (smaller answers cost more to compress than they
 * save), at a fast level; the dashboard's files are compressed once at build and served as they are
 * (web.ts). Registered after idempotency, which keeps the answer as plain text to replay.
 */
export const compressPlugin = fp(async (app: FastifyInstance) => {
  await app.register(compress, {
    global: true,
    threshold: 4096,
    encodings: ['gzip'],
    customTypes: /^application\/json/,
    zlibOptions: { level: 5 },
  });
});
