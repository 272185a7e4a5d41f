import type { DispatchService } from '../dispatch/dispatch.service';
import type { HousingService } from '../housing/housing.service';
import type { ReleasesService } from '../releases/releases.service';
import type { ShiftsService } from '../shifts/shifts.service';
import type { SuppliesService } from '../supplies/supplies.service';
import type { TravelService } from '../travel/travel.service';
import type { UsersService } from '../users/users.service';

/** What the fund reads and does in other domains. */
export interface FundPorts {
  releases: Pick<ReleasesService, 'findIn' | 'forReports' | 'purgedAmong'>;
  users: Pick<UsersService, 'textCoordinators' | 'namesById'>;
  housing: Pick<HousingService, 'peopleNights'>;
  supplies: Pick<SuppliesService, 'kitsHandedOut'>;
  shifts: Pick<ShiftsService, 'staffedShifts'>;
  dispatch: Pick<DispatchService, 'acceptedBetween'>;
  travel: Pick<TravelService, 'itineraryOf' | 'ticketsBought'>;
}
