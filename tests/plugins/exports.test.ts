import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell } from '../../server/lib/csv';
import { buildTestApp, type TestApp } from '../helpers/app';
import { addRelease, addSite, auditRows } from '../helpers/fixtures';

/** Splits one CSV line the way a spreadsheet does with this separator, honouring quotes. */
function split(line: string, sep: ',' | ';'): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const runsAsFormula = (cell: string) => /^\s*[=+\-@]/.test(cell);

describe('the release CSV export', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const exportWith = (headers: Record<string, string>) =>
    t.call(coordinator, {
      method: 'GET',
      url: '/api/reports/releases.csv?from=2026-03-01&to=2026-03-31',
      headers,
    });

  it('cannot be triggered by another site, and leaves no audit line when refused', async () => {
    const foreign: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
      { 'sec-fetch-site': 'same-site' },
      { referer: 'https://evil.example/page' },
      { origin: 'https://evil.example' },
    ];
    for (const headers of foreign) {
      const res = await exportWith(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().error.code).toBe('csrf_refused');
    }
    expect(auditRows(t, 'report.exported')).toHaveLength(0);

    const own: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      { referer: 'http://localhost:3000/reports' },
      {},
    ];
    for (const headers of own) expect((await exportWith(headers)).statusCode).toBe(200);
    expect(auditRows(t, 'report.exported')).toHaveLength(own.length);
  });

  it('runs no formula in a spreadsheet splitting on commas or on semicolons', async () => {
    const names = [
      '=HYPERLINK("http://evil.example","x")',
      "Depot;=cmd|' /C calc'!A0",
      'Depot, +SUM(1)',
      'Depot;  @SUM(1)',
      'Depot\t-2+3',
    ];
    for (const name of names) {
      const site = await addSite(t, coordinator, { name });
      await addRelease(t, coordinator, { siteId: site.id });
    }
    const body = (await exportWith({ 'sec-fetch-site': 'same-origin' })).body;
    const rows = body.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(names.length);
    for (const sep of [',', ';'] as const) {
      for (const row of rows) {
        for (const cell of split(row, sep)) {
          // Within a quoted cell a spreadsheet may still cut on its own separator or a tab.
          for (const piece of cell.split(/[,;\t|\r\n]/))
            expect(runsAsFormula(piece), `${sep} ${row}`).toBe(false);
        }
      }
    }
    // The text itself survives, behind an apostrophe.
    expect(split(rows[0]!, ',')[1]).toBe('\'=HYPERLINK("http://evil.example","x")');
  });

  it('keeps numbers and plain words as they are', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('Greyhound')).toBe('Greyhound');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
  });
});
