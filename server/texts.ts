import { renderer, type TextCatalog } from './lib/texts';
import { dispatchTexts } from './modules/dispatch/dispatch.texts';
import { housingTexts } from './modules/housing/housing.texts';
import { releasesTexts } from './modules/releases/releases.texts';
import { screeningTexts, screeningWords } from './modules/screening/screening.texts';
import { shiftsTexts, shiftWords } from './modules/shifts/shifts.texts';
import { smsTexts } from './modules/sms/sms.texts';

/** Every domain's SMS texts in one catalog, for the checks that hold over all of them (GSM-7, both languages). */
export const catalogs = {
  smsTexts,
  screeningTexts,
  releasesTexts,
  dispatchTexts,
  shiftsTexts,
  housingTexts,
};

export const templates = {
  ...smsTexts,
  ...screeningTexts,
  ...releasesTexts,
  ...dispatchTexts,
  ...shiftsTexts,
  ...housingTexts,
} satisfies TextCatalog;

export const words = { ...shiftWords, ...screeningWords } satisfies TextCatalog;

export type TemplateKey = keyof typeof templates;

export const render = renderer(templates);
