import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The arrows DESIGN.md allows, kept by a test: a domain never reads another domain's repo or tables
 * (it asks that domain's service through a port); lib/ and infra/ know no domain; the words shared
 * with the dashboard touch no server or database code; the dashboard never copies a server enum.
 */

const root = path.resolve(__dirname, '..');

/** Which domain owns each table. A new table must be given an owner here. */
const TABLE_OWNERS: Record<string, string> = {
  users: 'users',
  sessions: 'auth',
  sites: 'sites',
  smsMessages: 'sms',
  smsOptOuts: 'sms',
  volunteers: 'volunteers',
  screenings: 'screening',
  screeningLinks: 'screening',
  shifts: 'shifts',
  shiftSignups: 'shifts',
  shiftTemplates: 'shifts',
  releases: 'releases',
  releaseTimeline: 'releases',
  dispatches: 'dispatch',
  dispatchOffers: 'dispatch',
  rosterVersion: 'volunteers',
  housingSites: 'housing',
  stays: 'housing',
  hostRequests: 'housing',
  supplyItems: 'supplies',
  kitComponents: 'supplies',
  stockMovements: 'supplies',
  stockThresholds: 'supplies',
  medicalContacts: 'medical',
  oncallSchedules: 'medical',
  oncallOverrides: 'medical',
  medicalPages: 'medical',
  itineraries: 'travel',
  pageEvents: 'medical',
  resources: 'resources',
  resourceVersions: 'resources',
  funds: 'fund',
  fundIncome: 'fund',
  disbursements: 'fund',
  audit: 'infra',
  events: 'infra',
  jobs: 'infra',
  idempotencyKeys: 'infra',
};

interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  file: string;
  text: string;
}

interface Import {
  target: string;
  names: string[];
  typeOnly: boolean;
}

function listFiles(dir: string, exts = ['.ts', '.tsx']): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      } else if (exts.some((e) => entry.name.endsWith(e))) {
        out.push({
          file: path.relative(root, full).split(path.sep).join('/'),
          text: fs.readFileSync(full, 'utf8'),
        });
      }
    }
  };
  walk(path.join(root, dir));
  return out;
}

/** Static imports and re-exports, resolved to paths from the root (without extension). */
function importsOf(source: SourceFile): Import[] {
  const found: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'"]*?)\s*from\s+'([^']+)'/g;
  for (const m of source.text.matchAll(re)) {
    const spec = m[4]!;
    const target = spec.startsWith('.')
      ? path.posix.normalize(path.posix.join(path.posix.dirname(source.file), spec))
      : spec;
    const clause = m[3] ?? '';
    const names = [...(clause.match(/\{([^}]*)\}/)?.[1] ?? '').split(',')]
      .map((n) =>
        n
          .replace(/^\s*type\s+/, '')
          .split(/\s+as\s+/)[0]!
          .trim(),
      )
      .filter(Boolean);
    found.push({ target, names, typeOnly: !!m[2] });
  }
  return found;
}

const domainOf = (file: string) => file.match(/^server\/modules\/([^/]+)\//)?.[1] ?? null;

/** Every arrow that breaks the rules, as "file -> target: why". */
function violations(files: SourceFile[]): string[] {
  const out: string[] = [];
  for (const source of files) {
    const own = domainOf(source.file);
    for (const imp of importsOf(source)) {
      const other = domainOf(`${imp.target}/`) ?? domainOf(imp.target);
      if (own && other && other !== own && /\.repo$/.test(imp.target)) {
        out.push(`${source.file} -> ${imp.target}: another domain's repo`);
      }
      if (own && /^db\/schema(\/|$)/.test(imp.target)) {
        for (const name of imp.names) {
          const owner = TABLE_OWNERS[name];
          if (owner && owner !== own) out.push(`${source.file} -> ${imp.target}: table ${name} of ${owner}`);
        }
      }
      if (/^server\/(lib|infra)\//.test(source.file) && /^server\/modules\//.test(imp.target)) {
        out.push(`${source.file} -> ${imp.target}: lib and infra know no domain`);
      }
      if (/^shared\//.test(source.file) && !imp.target.startsWith('shared/') && imp.target !== 'zod') {
        out.push(`${source.file} -> ${imp.target}: shared words import nothing else`);
      }
      if (/^web\//.test(source.file) && /^(db|server\/(lib|infra|plugins))(\/|$)/.test(imp.target)) {
        out.push(`${source.file} -> ${imp.target}: the dashboard reads server code only as contracts`);
      }
      if (/^web\//.test(source.file) && /^server\/modules\//.test(imp.target)) {
        if (!/\.schemas$/.test(imp.target)) out.push(`${source.file} -> ${imp.target}: only zod contracts`);
        else if (!imp.typeOnly) out.push(`${source.file} -> ${imp.target}: contracts are imported as types`);
      }
    }
  }
  return out;
}

describe('The allowed arrows', () => {
  const server = [...listFiles('server'), ...listFiles('shared'), ...listFiles('web/src')];

  it('hold in the code: no domain reads another domain’s repo or tables, lib and infra know no domain', () => {
    expect(violations(server)).toEqual([]);
  });

  it('are really checked: each kind of forbidden arrow is reported', () => {
    const fake: SourceFile[] = [
      {
        file: 'server/modules/shifts/shifts.sms.ts',
        text: "import { openAssignmentOf } from '../dispatch/dispatch.repo';",
      },
      {
        file: 'server/modules/sms/sms.broadcast.ts',
        text: "import { smsMessages, type SmsKind, volunteers } from '../../../db/schema';",
      },
      { file: 'server/lib/scheduler.ts', text: "import { jobs } from '../modules/jobs/jobs.repo';" },
      { file: 'shared/releases.ts', text: "import { releases } from '../db/schema/releases';" },
      {
        file: 'web/src/api/releases.ts',
        text: "import { TRANSITIONS } from '../../../server/modules/releases/releases.workflow';",
      },
      {
        file: 'web/src/api/sites.ts',
        text: "import { site } from '../../../server/modules/sites/sites.schemas';",
      },
    ];
    expect(violations(fake)).toEqual([
      "server/modules/shifts/shifts.sms.ts -> server/modules/dispatch/dispatch.repo: another domain's repo",
      'server/modules/sms/sms.broadcast.ts -> db/schema: table volunteers of volunteers',
      'server/lib/scheduler.ts -> server/modules/jobs/jobs.repo: lib and infra know no domain',
      'shared/releases.ts -> db/schema/releases: shared words import nothing else',
      'web/src/api/releases.ts -> server/modules/releases/releases.workflow: only zod contracts',
      'web/src/api/sites.ts -> server/modules/sites/sites.schemas: contracts are imported as types',
    ]);
  });

  it('give every table in db/schema an owning domain', () => {
    const tables = listFiles('db/schema').flatMap((f) =>
      [...f.text.matchAll(/export const (\w+) = sqliteTable\(/g)].map((m) => m[1]!),
    );
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((t) => !TABLE_OWNERS[t])).toEqual([]);
  });

  it('keep every server file short enough to read (about 300 lines)', () => {
    const long = listFiles('server')
      .map((f) => ({ file: f.file, lines: f.text.split('\n').length }))
      .filter((f) => f.lines > 320);
    expect(long).toEqual([]);
  });
});
