import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { health } from './health.schemas';

export async function healthRoutes(app: FastifyInstance) {
  const { db, sms } = app.core;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/healthz',
    {
      config: { access: 'public' },
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
