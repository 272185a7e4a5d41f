/**
 * The language rule. A language is a code such as "es", or the name of one without a code
 * ("K'iche'", "Mam"). Phones and spreadsheets turn ' into ’, so curly apostrophes are straightened.
 * No zod here: the dashboard checks a typed language with the same pattern without loading it.
 */
import { languageCode } from './language-codes';

export const MAX_LANGUAGE_NAME = 40;
export const LANGUAGE_NAME_PATTERN = /^[\p{L}\p{M}' -]+$/u;
export const LANGUAGE_NAME_MESSAGE = "must be a language code such as es or a name such as K'iche'";

export function straightenApostrophes(value: string): string {
  return value.replace(/[’‘ʼ`]/g, "'");
}

/** Whether a typed language (after trimming and straightening) may be stored. */
export function isLanguageName(value: string): boolean {
  const v = straightenApostrophes(value.trim());
  return v.length >= 1 && v.length <= MAX_LANGUAGE_NAME && LANGUAGE_NAME_PATTERN.test(v);
}

const CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/**
 * One language as stored: a known name in English, Spanish or the language itself becomes its code
 * ("Spanish", "español" → es); other codes are lower-cased; an unknown name is kept as typed.
 */
export function cleanLanguage(raw: string): string {
  const value = straightenApostrophes(raw.trim());
  return languageCode(value) ?? (CODE.test(value) ? value.toLowerCase() : value);
}

/** Languages compare case-insensitively and are stored as codes where one is known. */
export function cleanLanguages(languages: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of languages) {
    const value = cleanLanguage(raw);
    if (!seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase());
      out.push(value);
    }
  }
  return out;
}
