import type { FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import { hostRequestRoutes } from './housing.hosts.routes';
import type { HousingPorts } from './housing.ports';
import { siteOfHost } from './housing.repo';
import { stayPurgeJob } from './housing.retention';
import { housingRoutes } from './housing.routes';
import { HousingService } from './housing.service';
import { suggestionRoutes } from './housing.suggestions.routes';

/** Emergency housing: places with beds, stays night by night, suggestions for a release. */
export function createHousing(core: Core, ports: HousingPorts): DomainModule<HousingService> {
  const service = new HousingService(core, ports);
  return {
    name: 'housing',
    service,
    routes: async (app: FastifyInstance) => {
      await app.register(housingRoutes(service));
      await app.register(suggestionRoutes(service));
      await app.register(hostRequestRoutes(service));
    },
    jobs: [stayPurgeJob(ports), service.hosts.expiryJob],
    replyCodes: (db) => service.hosts.openCodes(db),
    replies: service.hosts.replies,
    senderLookup: (db, phone) => {
      const site = siteOfHost(db, phone);
      return site
        ? {
            phone,
            kind: 'host',
            id: site.id,
            language: site.contactLanguage,
            name: site.contactName ?? undefined,
          }
        : null;
    },
  };
}
