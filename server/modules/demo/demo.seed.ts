import { systemActor } from '../../lib/commands';
import type { SitesService } from '../sites/sites.service';

/** DEMO=1 on an empty database: a small network to try everything with. Each capability adds its part. */
export function seedDemo(services: { sites: SitesService }): boolean {
  if (services.sites.list().length > 0) return false;
  const actor = { ...systemActor, label: 'demo' };
  services.sites.create(actor, {
    name: 'Greyhound station',
    kind: 'bus_station',
    address: '1055 19th St, Denver',
    smsKeyword: 'GREY',
  });
  services.sites.create(actor, { name: 'Airport arrivals', kind: 'airport', smsKeyword: 'AIR' });
  services.sites.create(actor, {
    name: 'Aurora processing center',
    kind: 'detention_center',
    smsKeyword: 'AURORA',
  });
  services.sites.create(actor, { name: 'Church warehouse', kind: 'warehouse', address: '2nd Ave & Elm' });
  return true;
}
