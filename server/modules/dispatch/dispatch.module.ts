import type { FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import type { ReleasesService } from '../releases/releases.service';
import type { SmsModule } from '../sms/sms.module';
import { dispatchRoutes } from './dispatch.routes';
import { DispatchService } from './dispatch.service';
import { dispatchKeywords } from './dispatch.sms';

/** Waves and deadlines are jobs: a restart between waves loses nothing and sends nothing twice. */
export function createDispatch(core: Core, sms: SmsModule, releases: ReleasesService): DispatchService {
  const service = new DispatchService(core, sms.service, releases);
  for (const spec of dispatchKeywords(service)) sms.router.register(spec);
  core.scheduler.register('dispatch.wave_expired', (p) =>
    service.waveExpired(Number(p.dispatchId), Number(p.wave)),
  );
  core.scheduler.register('dispatch.deadline', (p) => service.deadlinePassed(Number(p.dispatchId)));
  return service;
}

export async function registerDispatchRoutes(app: FastifyInstance, service: DispatchService): Promise<void> {
  await app.register(dispatchRoutes(service));
}
