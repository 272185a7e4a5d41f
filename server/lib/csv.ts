/** Where a spreadsheet may cut a cell: the separators Excel, LibreOffice and Sheets guess, and lines. */
const SPLITS = /[,;\t|\r\n]/;
/** A formula may start after any cut, behind spaces a spreadsheet trims. */
const FORMULA_AFTER_SPLIT = /(^|[,;\t|\r\n])(\s*)([=+\-@])/g;

/**
 * One CSV cell that no spreadsheet runs as a formula, whatever separator it splits on: every piece
 * starting with = + - @ gets a leading apostrophe, and any cell holding a separator is quoted.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = value.replace(FORMULA_AFTER_SPLIT, "$1$2'$3");
  return SPLITS.test(safe) || safe.includes('"') ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: readonly (string | number | null)[]): string {
  return values.map(csvCell).join(',');
}
