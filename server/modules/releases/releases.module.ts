import type { FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import type { SmsModule } from '../sms/sms.module';
import { registerReleasePurge } from './releases.retention';
import { releasesRoutes } from './releases.routes';
import { ReleasesService } from './releases.service';
import { releaseKeywords } from './releases.sms';
import { reportsRoutes } from './reports.routes';

export function createReleases(core: Core, sms: SmsModule): ReleasesService {
  const service = new ReleasesService(core);
  for (const spec of releaseKeywords(service)) sms.router.register(spec);
  registerReleasePurge(core);
  return service;
}

export async function registerReleasesRoutes(app: FastifyInstance, service: ReleasesService): Promise<void> {
  await app.register(releasesRoutes(service));
  await app.register(reportsRoutes());
}
