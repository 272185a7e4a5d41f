import type { DbOrTx } from '../../../db/client';
import { screeningState } from '../screening/screening.rules';
import { busyVolunteers, onShiftNow, optedOutPhones } from './dispatch.repo';
import type { RosterCache } from './dispatch.roster';

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
const BAND_LABEL: Record<Band, string> = {
  on_shift_here: 'on shift here',
  on_shift_elsewhere: 'on shift elsewhere',
  off_shift: 'off shift',
};

/**
 * Who may be asked, and in what order: on shift at this site, then on shift elsewhere, then off shift;
 * within a band, those who speak the wanted languages and have the wanted skills first. Everyone not
 * eligible is kept with the reasons, so a coordinator can see why someone was not asked.
 */
export function rankCandidates(db: DbOrTx, roster: RosterCache, input: RankingInput): Candidate[] {
  const entries = roster.read(db);
  const optedOut = optedOutPhones(db);
  const busy = busyVolunteers(db);
  const shifts = onShiftNow(db, input.now);
  const wantedLanguages = input.languages.map((l) => l.toLowerCase());

  const scored = entries.map((v) => {
    const state = screeningState(v.latest, v.isolation, input.now, input.validMs).state;
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
    const speaks = wantedLanguages.filter((l) => v.languagesLower.includes(l));
    const has = input.skills.filter((k) => v.skills.includes(k));
    const fit =
      (speaks.length === wantedLanguages.length ? 2 : 0) + (has.length === input.skills.length ? 1 : 0);
    // One number orders band, then full fit, then partial matches; the id breaks ties.
    const score = BAND_ORDER[band] * 10_000 + (3 - fit) * 1_000 + (999 - speaks.length - has.length);
    const why = [BAND_LABEL[band], ...speaks.map((l) => `speaks ${l}`), ...has].join(' · ');
    const candidate: Candidate = {
      volunteerId: v.id,
      name: v.name,
      eligible: excludedBecause.length === 0,
      excludedBecause,
      band,
      languages: v.languages,
      skills: v.skills,
      rank: null,
      why,
    };
    return { candidate, score };
  });

  scored.sort((a, b) => a.score - b.score || a.candidate.volunteerId - b.candidate.volunteerId);
  let rank = 0;
  for (const s of scored) if (s.candidate.eligible) s.candidate.rank = ++rank;
  const eligible = scored.filter((s) => s.candidate.eligible).map((s) => s.candidate);
  const excluded = scored.filter((s) => !s.candidate.eligible).map((s) => s.candidate);
  return [...eligible, ...excluded];
}
