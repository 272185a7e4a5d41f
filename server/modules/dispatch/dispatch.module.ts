import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import type { DispatchPorts } from './dispatch.ports';
import { codesInUse } from './dispatch.repo';
import { dispatchRoutes } from './dispatch.routes';
import { DispatchService } from './dispatch.service';
import { dispatchKeywords } from './dispatch.sms';

/** Texting the right volunteers for a release, in waves, until enough say YES. */
export function createDispatch(core: Core, ports: DispatchPorts): DomainModule<DispatchService> {
  const service = new DispatchService(core, ports);
  return {
    name: 'dispatch',
    service,
    routes: dispatchRoutes(service),
    keywords: dispatchKeywords(service, core.config.NETWORK_TZ),
    jobs: [service.waves.waveExpiredJob, service.waves.deadlineJob],
    replyCodes: (db) => codesInUse(db),
  };
}
