// The table a person reads and the one `BENCH {json}` line a machine reads, each figure beside the
// target issue 15 set for it.

export interface Check {
  measure: string;
  value: number;
  unit: string;
  /** The target, and whether the value must be at least (≥) or at most (≤) it; null when none is set. */
  target: { op: '≥' | '≤'; value: number } | null;
}

export function check(
  measure: string,
  value: number,
  unit: string,
  target?: { op: '≥' | '≤'; value: number },
): Check {
  return { measure, value, unit, target: target ?? null };
}

export function passes(c: Check): boolean | null {
  if (!c.target) return null;
  if (!Number.isFinite(c.value)) return false;
  return c.target.op === '≥' ? c.value >= c.target.value : c.value <= c.target.value;
}

const fmt = (v: number) =>
  Number.isFinite(v) ? (Math.abs(v) >= 100 ? String(Math.round(v)) : String(v)) : '—';

export function table(checks: Check[]): string {
  const rows = checks.map((c) => {
    const ok = passes(c);
    return [
      c.measure,
      `${fmt(c.value)} ${c.unit}`.trim(),
      c.target ? `${c.target.op} ${c.target.value} ${c.unit}`.trim() : '',
      ok === null ? '' : ok ? 'pass' : 'FAIL',
    ];
  });
  const head = ['measure', 'value', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The machine-readable line: every figure, the checks with their verdicts, last on stdout. */
export function benchLine(figures: Record<string, unknown>, checks: Check[]): string {
  const verdicts = checks.map((c) => ({ ...c, pass: passes(c) }));
  return `BENCH ${JSON.stringify({ ...figures, checks: verdicts })}`;
}
