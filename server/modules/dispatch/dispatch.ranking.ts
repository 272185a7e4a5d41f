import type { DbOrTx } from '../../../db/client';
import { screeningsByVolunteer } from '../screening/screening.repo';
import { screeningState } from '../screening/screening.rules';
import { listVolunteers } from '../volunteers/volunteers.repo';
import { busyVolunteers, onShiftNow, optedOutPhones } from './dispatch.repo';

export type Exclusion =
  | 'inactive'
  | 'opted_out'
  | 'screening_missing'
  | 'isolating'
  | 'high_risk'
  | 'busy'
  | 'already_asked';
export type Band = 'on_shift_here' | 'on_shift_elsewhere' | 'off_shift';

export interface Candidate {
  volunteerId: number;
  name: string;
  eligible: boolean;
  excludedBecause: Exclusion[];
  band: Band;
  languages: string[];
  skills: string[];
  /** 1-based position among the eligible, or null. */
  rank: number | null;
  /** The ranking in words, shown on the dashboard and stored on the offer. */
  why: string;
}

export interface RankingInput {
  siteId: number;
  languages: string[];
  skills: string[];
  now: Date;
  validMs: number;
  alreadyAsked: Set<number>;
}

const BAND_ORDER: Record<Band, number> = { on_shift_here: 0, on_shift_elsewhere: 1, off_shift: 2 };

/**
 * Who may be asked, and in what order: on shift at this site, then on shift elsewhere, then off shift;
 * within a band, those who speak the wanted languages and have the wanted skills first. Everyone not
 * eligible is kept with the reasons, so a coordinator can see why someone was not asked.
 */
export function rankCandidates(db: DbOrTx, input: RankingInput): Candidate[] {
  const roster = listVolunteers(db);
  const screens = screeningsByVolunteer(db);
  const optedOut = optedOutPhones(db);
  const busy = busyVolunteers(db);
  const shifts = onShiftNow(db, input.now);
  const wantedLanguages = input.languages.map((l) => l.toLowerCase());

  const scored = roster.map((v) => {
    const s = screens.get(v.id);
    const state = screeningState(s?.latest ?? null, s?.isolation ?? null, input.now, input.validMs).state;
    const excludedBecause: Exclusion[] = [];
    if (!v.active) excludedBecause.push('inactive');
    if (optedOut.has(v.phone)) excludedBecause.push('opted_out');
    if (state === 'isolating') excludedBecause.push('isolating');
    else if (state !== 'clear') excludedBecause.push('screening_missing');
    if (v.highRisk) excludedBecause.push('high_risk');
    if (busy.has(v.id)) excludedBecause.push('busy');
    if (input.alreadyAsked.has(v.id)) excludedBecause.push('already_asked');
    const sites = shifts.get(v.id);
    const band: Band = sites?.has(input.siteId)
      ? 'on_shift_here'
      : sites
        ? 'on_shift_elsewhere'
        : 'off_shift';
    const speaks = wantedLanguages.filter((l) => v.languages.some((x) => x.toLowerCase() === l));
    const has = input.skills.filter((k) => (v.skills as string[]).includes(k));
    const fit =
      (speaks.length === wantedLanguages.length ? 2 : 0) + (has.length === input.skills.length ? 1 : 0);
    const why = [band.replace(/_/g, ' '), ...speaks.map((l) => `speaks ${l}`), ...has].join(' · ');
    return {
      candidate: {
        volunteerId: v.id,
        name: v.name,
        eligible: excludedBecause.length === 0,
        excludedBecause,
        band,
        languages: v.languages,
        skills: v.skills as string[],
        rank: null as number | null,
        why,
      },
      key: [BAND_ORDER[band], -fit, -(speaks.length + has.length), v.id],
    };
  });

  scored.sort((a, b) => {
    for (let i = 0; i < a.key.length; i += 1) {
      const d = a.key[i]! - b.key[i]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  let rank = 0;
  for (const s of scored) if (s.candidate.eligible) s.candidate.rank = ++rank;
  return scored.map((s) => s.candidate).sort((a, b) => Number(b.eligible) - Number(a.eligible));
}
