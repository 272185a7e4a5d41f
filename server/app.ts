import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Core, Deps } from './deps';
import { maintenanceJobs } from './infra/maintenance';
import { Commands } from './lib/commands';
import { logRedactPaths, redactUrl } from './lib/redact';
import { Scheduler } from './lib/scheduler';
import { createModules, type Services } from './modules';
import { authPlugin } from './plugins/auth';
import { compressPlugin } from './plugins/compress';
import { durablePlugin } from './plugins/durable';
import { clientErrorHandler, errorsPlugin, frameworkErrors } from './plugins/errors';
import { idempotencyPlugin } from './plugins/idempotency';
import { inputsPlugin } from './plugins/inputs';
import { realtimePlugin } from './plugins/realtime';
import { webPlugin } from './plugins/web';
import './types';

export type { Services };

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Fastify's compiler factories answering zod's compilers (typed by Fastify for Ajv's). */
const zodCompilers = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as NonNullable<FastifyServerOptions['schemaController']>['compilersFactory'];

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
    // A hop count trusts exactly that many proxies next to the app: the client cannot pick its own address.
    trustProxy:
      typeof config.TRUST_PROXY === 'number'
        ? (_addr: string, hop: number) => hop < (config.TRUST_PROXY as number)
        : config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // A client dribbling a body (or holding an idle socket) must not hold a connection for good.
    requestTimeout: config.REQUEST_TIMEOUT_SECONDS * 1000,
    connectionTimeout: 2 * 60_000,
    frameworkErrors,
    clientErrorHandler,
    // Every schema is a zod schema, validated and written by zod's compilers. Given here rather than set
    // after construction, Fastify never loads its own (Ajv and fast-json-stringify, about 40 ms of start).
    schemaController: { compilersFactory: zodCompilers },
    // Node honours requestTimeout only when given at construction, and looks for requests past it
    // only every connectionsCheckingInterval (30 s by default).
    http: { connectionsCheckingInterval: 1000, requestTimeout: config.REQUEST_TIMEOUT_SECONDS * 1000 },
  });

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
    if (m.replies) services.sms.router.addReplyTarget(m.replies);
  }

  await app.register(errorsPlugin);
  // Over plain http (a LAN address) upgrade-insecure-requests would send every asset to https, which
  // nothing answers: a blank page. HSTS means nothing over http either. Both follow PUBLIC_URL.
  const https = config.secureCookies;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31536000, includeSubDomains: true } : false,
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
  await app.register(inputsPlugin);
  await app.register(idempotencyPlugin);
  // After idempotency's onSend, which keeps the answer in the same flush as the command it reports.
  await app.register(durablePlugin);
  // After idempotency's onSend, which keeps the answer as plain text to replay.
  await app.register(compressPlugin);
  await app.register(realtimePlugin);

  // Named, and still encapsulated: Fastify otherwise names a plugin by searching every loaded module for it.
  for (const m of modules)
    if (m.routes) await app.register(fp(m.routes, { name: `${m.name}-routes`, encapsulate: true }));
  await app.register(webPlugin);

  app.addHook('onClose', async () => {
    await scheduler.stop();
    for (const m of modules) await m.close?.();
    commands.flush();
  });
  return app;
}
