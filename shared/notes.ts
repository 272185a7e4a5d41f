/**
 * Free text about released people must not say who they are: no A-numbers, birth dates or full names.
 * These patterns catch the common slips so the dashboard can warn before saving; they cannot prove a
 * note is safe, and a warned note may still be saved.
 */
export type NoteRisk = 'a_number' | 'birth_date' | 'full_name';

/** An alien registration number: A followed by 8 or 9 digits, often written A-123-456-789. */
const A_NUMBER = /\bA[\s#-]?\d{3}[\s-]?\d{3}[\s-]?\d{2,3}\b|\b\d{3}-\d{3}-\d{3}\b/i;
/** A date with a four-digit year of birth, or the words that introduce one. */
const BIRTH_DATE =
  /\b\d{1,2}[/.-]\d{1,2}[/.-](19|20)\d{2}\b|\b(19|20)\d{2}-\d{2}-\d{2}\b|\b(DOB|born|birth|nacid[oa]|nacimiento|fecha de nac)/i;
/** Two to four capitalised words in a row ("Juan Carlos Pérez"), not at the start of a sentence alone. */
const FULL_NAME = /\b\p{Lu}\p{Ll}+(?:\s+(?:de(?:\s+la)?|del|y)?\s*\p{Lu}\p{Ll}+){1,3}\b/u;
/** Capitalised pairs that are places or things people write in notes, not names. */
const NOT_NAMES =
  /^(Greyhound|Bus Station|New York|Los Angeles|San Antonio|El Paso|Red Cross|Cruz Roja|Catholic Charities)$/i;

export function noteRisks(text: string): NoteRisk[] {
  const risks: NoteRisk[] = [];
  if (A_NUMBER.test(text)) risks.push('a_number');
  if (BIRTH_DATE.test(text)) risks.push('birth_date');
  const names = [...text.matchAll(new RegExp(FULL_NAME.source, 'gu'))].map((m) => m[0]);
  if (names.some((n) => !NOT_NAMES.test(n))) risks.push('full_name');
  return risks;
}
