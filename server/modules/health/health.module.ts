import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import { healthRoutes } from './health.routes';

export function createHealth(_core: Core): DomainModule<null> {
  return { name: 'health', service: null, routes: healthRoutes };
}
