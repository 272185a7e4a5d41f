import type { ScreeningService } from '../screening/screening.service';
import type { SitesService } from '../sites/sites.service';
import type { SmsService } from '../sms/sms.service';
import type { VolunteersService } from '../volunteers/volunteers.service';

/** What shifts read of other domains. */
export interface ShiftsPorts {
  sites: Pick<SitesService, 'findIn' | 'namesById'>;
  volunteers: Pick<VolunteersService, 'findIn' | 'namesOf'>;
  screening: Pick<ScreeningService, 'stateOf' | 'statesOf' | 'createLinkIn'>;
  sms: Pick<SmsService, 'enqueue'>;
}
