import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { MAX_FUND_IMPORT_ROWS } from '../../../shared/fund';
import type { Core } from '../../deps';
import { AppError, ValidationError } from '../../errors';
import type { Actor } from '../../lib/commands';
import { minorDigits } from '../../lib/money';
import { incomeWithExternalId } from './fund.repo';
import { amountCents, type FundImportReport, type FundImportRow } from './fund.schemas';
import type { FundService } from './fund.service';

/**
 * Platform exports' headings, normalised (lower case, letters and digits only), mapped to what the fund
 * keeps. Net beats gross: the fund holds what reached the account after fees. Donors' names, emails and
 * notes are never read: the fund needs amounts, not donors.
 */
const HEADINGS: Record<string, 'id' | 'date' | 'amount' | 'net' | 'currency' | 'status'> = {
  id: 'id',
  transactionid: 'id',
  donationid: 'id',
  referenceid: 'id',
  receiptid: 'id',
  date: 'date',
  datetime: 'date',
  donationdate: 'date',
  created: 'date',
  createdat: 'date',
  receivedon: 'date',
  fecha: 'date',
  amount: 'amount',
  amounttotal: 'amount',
  gross: 'amount',
  grossamount: 'amount',
  donationamount: 'amount',
  donation: 'amount',
  monto: 'amount',
  net: 'net',
  netamount: 'net',
  amountnet: 'net',
  currency: 'currency',
  moneda: 'currency',
  status: 'status',
  estado: 'status',
};

/** Statuses meaning the money arrived; a row with another status (pending, refunded…) is refused. */
const DONE = new Set(['', 'complete', 'completed', 'success', 'succeeded', 'settled', 'paid', 'issued']);

const key = (raw: string) =>
  raw
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');

/** "$1,234.56", "+ $25.00", "1.234,56 €", "25" → minor units; null when it is not an amount. */
export function parseAmount(raw: string, digits: number): number | null {
  const negative = /^[^\d]*-/.test(raw) || /^\s*\(.*\)\s*$/.test(raw);
  let s = raw.replace(/[^\d.,]/g, '');
  if (!/\d/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const decimalAt = Math.max(lastDot, lastComma);
  const decimals = decimalAt >= 0 ? s.length - decimalAt - 1 : 0;
  // One kind of separator followed by three digits groups thousands ("1,000"); it is no decimal point.
  const grouping = decimalAt >= 0 && decimals === 3 && (lastDot < 0 || lastComma < 0);
  if (decimalAt >= 0 && !grouping) {
    if (decimals > digits) return null;
    s = `${s.slice(0, decimalAt).replace(/[.,]/g, '')}.${s.slice(decimalAt + 1)}`;
  } else {
    s = s.replace(/[.,]/g, '');
  }
  const value = Math.round(Number(s) * 10 ** digits);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

const DATE_FORMATS = ['M/d/yyyy', 'MM/dd/yyyy', 'M/d/yy', 'yyyy/MM/dd', 'MMM d, yyyy', 'd MMM yyyy'];

/** A local date from the date cells platforms write: ISO (with or without a time), US slashes, words. */
export function parseDate(raw: string): string | null {
  const v = raw.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(v);
  if (iso) return DateTime.fromISO(iso[1]!).isValid ? iso[1]! : null;
  const datePart = v.split(/\s+\d{1,2}:\d{2}/)[0]!.trim();
  for (const format of DATE_FORMATS) {
    const d = DateTime.fromFormat(datePart, format, { locale: 'en-US' });
    if (d.isValid) return d.toISODate();
  }
  return null;
}

interface ParsedRow {
  amountCents: number;
  receivedOn: string;
  externalId: string;
}

export class FundImport {
  constructor(
    private readonly core: Core,
    private readonly service: FundService,
  ) {}

  /** One row of the export checked; its problems named by column, or what to record. */
  private check(
    cells: Record<string, string>,
    raw: string[],
    seen: Map<string, number>,
    currency: string,
  ):
    | { ok: true; row: ParsedRow }
    | { ok: false; errors: FundImportRow['errors']; partial: Partial<ParsedRow> } {
    const errors: FundImportRow['errors'] = [];
    const amountText = cells.net || cells.amount || '';
    const parsedAmount = amountText ? parseAmount(amountText, minorDigits(currency)) : null;
    const receivedOn = cells.date ? parseDate(cells.date) : null;
    if (!amountText) errors.push({ path: 'amount', message: 'is missing' });
    else if (parsedAmount === null)
      errors.push({ path: 'amount', message: `"${amountText}" is not an amount` });
    else if (parsedAmount <= 0)
      errors.push({ path: 'amount', message: 'is not money in (zero or negative)' });
    else {
      const checked = amountCents.safeParse(parsedAmount);
      if (!checked.success) errors.push({ path: 'amount', message: checked.error.issues[0]!.message });
    }
    if (!cells.date) errors.push({ path: 'date', message: 'is missing' });
    else if (!receivedOn) errors.push({ path: 'date', message: `"${cells.date}" is not a date` });
    if (cells.currency && cells.currency.toUpperCase() !== currency) {
      errors.push({ path: 'currency', message: `is ${cells.currency}, not ${currency}` });
    }
    const status = (cells.status ?? '').toLowerCase();
    if (!DONE.has(status)) errors.push({ path: 'status', message: `is "${cells.status}", not completed` });
    const partial = { amountCents: parsedAmount ?? undefined, receivedOn: receivedOn ?? undefined };
    if (errors.length) return { ok: false, errors, partial };
    // Without the platform's id, the row's own cells name it; the same row twice in one file stays two.
    let externalId = cells.id ? `id:${cells.id}` : '';
    if (!externalId) {
      const hash = createHash('sha256').update(JSON.stringify(raw)).digest('base64url').slice(0, 32);
      const n = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, n);
      externalId = `row:${hash}:${n}`;
    }
    return { ok: true, row: { amountCents: parsedAmount!, receivedOn: receivedOn!, externalId } };
  }

  /** Each good row recorded in its own transaction; a bad row is reported and writes nothing. */
  run(actor: Actor, fundId: number, csv: string): FundImportReport {
    this.service.fundIn(this.core.db, fundId, 'querystring.fundId');
    let records: string[][];
    try {
      records = parse(csv, {
        skip_empty_lines: false,
        trim: true,
        bom: true,
        relax_column_count: true,
        max_record_size: 10_000,
      });
    } catch (err) {
      throw new ValidationError([
        { path: 'body', message: `is not readable CSV: ${(err as Error).message}` },
      ]);
    }
    // Some exports (PayPal, Venmo) put a title or a balance line above the real header: find it.
    const headerAt = records.findIndex((r) => {
      const fields = new Set(r.map((c) => HEADINGS[key(c)]));
      return fields.has('date') && (fields.has('amount') || fields.has('net'));
    });
    if (headerAt < 0) {
      throw new ValidationError([
        { path: 'body', message: 'needs a header row with a date and an amount (or net) column' },
      ]);
    }
    const header = records[headerAt]!.map((c) => HEADINGS[key(c)]);
    const rows = records.slice(headerAt + 1);
    if (rows.length > MAX_FUND_IMPORT_ROWS) {
      throw new ValidationError([{ path: 'body', message: `has more than ${MAX_FUND_IMPORT_ROWS} rows` }]);
    }
    const currency = this.service.currency;
    const report: FundImportReport = { imported: 0, duplicates: 0, refused: 0, importedCents: 0, rows: [] };
    const seen = new Map<string, number>();
    rows.forEach((raw, index) => {
      const rowNumber = headerAt + index + 2;
      if (raw.every((c) => !c.trim())) return;
      const cells: Record<string, string> = {};
      header.forEach((field, i) => {
        if (field && !cells[field]) cells[field] = raw[i]?.trim() ?? '';
      });
      const checked = this.check(cells, raw, seen, currency);
      if (!checked.ok) {
        report.refused += 1;
        report.rows.push({
          row: rowNumber,
          status: 'refused',
          amountCents: checked.partial.amountCents ?? null,
          receivedOn: checked.partial.receivedOn ?? null,
          errors: checked.errors,
        });
        return;
      }
      const { row } = checked;
      const line = { row: rowNumber, amountCents: row.amountCents, receivedOn: row.receivedOn, errors: [] };
      try {
        const added = this.core.commands.run(actor, (ctx) => {
          if (incomeWithExternalId(ctx.tx, fundId, row.externalId)) return false;
          this.service.recordIncomeIn(ctx, fundId, row, 'import');
          return true;
        });
        if (added) {
          report.imported += 1;
          report.importedCents += row.amountCents;
          report.rows.push({ ...line, status: 'imported' });
        } else {
          report.duplicates += 1;
          report.rows.push({ ...line, status: 'duplicate' });
        }
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        report.refused += 1;
        report.rows.push({ ...line, status: 'refused', errors: [{ path: 'row', message: err.message }] });
      }
    });
    return report;
  }
}
