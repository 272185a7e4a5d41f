import type { ReleasesService } from '../releases/releases.service';
import type { SmsService } from '../sms/sms.service';
import type { UsersService } from '../users/users.service';

/** What housing reads and does in other domains. */
export interface HousingPorts {
  releases: Pick<ReleasesService, 'findIn' | 'moveIn' | 'markNeedMetIn' | 'purgedAmong'>;
  sms: Pick<SmsService, 'enqueue' | 'normalizePhone' | 'freshReplyCodes'>;
  users: Pick<UsersService, 'textCoordinators'>;
}
