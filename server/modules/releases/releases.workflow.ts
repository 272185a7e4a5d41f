import type { ReleaseStatus } from '../../../db/schema';

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

/** A release code people can say on the phone: R-0427. */
export function releaseCode(id: number): string {
  return `R-${String(id).padStart(4, '0')}`;
}
