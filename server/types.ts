import type { Access } from './access';
import type { Core } from './deps';
import type { Hub } from './infra/events.hub';
import type { AuthService, AuthUser } from './modules/auth/auth.service';

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
