import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import { screeningPurgeJob } from './screening.retention';
import { screeningRoutes } from './screening.routes';
import { type ScreeningPorts, ScreeningService } from './screening.service';
import { screeningKeywords } from './screening.sms';

/** The daily health screen: by coordinators, by the reminder's link, or WELL/SICK by text; purged on schedule. */
export function createScreening(core: Core, ports: ScreeningPorts): DomainModule<ScreeningService> {
  const service = new ScreeningService(core, ports);
  return {
    name: 'screening',
    service,
    routes: screeningRoutes(service),
    keywords: screeningKeywords(service, core.config.NETWORK_TZ),
    jobs: [screeningPurgeJob(core)],
  };
}
