import type { Access } from './access';
import type { Core } from './deps';
import type { AuthService, AuthUser } from './modules/auth/auth.service';
import type { Hub } from './modules/events/events.hub';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: AuthUser | null;
    sessionId: number | null;
  }
  interface FastifyInstance {
    core: Core;
    auth: AuthService;
    hub: Hub;
  }
}
