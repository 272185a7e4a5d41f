import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Core, Deps } from './deps';
import { maintenanceJobs } from './infra/maintenance';
import { Commands } from './lib/commands';
import { logRedactPaths, redactUrl } from './lib/redact';
import { Scheduler } from './lib/scheduler';
import { createModules, type Services } from './modules';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { idempotencyPlugin } from './plugins/idempotency';
import { realtimePlugin } from './plugins/realtime';
import { webPlugin } from './plugins/web';
import './types';

export type { Services };

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Builds the whole application around the given ports. Never listens: main.ts does. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            ...(deps.logStream ? { stream: deps.logStream } : {}),
            redact: { paths: logRedactPaths, censor: '[redacted]' },
            serializers: {
              req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }),
            },
          },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // A bodiless POST sent as application/json (logout, cancel…) is an empty body, not a parse error.
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(request, body as string, done);
  });

  const commands = new Commands(deps.db, deps.clock);
  const scheduler = new Scheduler(deps.db, deps.clock, app.log, commands);
  const core: Core = { ...deps, commands, scheduler };
  const { modules, services } = createModules(core, app.log);
  app.decorate('core', core);
  app.decorate('auth', services.auth);
  app.decorate('services', services);
  for (const job of maintenanceJobs(core)) scheduler.register(job);
  for (const m of modules) {
    for (const job of m.jobs ?? []) scheduler.register(job);
    for (const spec of m.keywords ?? []) services.sms.router.register(spec);
    if (m.senderLookup) services.sms.router.addSenderLookup(m.senderLookup);
    if (m.replyCodes) services.sms.addReplyCodes(m.replyCodes);
  }

  await app.register(errorsPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'connect-src': ["'self'", 'ws:', 'wss:'], 'img-src': ["'self'", 'data:'] },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Bienvenida API',
        version: '0.1.0',
        description: 'Sign in with POST /api/auth/login; the session cookie authenticates every other call.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(authPlugin);
  await app.register(idempotencyPlugin);
  await app.register(realtimePlugin);

  for (const m of modules) if (m.routes) await app.register(m.routes);
  await app.register(webPlugin);

  app.addHook('onClose', async () => {
    await scheduler.stop();
    for (const m of modules) await m.close?.();
  });
  return app;
}
