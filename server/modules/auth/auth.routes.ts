import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyRole } from '../../access';
import { AppError } from '../../errors';
import { actorOf, SESSION_COOKIE, sessionCookieOptions, setSessionCookie } from '../../plugins/auth';
import { loginBody, userEnvelope } from './auth.schemas';

const LOGIN_WINDOW = 15 * 60_000;

function tooMany() {
  return new AppError(429, 'rate_limited', 'Too many sign-in attempts; wait a few minutes and try again');
}

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = app.core;

  // Two limits: one per address (a guessing machine) and one per account (a distributed guess at one person).
  // Both are checked by hand: two app.rateLimit() handlers on one route share a "ran" flag, so the second
  // would never count.
  const limits = [
    app.createRateLimit({
      max: 30,
      timeWindow: LOGIN_WINDOW,
      keyGenerator: (req) => `login-ip:${req.ip}`,
    }),
    app.createRateLimit({
      max: 10,
      timeWindow: LOGIN_WINDOW,
      keyGenerator: (req) =>
        `login-account:${String((req.body as { email?: unknown })?.email ?? '').toLowerCase()}`,
    }),
  ];
  const limitLogin = async (request: FastifyRequest, reply: FastifyReply) => {
    for (const check of limits) {
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header('retry-after', limit.ttlInSeconds);
        throw tooMany();
      }
    }
  };

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      preHandler: limitLogin,
      schema: { tags: ['auth'], summary: 'Sign in', body: loginBody, response: { 200: userEnvelope } },
    },
    async (request, reply) => {
      const { token, user } = await app.auth.login(request.body.email, request.body.password, request.ip);
      setSessionCookie(reply, config, token);
      return { user };
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { access: anyRole }, schema: { tags: ['auth'], summary: 'Sign out (revokes the session)' } },
    async (request, reply) => {
      app.auth.logout(actorOf(request), request.sessionId!);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(config.secureCookies));
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: anyRole },
      schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: userEnvelope } },
    },
    async (request) => ({ user: request.user! }),
  );
}
