import type { ReleasesService } from '../releases/releases.service';
import type { SitesService } from '../sites/sites.service';
import type { UsersService } from '../users/users.service';

/** What supplies read and do in other domains. */
export interface SuppliesPorts {
  sites: Pick<SitesService, 'findIn' | 'namesById'>;
  releases: Pick<ReleasesService, 'findIn' | 'markNeedMetIn'>;
  users: Pick<UsersService, 'textAlertSubscribers'>;
}
