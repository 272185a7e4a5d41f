import type { DbOrTx } from '../../../db/client';
import type { HousingMisfit } from '../../../shared/housing';
import { availabilityProblem, freeBeds } from './housing.capacity';
import { addDays, nightsFrom } from './housing.nights';
import { listHousingSites, staysAround } from './housing.repo';
import type { Suggestion } from './housing.schemas';

export interface SuggestionInput {
  checkIn: string;
  nights: number;
  people: number;
  children: number;
  languages: string[];
  accessible: boolean;
}

/** Misfits that rule a site out; the others only rank it lower. */
const HARD: readonly HousingMisfit[] = ['inactive', 'no_capacity', 'not_that_weekday', 'blackout'];

/**
 * Sites ranked for a group, as explainable as the dispatch ranking: those that can take everyone every
 * night first; among them, those with fewer soft misfits (family-friendly when there are children,
 * accessible when needed, a language the guests speak), then the most beds free, then by name.
 */
export function suggestSites(db: DbOrTx, input: SuggestionInput): Suggestion[] {
  const nights = nightsFrom(input.checkIn, input.nights);
  const around = staysAround(db, input.checkIn, addDays(input.checkIn, input.nights));
  const wanted = input.languages.map((l) => l.toLowerCase());
  const scored = listHousingSites(db).map((site) => {
    const free = Math.min(
      ...freeBeds(
        site,
        around.filter((s) => s.housingSiteId === site.id),
        nights,
      ),
    );
    const misfits: HousingMisfit[] = [];
    if (!site.active) misfits.push('inactive');
    const closed = nights.map((n) => availabilityProblem(site, n)).filter((p) => p !== null);
    if (closed.includes('blackout')) misfits.push('blackout');
    if (closed.includes('not_that_weekday')) misfits.push('not_that_weekday');
    if (free < input.people) misfits.push('no_capacity');
    if (input.children > 0 && !site.familyFriendly) misfits.push('not_family_friendly');
    if (input.accessible && !site.accessible) misfits.push('not_accessible');
    const speaks = site.languages.filter((l) => wanted.includes(l.toLowerCase()));
    if (wanted.length > 0 && speaks.length === 0) misfits.push('no_shared_language');
    const reasons = [`${Math.max(0, free)} of ${site.beds} beds free`];
    if (site.familyFriendly) reasons.push('family-friendly');
    if (site.accessible) reasons.push('accessible');
    for (const l of speaks) reasons.push(`speaks ${l}`);
    return {
      site,
      free: Math.max(0, free),
      misfits,
      fits: !misfits.some((m) => HARD.includes(m)),
      why: reasons.join(' · '),
    };
  });
  scored.sort(
    (a, b) =>
      Number(b.fits) - Number(a.fits) ||
      a.misfits.length - b.misfits.length ||
      b.free - a.free ||
      a.site.name.localeCompare(b.site.name) ||
      a.site.id - b.site.id,
  );
  let rank = 0;
  return scored.map((s) => ({
    housingSiteId: s.site.id,
    name: s.site.name,
    kind: s.site.kind,
    freeBeds: s.free,
    fits: s.fits,
    misfits: s.misfits,
    rank: s.fits ? ++rank : null,
    why: s.why,
  }));
}
