import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { DAY } from '../lib/clock';
import type { Actor } from '../lib/commands';

export const SESSION_COOKIE = 'bv_session';

/** Routes under these prefixes must say who may call them; an undeclared one stops the start. */
const GUARDED = /^\/(api(?!\/docs(\/|$))|ws|sms)(\/|$)/;
/** A cross-site form or no-cors fetch can only send these, so a cookie-borne write must not use them. */
const SAFE_WRITE_TYPES = ['application/json', 'text/csv'];

/**
 * Whether a cookie-borne GET came from our own pages (or the address bar). Browsers send Sec-Fetch-Site;
 * where it is missing, an Origin or Referer from elsewhere still gives a foreign page away. A client
 * that sends none of them is not a browser following a foreign link.
 */
function fromOwnPages(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const from = request.headers.origin ?? request.headers.referer;
  if (typeof from !== 'string') return true;
  try {
    const origin = new URL(from);
    return origin.origin === new URL(publicUrl).origin || origin.host === request.headers.host;
  } catch {
    return false;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  return request.user
    ? {
        userId: request.user.id,
        label: `user:${request.user.id}`,
        name: request.user.name,
        ip: request.ip,
        idempotency: request.idempotency,
        deferFlush: true,
      }
    : { userId: null, label: 'anonymous', ip: request.ip, deferFlush: true };
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: maxAgeSeconds };
}

/** Sets the session cookie for a new sign-in (login or first-run setup); it lives as long as the session may. */
export function setSessionCookie(reply: FastifyReply, config: Readonly<Config>, token: string): void {
  const maxAge = Math.floor((config.SESSION_MAX_DAYS * DAY) / 1000);
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config.secureCookies, maxAge));
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRoute', (route) => {
    if (GUARDED.test(route.url) && route.config?.access === undefined) {
      throw new Error(`route ${route.method} ${route.url} does not declare its access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined) return;
    const token = request.cookies[SESSION_COOKIE];
    const found = token ? app.auth.resolve(token) : null;
    if (found) {
      request.user = found.user;
      request.sessionId = found.sessionId;
    }
    if (access === 'public') return;
    if (!request.user) throw new UnauthenticatedError();
    if (!access.includes(request.user.role)) throw new ForbiddenError();
    if (request.routeOptions.config?.sameOriginOnly && !fromOwnPages(request, app.core.config.PUBLIC_URL)) {
      throw new ForbiddenError('Open this from the dashboard itself, not from another site', 'csrf_refused');
    }
    if (request.method === 'POST' || request.method === 'PUT') {
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!SAFE_WRITE_TYPES.includes(type)) {
        throw new ForbiddenError(
          'A signed-in write must be sent as application/json (or text/csv for imports)',
          'csrf_refused',
        );
      }
    }
  });
});
