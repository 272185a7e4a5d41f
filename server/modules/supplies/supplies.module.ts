import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import type { SuppliesPorts } from './supplies.ports';
import { suppliesRoutes } from './supplies.routes';
import { SuppliesService } from './supplies.service';

/** Supplies: items and kits, an append-only stock ledger per site, low-stock alerts, the forecast. */
export function createSupplies(core: Core, ports: SuppliesPorts): DomainModule<SuppliesService> {
  const service = new SuppliesService(core, ports);
  return { name: 'supplies', service, routes: suppliesRoutes(service) };
}
