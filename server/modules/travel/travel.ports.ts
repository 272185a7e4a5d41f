import type { ReleasesService } from '../releases/releases.service';
import type { SmsService } from '../sms/sms.service';
import type { SuppliesService } from '../supplies/supplies.service';

/** What travel reads and does in other domains. */
export interface TravelPorts {
  releases: Pick<ReleasesService, 'findIn' | 'moveIn' | 'markNeedMetIn' | 'purgedAmong'>;
  sms: Pick<SmsService, 'enqueue' | 'normalizePhone'>;
  supplies: Pick<SuppliesService, 'handOutIn'>;
}
