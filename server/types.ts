import type { Access } from './access';
import type { Core } from './deps';
import type { Hub } from './infra/events.hub';
import type { AuthService, AuthUser } from './modules/auth/auth.service';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** A GET that leaves a trace (an audited export): refused when another site triggers it. */
    sameOriginOnly?: boolean;
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
