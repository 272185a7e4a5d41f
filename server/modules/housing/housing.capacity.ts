import { type Occupying, peoplePerNight, weekdayOf } from './housing.nights';

export interface SiteAvailability {
  beds: number;
  weekdays: number[];
  blackoutDates: string[];
}

export interface CapacityProblems {
  /** Nights the site does not host at all (a weekday it is closed, a blackout date). */
  unavailable: { night: string; why: 'not_that_weekday' | 'blackout' }[];
  /** Nights without enough free beds, with how many are free. */
  full: { night: string; free: number }[];
}

export function availabilityProblem(
  site: SiteAvailability,
  night: string,
): 'not_that_weekday' | 'blackout' | null {
  if (site.blackoutDates.includes(night)) return 'blackout';
  if (site.weekdays.length > 0 && !site.weekdays.includes(weekdayOf(night))) return 'not_that_weekday';
  return null;
}

/** Free beds each night at a site, given the stays that hold beds there. */
export function freeBeds(site: SiteAvailability, stays: readonly Occupying[], nights: string[]): number[] {
  const taken = peoplePerNight(stays);
  return nights.map((n) => site.beds - (taken.get(n) ?? 0));
}

/** What stands in the way of `people` more at a site on these nights. */
export function capacityProblems(
  site: SiteAvailability,
  stays: readonly Occupying[],
  nights: string[],
  people: number,
): CapacityProblems {
  const free = freeBeds(site, stays, nights);
  const problems: CapacityProblems = { unavailable: [], full: [] };
  nights.forEach((night, i) => {
    const why = availabilityProblem(site, night);
    if (why) problems.unavailable.push({ night, why });
    else if (free[i]! < people) problems.full.push({ night, free: Math.max(0, free[i]!) });
  });
  return problems;
}
