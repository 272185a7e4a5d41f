import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { anyRole } from '../access';
import { ForbiddenError } from '../errors';
import { Hub } from '../infra/events.hub';

const MAX_CLIENT_MESSAGE = 1024;

/** Origins a dashboard may connect from: the public URL, or the host it was served from. */
function originAllowed(origin: string | undefined, publicUrl: string, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const o = new URL(origin);
    if (o.origin === new URL(publicUrl).origin) return true;
    return host !== undefined && o.host === host;
  } catch {
    return false;
  }
}

export const realtimePlugin = fp(async (app: FastifyInstance) => {
  const hub = new Hub(app.core.db, app.core.config.NETWORK_TZ);
  app.decorate('hub', hub);
  const stopListening = app.core.commands.onCommit(() => hub.flush());
  app.auth.onSessionEnded((sessionId) => hub.closeSession(sessionId, 'signed out'));
  hub.startHeartbeat((id) => app.auth.isSessionLive(id));
  app.addHook('onClose', async () => {
    stopListening();
    hub.closeAll();
  });

  await app.register(websocket, { options: { maxPayload: MAX_CLIENT_MESSAGE } });
  // @fastify/websocket frees a refused upgrade's socket only when its own onRequest hook ran, and the
  // auth hook runs first: a 401 would leave the socket open for good (and app.close() waiting on it).
  app.addHook('onResponse', async (request, reply) => {
    if (!request.ws && request.headers.upgrade !== undefined) reply.raw.socket?.destroy();
  });

  app.get(
    '/ws',
    {
      websocket: true,
      config: { access: anyRole },
      schema: { hide: true, querystring: z.object({ since: z.coerce.number().int().min(0).optional() }) },
      preValidation: async (request) => {
        if (!originAllowed(request.headers.origin, app.core.config.PUBLIC_URL, request.headers.host)) {
          throw new ForbiddenError('This origin may not open the live feed', 'origin_refused');
        }
      },
    },
    (socket, request) => {
      const { since } = request.query as { since?: number };
      // The client has nothing to say beyond keep-alives; anything else is ignored.
      socket.on('message', () => {});
      hub.add(socket, request.sessionId!, request.user!.role, since ?? null);
    },
  );
});
