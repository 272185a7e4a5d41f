import type { ScreeningResult, ScreeningStateName } from '../../../shared/volunteers';

export type { ScreeningStateName };

/** What the rules read of a screen. */
export interface ScreenFacts {
  at: Date;
  result: ScreeningResult;
  isolateUntil: Date | null;
}

export interface ScreeningState {
  state: ScreeningStateName;
  until: Date | null;
  lastScreenedAt: Date | null;
}

/**
 * Isolation ends only with a clear screen taken after its end date; a clear screen counts for
 * `validMs`, after which the volunteer is "missing" until they screen again. Allocates nothing, so a
 * whole roster can be judged quickly.
 */
export function screeningStateName(
  latest: ScreenFacts | null,
  isolation: ScreenFacts | null,
  nowMs: number,
  validMs: number,
): ScreeningStateName {
  if (isolation?.isolateUntil) {
    const clearedAfterEnd =
      latest !== null && latest.result === 'clear' && latest.at.getTime() >= isolation.isolateUntil.getTime();
    if (!clearedAfterEnd) return 'isolating';
  }
  if (latest && latest.result === 'clear' && nowMs - latest.at.getTime() < validMs) return 'clear';
  return 'missing';
}

export function screeningState(
  latest: ScreenFacts | null,
  isolation: ScreenFacts | null,
  now: Date,
  validMs: number,
): ScreeningState {
  const state = screeningStateName(latest, isolation, now.getTime(), validMs);
  const lastScreenedAt = latest?.at ?? null;
  if (state === 'isolating') return { state, until: isolation!.isolateUntil, lastScreenedAt };
  if (state === 'clear') return { state, until: new Date(latest!.at.getTime() + validMs), lastScreenedAt };
  return { state, until: null, lastScreenedAt };
}

/**
 * What a new screen decides: symptoms or exposure start (or extend) isolation; a screen without either
 * during an isolation that has not reached its end leaves the volunteer isolating.
 */
export function decide(
  answers: { symptoms: boolean; exposure: boolean },
  current: ScreeningState,
  now: Date,
  isolationMs: number,
): { result: 'clear' | 'isolate'; isolateUntil: Date | null } {
  if (answers.symptoms || answers.exposure) {
    const fresh = new Date(now.getTime() + isolationMs);
    const until =
      current.state === 'isolating' && current.until && current.until > fresh ? current.until : fresh;
    return { result: 'isolate', isolateUntil: until };
  }
  if (current.state === 'isolating' && current.until && now.getTime() < current.until.getTime()) {
    return { result: 'isolate', isolateUntil: null };
  }
  return { result: 'clear', isolateUntil: null };
}
