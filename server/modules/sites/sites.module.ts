import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import { sitesRoutes } from './sites.routes';
import { SitesService } from './sites.service';

/** Where releases happen and supplies are kept: the smallest module, and the model for a new one. */
export function createSites(core: Core): DomainModule<SitesService> {
  const service = new SitesService(core);
  return { name: 'sites', service, routes: sitesRoutes(service) };
}
