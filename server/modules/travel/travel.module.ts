import type { FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import { itineraryPurgeJob } from './travel.jobs';
import type { TravelPorts } from './travel.ports';
import { travelPublicRoutes } from './travel.public';
import { travelRoutes } from './travel.routes';
import { TravelService } from './travel.service';
import { TravellerLinks } from './travel.share';

/** Onward travel: itineraries across time zones, the departure board, the traveller's link, travel bags. */
export function createTravel(core: Core, ports: TravelPorts): DomainModule<TravelService> {
  const service = new TravelService(core, ports);
  const links = new TravellerLinks(core, ports);
  return {
    name: 'travel',
    service,
    routes: async (app: FastifyInstance) => {
      await app.register(travelRoutes(service, links));
      await app.register(travelPublicRoutes(links));
    },
    jobs: [service.departJob, itineraryPurgeJob(ports)],
  };
}
