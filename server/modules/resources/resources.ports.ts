import type { ReleasesService } from '../releases/releases.service';
import type { SmsService } from '../sms/sms.service';
import type { UsersService } from '../users/users.service';

/** What resource sheets read and do in other domains. */
export interface ResourcesPorts {
  releases: Pick<ReleasesService, 'findIn' | 'markNeedMetIn' | 'forReports'>;
  sms: Pick<SmsService, 'enqueue' | 'normalizePhone'>;
  users: Pick<UsersService, 'findIn' | 'namesById'>;
}
