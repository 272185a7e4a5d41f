import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyRole } from '../../access';
import { networkSettings } from './releases.schemas';

export function settingsRoutes() {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const { config } = app.core;
    r.get(
      '/api/settings',
      {
        config: { access: anyRole },
        schema: {
          tags: ['releases'],
          summary: "The network's defaults the dashboard follows",
          response: { 200: networkSettings },
        },
      },
      async () => ({ dispatchOnLog: config.DISPATCH_ON_LOG }),
    );
  };
}
