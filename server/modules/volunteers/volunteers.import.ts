import { parse } from 'csv-parse/sync';
import { volunteerSkills } from '../../../db/schema';
import { AppError, ConflictError, ValidationError } from '../../errors';
import type { Actor } from '../../lib/commands';
import {
  type ImportExisting,
  type ImportReport,
  type VolunteerPatch,
  volunteerInput,
} from './volunteers.schemas';
import type { VolunteersService } from './volunteers.service';

export const MAX_IMPORT_ROWS = 5000;

const PATCHABLE = ['name', 'languages', 'skills', 'highRisk', 'active', 'smsLanguage'] as const;

/** Spreadsheet headings people actually use, mapped to our fields. */
const HEADINGS: Record<string, string> = {
  name: 'name',
  nombre: 'name',
  phone: 'phone',
  telefono: 'phone',
  mobile: 'phone',
  cell: 'phone',
  languages: 'languages',
  language: 'languages',
  idiomas: 'languages',
  skills: 'skills',
  habilidades: 'skills',
  highrisk: 'highRisk',
  high_risk: 'highRisk',
  'high risk': 'highRisk',
  active: 'active',
  activo: 'active',
  smslanguage: 'smsLanguage',
  sms_language: 'smsLanguage',
  'sms language': 'smsLanguage',
};

const TRUE = new Set(['yes', 'y', 'true', '1', 'x', 'si', 'sí']);
const FALSE = new Set(['no', 'n', 'false', '0', '']);

function heading(raw: string): string {
  const key = raw
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '');
  return HEADINGS[key] ?? key;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[;,|/]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

function bool(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return v === '' ? undefined : false;
  return value;
}

function skill(value: string): string {
  const v = value.toLowerCase().replace(/[\s-]+/g, '_');
  return (volunteerSkills as readonly string[]).includes(v) ? v : value;
}

/** Turns one spreadsheet row into the shape POST /api/volunteers takes. */
function toInput(record: Record<string, string>) {
  return {
    name: record.name,
    phone: record.phone,
    languages: list(record.languages),
    skills: list(record.skills).map(skill),
    highRisk: bool(record.highRisk),
    active: bool(record.active),
    smsLanguage: record.smsLanguage?.trim().toLowerCase() || undefined,
  };
}

/** Each row is added in its own transaction, or refused with its reasons: never half a row. */
export function importVolunteers(
  service: VolunteersService,
  actor: Actor,
  csv: string,
  existing: ImportExisting = 'update',
): ImportReport {
  let records: Record<string, string>[];
  let columns: string[] = [];
  try {
    records = parse(csv, {
      columns: (header: string[]) => {
        columns = header.map(heading);
        return columns;
      },
      // Blank lines are kept so that row numbers match the spreadsheet's; blank records are passed over below.
      skip_empty_lines: false,
      trim: true,
      bom: true,
      relax_column_count: true,
      max_record_size: 10_000,
    });
  } catch (err) {
    throw new ValidationError([{ path: 'body', message: `is not readable CSV: ${(err as Error).message}` }]);
  }
  if (records.length > MAX_IMPORT_ROWS) {
    throw new ValidationError([{ path: 'body', message: `has more than ${MAX_IMPORT_ROWS} rows` }]);
  }
  if (!(columns.includes('name') && columns.includes('phone'))) {
    throw new ValidationError([{ path: 'body', message: 'needs a header row with at least name and phone' }]);
  }
  const report: ImportReport = { added: 0, updated: 0, skipped: 0, refused: 0, rows: [] };
  // The same phone twice in one sheet is a mistake to show, not an update to apply.
  const seen = new Set<number>();
  records.forEach((record, index) => {
    const row = index + 2; // the header is row 1, as a spreadsheet numbers them
    if (Object.values(record).every((v) => !v?.trim())) return;
    const name = record.name?.trim() || null;
    const parsed = volunteerInput.safeParse(toInput(record));
    if (!parsed.success) {
      report.refused += 1;
      report.rows.push({
        row,
        status: 'refused',
        name,
        errors: parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.message,
          code: 'validation',
        })),
      });
      return;
    }
    try {
      const known = service.findByTypedPhone(parsed.data.phone);
      if (known && seen.has(known.id)) {
        throw new ConflictError('duplicate_phone', 'This phone is on an earlier row of this file', [
          { path: 'phone', message: 'is on an earlier row of this file' },
        ]);
      }
      if (known) seen.add(known.id);
      if (known && existing === 'skip') {
        report.skipped += 1;
        report.rows.push({ row, status: 'skipped', id: known.id, name: known.name });
      } else if (known) {
        // Only the columns the sheet has, and only cells not left blank, change what we know.
        const patch = Object.fromEntries(
          PATCHABLE.filter((k) => columns.includes(k) && record[k]?.trim()).map((k) => [k, parsed.data[k]]),
        ) as VolunteerPatch;
        const updated = Object.keys(patch).length ? service.update(actor, known.id, patch) : known;
        report.updated += 1;
        report.rows.push({ row, status: 'updated', id: updated.id, name: updated.name });
      } else {
        const created = service.create(actor, parsed.data, 'phone');
        seen.add(created.id);
        report.added += 1;
        report.rows.push({ row, status: 'added', id: created.id, name: created.name });
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      report.refused += 1;
      // The code lets the dashboard say why in the reader's language (duplicate_phone, validation…).
      const details = err.details.length ? err.details : [{ path: 'row', message: err.message }];
      const errors = details.map((d) => ({ ...d, code: err.code }));
      report.rows.push({ row, status: 'refused', name, errors });
    }
  });
  return report;
}
