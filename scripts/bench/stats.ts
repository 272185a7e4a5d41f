/** The q-quantile (0…1) of `samples`, nearest rank, rounded to 0.1. */
export function percentile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round(sorted[at]! * 10) / 10;
}

export const median = (samples: number[]) => percentile(samples, 0.5);
