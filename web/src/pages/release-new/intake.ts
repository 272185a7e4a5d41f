import type { ReleaseNeed } from '@shared/releases';
import type { ApiError } from '../../api';
import { fieldErrors } from '../../forms';
import type { Translate } from '../../i18n';

/** Languages heard most at the border, codes where one exists and names as their speakers write them. */
export const commonLanguages = ['es', 'en', 'pt', 'fr', 'ht', "K'iche'", 'Mam', "Q'anjob'al"];

/**
 * The language rule of shared/languages.ts (letters, apostrophes, spaces and hyphens; curly apostrophes made
 * straight), checked here so a bad name is caught before a release waits offline. The shared rule is a zod
 * schema, and zod would add a third to the bundle every phone at a bus station loads.
 */
export function cleanLanguage(text: string): string | null {
  const value = text.trim().replace(/[’‘ʼ`]/g, "'");
  return value.length > 0 && value.length <= 40 && /^[\p{L}\p{M}' -]+$/u.test(value) ? value : null;
}

export function sameLanguage(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
}

export function localToIso(value: string): string | null {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The server's field errors in the reader's words: `body.languages.2` is the languages field. */
export function intakeFieldErrors(t: Translate, error: ApiError | null): Record<string, string> {
  return fieldErrors(error, {
    words: {
      siteId: t('intake.siteInvalid'),
      languages: t('intake.languageInvalid'),
      expectedAt: t('intake.expectedInvalid'),
    },
  });
}

export interface Draft {
  adults: number;
  children: number;
  when: 'now' | 'expected';
  expectedAt: string;
  languages: string[];
  otherLanguage: string;
  needs: ReleaseNeed[];
  destination: string;
  travelDate: string;
  notes: string;
}

export const emptyDraft: Draft = {
  adults: 1,
  children: 0,
  when: 'now',
  expectedAt: '',
  languages: [],
  otherLanguage: '',
  needs: [],
  destination: '',
  travelDate: '',
  notes: '',
};
