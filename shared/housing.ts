/** Emergency housing words shared by the server's rules and the dashboard. */
export const housingKinds = ['place_of_worship', 'volunteer_home', 'shelter', 'hotel', 'other'] as const;
export type HousingKind = (typeof housingKinds)[number];

export const stayStatuses = ['active', 'checked_out', 'cancelled'] as const;
export type StayStatus = (typeof stayStatuses)[number];

/** A request to a volunteer host: asked by text, then accepted (the stay is placed), declined or expired. */
export const hostRequestStates = ['asked', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type HostRequestState = (typeof hostRequestStates)[number];

/** Why a housing site fits a release less well, as the suggestions explain it. */
export const housingMisfits = [
  'inactive',
  'no_capacity',
  'not_that_weekday',
  'blackout',
  'not_family_friendly',
  'not_accessible',
  'no_shared_language',
] as const;
export type HousingMisfit = (typeof housingMisfits)[number];

export const MAX_BEDS = 2000;
export const MAX_NIGHTS = 30;
/** Occupancy grids and reports look this far ahead at most. */
export const MAX_OCCUPANCY_DAYS = 62;
