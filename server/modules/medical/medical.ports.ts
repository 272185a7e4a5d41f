import type { ReleasesService } from '../releases/releases.service';
import type { SmsService } from '../sms/sms.service';
import type { UsersService } from '../users/users.service';

/** What medical reads and does in other domains. */
export interface MedicalPorts {
  releases: Pick<ReleasesService, 'findIn'>;
  sms: Pick<SmsService, 'enqueue' | 'normalizePhone' | 'freshReplyCodes'>;
  users: Pick<UsersService, 'findIn' | 'textCoordinators'>;
}
