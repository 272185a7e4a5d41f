import { z } from 'zod';

/**
 * The language rule. A language is a code such as "es", or the name of one without a code
 * ("K'iche'", "Mam"). Phones and spreadsheets turn ' into ’, so curly apostrophes are straightened.
 */
export const languageName = z
  .string()
  .trim()
  .transform((v) => v.replace(/[’‘ʼ`]/g, "'"))
  .pipe(
    z
      .string()
      .min(1)
      .max(40)
      .regex(/^[\p{L}\p{M}' -]+$/u, "must be a language code such as es or a name such as K'iche'"),
  );

const CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** Languages compare case-insensitively; codes are stored lower-case, names as written. */
export function cleanLanguages(languages: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of languages) {
    const value = CODE.test(raw) ? raw.toLowerCase() : raw;
    if (!seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase());
      out.push(value);
    }
  }
  return out;
}
