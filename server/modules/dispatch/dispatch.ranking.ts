import { type Band, bands as bandOrder, type Exclusion } from '../../../shared/dispatch';
import { screeningStateName } from '../screening/screening.rules';
import type { RosterEntry } from './dispatch.roster';

export type { Band, Exclusion };

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

/** What else decides who may go, read once per ranking. */
export interface RankingFacts {
  optedOut: Set<string>;
  /** Already said YES to a release still open. */
  busy: Set<number>;
  /** Who is on shift now, and at which sites. */
  onShift: Map<number, Set<number>>;
}

export interface RankingInput {
  siteId: number;
  languages: string[];
  skills: string[];
  now: Date;
  validMs: number;
  alreadyAsked: Set<number>;
}

const BANDS = bandOrder;
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
export function rankCandidates(
  entries: readonly RosterEntry[],
  facts: RankingFacts,
  input: RankingInput,
  limit?: number,
): Candidate[] {
  const { optedOut, busy, onShift: shifts } = facts;
  const wantedLanguages = input.languages.map((l) => l.toLowerCase());
  const nowMs = input.now.getTime();
  const n = entries.length;

  // First pass, numbers only: who is excluded, and one key ordering band, full fit, partial matches, id.
  const bands = new Uint8Array(n);
  const keys = new Float64Array(n);
  const eligible = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const v = entries[i]!;
    const state = screeningStateName(v.latest, v.isolation, nowMs, input.validMs);
    eligible[i] = Number(
      v.active &&
        state === 'clear' &&
        !v.highRisk &&
        !optedOut.has(v.phone) &&
        !busy.has(v.id) &&
        !input.alreadyAsked.has(v.id),
    );
    const sites = shifts.get(v.id);
    const band = sites?.has(input.siteId) ? 0 : sites ? 1 : 2;
    bands[i] = band;
    let speaks = 0;
    for (const l of wantedLanguages) if (v.languagesLower.includes(l)) speaks += 1;
    let has = 0;
    for (const k of input.skills) if (v.skills.includes(k)) has += 1;
    const fit = (speaks === wantedLanguages.length ? 2 : 0) + (has === input.skills.length ? 1 : 0);
    keys[i] = (band * 10_000 + (3 - fit) * 1_000 + (999 - speaks - has)) * 1e7 + v.id;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]!);

  // Second pass: explain, for everyone or only for the first `limit` eligible (a wave needs no more).
  const describe = (i: number, rank: number | null): Candidate => {
    const v = entries[i]!;
    const band = BANDS[bands[i]!]!;
    const excludedBecause: Exclusion[] = [];
    if (!eligible[i]) {
      const state = screeningStateName(v.latest, v.isolation, nowMs, input.validMs);
      if (!v.active) excludedBecause.push('inactive');
      if (optedOut.has(v.phone)) excludedBecause.push('opted_out');
      if (state === 'isolating') excludedBecause.push('isolating');
      else if (state !== 'clear') excludedBecause.push('screening_missing');
      if (v.highRisk) excludedBecause.push('high_risk');
      if (busy.has(v.id)) excludedBecause.push('busy');
      if (input.alreadyAsked.has(v.id)) excludedBecause.push('already_asked');
    }
    let why = BAND_LABEL[band];
    for (const l of wantedLanguages) if (v.languagesLower.includes(l)) why += ` · speaks ${l}`;
    for (const k of input.skills) if (v.skills.includes(k)) why += ` · ${k}`;
    return {
      volunteerId: v.id,
      name: v.name,
      eligible: eligible[i] === 1,
      excludedBecause,
      band,
      languages: v.languages,
      skills: v.skills,
      rank,
      why,
    };
  };
  const chosen: Candidate[] = [];
  const excluded: Candidate[] = [];
  for (const i of order) {
    if (eligible[i]) {
      if (limit !== undefined && chosen.length >= limit) continue;
      chosen.push(describe(i, chosen.length + 1));
    } else if (limit === undefined) {
      excluded.push(describe(i, null));
    }
  }
  return chosen.concat(excluded);
}
