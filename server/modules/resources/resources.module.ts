import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import type { ResourcesPorts } from './resources.ports';
import { resourcesPublicRoutes } from './resources.public';
import { resourcesRoutes } from './resources.routes';
import { ResourcesService } from './resources.service';
import { ResourceSharing } from './resources.sharing';
import { resourcesKeywords } from './resources.sms';

/** Resource sheets: a library per language, public links and QR codes, texted or printed for a release. */
export function createResources(core: Core, ports: ResourcesPorts): DomainModule<ResourcesService> {
  const service = new ResourcesService(core, ports);
  const sharing = new ResourceSharing(core, service);
  const api = resourcesRoutes(service, sharing, ports);
  const open = resourcesPublicRoutes(service);
  return {
    name: 'resources',
    service,
    keywords: resourcesKeywords(service),
    routes: async (app) => {
      await api(app);
      await open(app);
    },
  };
}
