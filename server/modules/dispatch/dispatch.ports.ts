import type { HousingService } from '../housing/housing.service';
import type { ReleasesService } from '../releases/releases.service';
import type { ScreeningService } from '../screening/screening.service';
import type { ShiftsService } from '../shifts/shifts.service';
import type { SitesService } from '../sites/sites.service';
import type { SmsService } from '../sms/sms.service';
import type { UsersService } from '../users/users.service';
import type { VolunteersService } from '../volunteers/volunteers.service';

/** All dispatch reads of other domains, each through the narrow part of their service it needs. */
export interface DispatchPorts {
  sms: Pick<SmsService, 'enqueue' | 'optedOutPhones' | 'freshReplyCodes'>;
  releases: Pick<ReleasesService, 'findIn' | 'rowIn' | 'moveIn' | 'openAmong' | 'acknowledgeIn'>;
  sites: Pick<SitesService, 'findIn'>;
  users: Pick<UsersService, 'findIn' | 'textCoordinators'>;
  volunteers: Pick<
    VolunteersService,
    'findIn' | 'contactsOf' | 'namesOf' | 'rosterForRanking' | 'rosterVersion'
  >;
  screening: Pick<ScreeningService, 'factsByVolunteer' | 'stateOf'>;
  shifts: Pick<ShiftsService, 'onShiftNow' | 'nextShiftOf'>;
  housing: Pick<HousingService, 'placementTonight'>;
}
