import { isLanguageName, cleanLanguage as sharedCleanLanguage } from '@shared/languages';
import type { ReleaseNeed } from '@shared/releases';
import type { ApiError } from '../../api';
import { fieldErrors } from '../../forms';
import type { Translate } from '../../i18n';

/** Languages heard most at the border, codes where one exists and names as their speakers write them. */
export const commonLanguages = ['es', 'en', 'pt', 'fr', 'ht', 'quc', 'mam', 'kjb'];

/**
 * The shared language rule, checked here so a bad name is caught before a release waits offline; a
 * known name becomes its code ("Spanish" → es) as the server would store it.
 */
export function cleanLanguage(text: string): string | null {
  return isLanguageName(text) ? sharedCleanLanguage(text) : null;
}

/** An expected time already gone, by more than a slow clock explains. */
export function isPast(iso: string, now = Date.now()): boolean {
  return Date.parse(iso) < now - 5 * 60_000;
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
      expectedAt: error?.details.some((d) => d.message.startsWith('is in the past'))
        ? t('intake.expectedPast')
        : t('intake.expectedInvalid'),
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
  /** Text volunteers as soon as the release is logged, asking for this many. */
  dispatch: boolean;
  dispatchNeeded: number;
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
  dispatch: false,
  dispatchNeeded: 2,
};
