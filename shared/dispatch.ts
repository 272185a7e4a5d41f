export const dispatchStatuses = ['open', 'filled', 'escalated', 'cancelled'] as const;
export type DispatchStatus = (typeof dispatchStatuses)[number];
export const offerStates = ['offered', 'accepted', 'declined', 'expired', 'superseded'] as const;
export type OfferState = (typeof offerStates)[number];

/** Why a volunteer was not asked, as the candidates view explains it. */
export const exclusions = [
  'inactive',
  'opted_out',
  'screening_missing',
  'isolating',
  'high_risk',
  'busy',
  'already_asked',
] as const;
export type Exclusion = (typeof exclusions)[number];
/** On shift at the release's site, on shift elsewhere, or off shift: asked in that order. */
export const bands = ['on_shift_here', 'on_shift_elsewhere', 'off_shift'] as const;
export type Band = (typeof bands)[number];

/** The most volunteers one dispatch (or one "need more") may ask for. */
export const MAX_DISPATCH_NEEDED = 50;
export const MAX_DISPATCH_LANGUAGES = 10;
