import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { health } from './health.schemas';

export async function healthRoutes(app: FastifyInstance) {
  const { db, sms } = app.core;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/healthz',
    {
      config: { access: 'public' },
      // A few bytes, polled often: never worth compressing. Compression's hook also loads Node's fetch
      // classes on the first answer it sees (about 30 ms), which a start's first health check would wait on.
      compress: false,
      schema: {
        tags: ['health'],
        summary: 'Liveness and dependencies',
        response: { 200: health, 503: health },
      },
    },
    async (_request, reply) => {
      let dbOk = false;
      try {
        dbOk = db.$client.prepare('select 1 as one').get() !== undefined;
      } catch {
        dbOk = false;
      }
      const smsOk = sms.healthy();
      const body = {
        ok: dbOk,
        db: dbOk ? 'ok' : 'error',
        sms: smsOk ? 'ok' : 'degraded',
        smsDriver: sms.driver,
      } as const;
      return reply.status(dbOk ? 200 : 503).send(body);
    },
  );
}
