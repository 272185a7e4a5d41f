import { z } from 'zod';

/**
 * A language: a code such as "es", or the name of one without a code ("K'iche'", "Mam"). Phones and
 * spreadsheets turn ' into ’, so curly apostrophes are straightened first.
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
