/** Volunteer and screening words shared by the roster, dispatch and the dashboard. */
export const volunteerSkills = [
  'driver',
  'interpreter',
  'medical',
  'housing_host',
  'supply_runner',
  'hotline',
] as const;
export type VolunteerSkill = (typeof volunteerSkills)[number];

export const screeningResults = ['clear', 'isolate'] as const;
export type ScreeningResult = (typeof screeningResults)[number];
export const screeningSources = ['sms', 'web', 'link'] as const;
export type ScreeningSource = (typeof screeningSources)[number];
/** What the roster shows: a clear screen still valid, isolation, or no valid screen. */
export const screeningStates = ['clear', 'isolating', 'missing'] as const;
export type ScreeningStateName = (typeof screeningStates)[number];

export const MAX_NAME = 120;
