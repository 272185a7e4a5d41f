import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyRole } from '../../access';
import { actorOf, SESSION_COOKIE, sessionCookieOptions, setSessionCookie } from '../../plugins/auth';
import { changePasswordBody, loginBody, userEnvelope } from './auth.schemas';
import { TooManyAttempts } from './auth.service';

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config } = app.core;

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Sign in', body: loginBody, response: { 200: userEnvelope } },
    },
    async (request, reply) => {
      try {
        const { token, user } = await app.auth.login(request.body.email, request.body.password, request.ip);
        setSessionCookie(reply, config, token);
        return { user };
      } catch (err) {
        if (err instanceof TooManyAttempts) reply.header('retry-after', err.retryAfter);
        throw err;
      }
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: anyRole },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; every session ends and this one is replaced',
        body: changePasswordBody,
      },
    },
    async (request, reply) => {
      try {
        const { current, next } = request.body;
        const token = await app.auth.changePassword(request.user!, request.ip, current, next);
        setSessionCookie(reply, config, token);
        return reply.status(204).send();
      } catch (err) {
        if (err instanceof TooManyAttempts) reply.header('retry-after', err.retryAfter);
        throw err;
      }
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
