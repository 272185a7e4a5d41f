import type { FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import type { SitesService } from '../sites/sites.service';
import { releasePurgeJob } from './releases.retention';
import { releasesRoutes } from './releases.routes';
import { type ReleasesPorts, ReleasesService } from './releases.service';
import { releaseKeywords } from './releases.sms';
import { reportsRoutes } from './reports.routes';
import { settingsRoutes } from './settings.routes';

/** Releases: group-level records with a workflow and timeline, reports, RELEASE by text, the purge. */
export function createReleases(
  core: Core,
  ports: ReleasesPorts & { sites: Pick<SitesService, 'findByKeywordIn' | 'keywordsIn'> },
): DomainModule<ReleasesService> {
  const service = new ReleasesService(core, ports);
  return {
    name: 'releases',
    service,
    routes: async (app: FastifyInstance) => {
      await app.register(releasesRoutes(service));
      await app.register(reportsRoutes(service));
      await app.register(settingsRoutes());
    },
    keywords: releaseKeywords(service, ports.sites),
    jobs: [releasePurgeJob(core)],
  };
}
