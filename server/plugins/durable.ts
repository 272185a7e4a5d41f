import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * No answer leaves before what it reports is on disk. A request's commands return before their flush
 * (they share it with the other requests of the same moment, see Commands); every answer, reads too,
 * waits here for the flush of whatever was written before it was sent. If the flush fails, the answer
 * becomes the error instead.
 */
export const durablePlugin = fp(async (app: FastifyInstance) => {
  const { commands } = app.core;
  app.addHook('onSend', (_request, _reply, payload, done) => {
    const flushed = commands.flushed();
    if (!flushed) return done(null, payload);
    flushed.then(
      () => done(null, payload),
      (err: Error) => done(err),
    );
  });
});
