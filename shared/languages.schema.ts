import { z } from 'zod';
import {
  LANGUAGE_NAME_MESSAGE,
  LANGUAGE_NAME_PATTERN,
  MAX_LANGUAGE_NAME,
  straightenApostrophes,
} from './languages';

/** The language rule as a zod field, for the server's contracts. */
export const languageName = z
  .string()
  .trim()
  .transform(straightenApostrophes)
  .pipe(z.string().min(1).max(MAX_LANGUAGE_NAME).regex(LANGUAGE_NAME_PATTERN, LANGUAGE_NAME_MESSAGE));
