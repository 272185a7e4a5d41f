import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Core, Deps } from './deps';
import { registerMaintenance } from './infra/maintenance';
import { Commands } from './lib/commands';
import { logRedactPaths, redactUrl } from './lib/redact';
import { Scheduler } from './lib/scheduler';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { AuthService } from './modules/auth/auth.service';
import { createDispatch, registerDispatchRoutes } from './modules/dispatch/dispatch.module';
import type { DispatchService } from './modules/dispatch/dispatch.service';
import { healthRoutes } from './modules/health/health.routes';
import { createReleases, registerReleasesRoutes } from './modules/releases/releases.module';
import type { ReleasesService } from './modules/releases/releases.service';
import { setupRoutes } from './modules/setup/setup.routes';
import { SetupService } from './modules/setup/setup.service';
import { createShifts, registerShiftsRoutes, type ShiftsModule } from './modules/shifts/shifts.module';
import { sitesRoutes } from './modules/sites/sites.routes';
import { SitesService } from './modules/sites/sites.service';
import { createSms, registerSmsRoutes, type SmsModule } from './modules/sms/sms.module';
import { findUserByPhone } from './modules/users/users.repo';
import { usersRoutes } from './modules/users/users.routes';
import { UsersService } from './modules/users/users.service';
import {
  createVolunteers,
  registerVolunteersRoutes,
  type VolunteersModule,
} from './modules/volunteers/volunteers.module';
import { authPlugin } from './plugins/auth';
import { errorsPlugin } from './plugins/errors';
import { idempotencyPlugin } from './plugins/idempotency';
import { realtimePlugin } from './plugins/realtime';
import { webPlugin } from './plugins/web';
import './types';

export interface Services {
  users: UsersService;
  sites: SitesService;
  setup: SetupService;
  sms: SmsModule;
  volunteers: VolunteersModule;
  shifts: ShiftsModule;
  releases: ReleasesService;
  dispatch: DispatchService;
}

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

  const scheduler = new Scheduler(deps.db, deps.clock, app.log);
  const core: Core = { ...deps, commands: new Commands(deps.db, deps.clock), scheduler };
  const auth = new AuthService(core);
  const users = new UsersService(core);
  const sites = new SitesService(core);
  const setup = new SetupService(core, users, auth);
  app.decorate('core', core);
  app.decorate('auth', auth);
  users.onSessionsEnded = (ids) => auth.notifySessionsEnded(ids);
  const sms = createSms(core, app.log);
  const volunteers = createVolunteers(core, sms);
  // A coordinator who also volunteers is answered as the volunteer (WELL, SHIFT), so volunteers come first.
  sms.router.addSenderLookup((db, phone) => {
    const user = findUserByPhone(db, phone);
    return user && !user.disabledAt ? { phone, kind: 'user', id: user.id, language: user.smsLanguage } : null;
  });
  const shifts = createShifts(core, sms, volunteers);
  const releases = createReleases(core, sms);
  const dispatch = createDispatch(core, sms, releases);
  app.decorate('services', { users, sites, setup, sms, volunteers, shifts, releases, dispatch });
  registerMaintenance(core, auth);

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

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(setupRoutes(setup));
  await app.register(usersRoutes(users));
  await app.register(sitesRoutes(sites));
  await app.register(auditRoutes);
  await registerSmsRoutes(app, sms);
  await registerVolunteersRoutes(app, volunteers);
  await registerShiftsRoutes(app, shifts, volunteers);
  await registerReleasesRoutes(app, releases);
  await registerDispatchRoutes(app, dispatch);
  await app.register(webPlugin);

  app.addHook('onClose', async () => {
    await scheduler.stop();
    await sms.outbox.stop();
  });
  return app;
}
