/** The release workflow and its words, shared by the server's rules and the dashboard's controls. */
export const releaseStatuses = [
  'expected',
  'reported',
  'team_en_route',
  'met',
  'sheltered',
  'traveling',
  'closed',
  'cancelled',
] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];

export const releaseNeeds = [
  'food',
  'water',
  'clothing',
  'shoes',
  'housing_tonight',
  'medical',
  'medication',
  'travel_tickets',
  'phone_call',
  'funds',
  'hygiene_kit',
  'travel_bag',
  'covid_guidance',
  'legal_orientation',
] as const;
export type ReleaseNeed = (typeof releaseNeeds)[number];

export const releaseSources = ['web', 'sms'] as const;
export type ReleaseSource = (typeof releaseSources)[number];

/** expected → reported → team_en_route → met → sheltered | traveling → closed, or cancelled before anyone is met. */
export const TRANSITIONS: Record<ReleaseStatus, readonly ReleaseStatus[]> = {
  expected: ['reported', 'cancelled'],
  reported: ['team_en_route', 'met', 'cancelled'],
  team_en_route: ['met', 'cancelled'],
  met: ['sheltered', 'traveling', 'closed'],
  sheltered: ['traveling', 'closed'],
  traveling: ['closed'],
  closed: [],
  cancelled: [],
};

export const OPEN_STATUSES: readonly ReleaseStatus[] = [
  'expected',
  'reported',
  'team_en_route',
  'met',
  'sheltered',
  'traveling',
];

export function canMove(from: ReleaseStatus, to: ReleaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isOpenStatus(status: ReleaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export const releaseListFilters = ['open', 'closed', 'all'] as const;
export type ReleaseListFilter = (typeof releaseListFilters)[number];

/** The most adults, or children, one release may count, whether logged on the web or by text. */
export const MAX_COUNT = 500;
export const MAX_LANGUAGES = 20;
export const MAX_DESTINATION = 120;
export const MAX_NOTES = 1000;
export const MAX_STATUS_NOTE = 500;
