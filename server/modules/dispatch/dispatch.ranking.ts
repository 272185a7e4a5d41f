import type { DbOrTx } from '../../../db/client';
import { screeningStateName } from '../screening/screening.rules';
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
  const nowMs = input.now.getTime();

  const NONE: string[] = [];
  const n = entries.length;
  const candidates = new Array<Candidate>(n);
  // One number per volunteer orders band, then full fit, then partial matches, then id.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const v = entries[i]!;
    const state = screeningStateName(v.latest, v.isolation, nowMs, input.validMs);
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
    const speaks = wantedLanguages.length
      ? wantedLanguages.filter((l) => v.languagesLower.includes(l))
      : NONE;
    const has = input.skills.length ? input.skills.filter((k) => v.skills.includes(k)) : NONE;
    const fit =
      (speaks.length === wantedLanguages.length ? 2 : 0) + (has.length === input.skills.length ? 1 : 0);
    const score = BAND_ORDER[band] * 10_000 + (3 - fit) * 1_000 + (999 - speaks.length - has.length);
    keys[i] = score * 1e7 + v.id;
    let why = BAND_LABEL[band];
    for (const l of speaks) why += ` · speaks ${l}`;
    for (const k of has) why += ` · ${k}`;
    candidates[i] = {
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
  }

  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
  const eligible: Candidate[] = [];
  const excluded: Candidate[] = [];
  for (const i of order) {
    const c = candidates[i]!;
    if (c.eligible) {
      c.rank = eligible.length + 1;
      eligible.push(c);
    } else {
      excluded.push(c);
    }
  }
  return eligible.concat(excluded);
}
