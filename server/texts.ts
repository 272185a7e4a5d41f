import { renderer, type TextCatalog } from './lib/texts';
import { authTexts } from './modules/auth/auth.texts';
import { dispatchTexts } from './modules/dispatch/dispatch.texts';
import { fundTexts, fundWords } from './modules/fund/fund.texts';
import { housingTexts } from './modules/housing/housing.texts';
import { medicalTexts } from './modules/medical/medical.texts';
import { releasesTexts } from './modules/releases/releases.texts';
import { resourcesTexts } from './modules/resources/resources.texts';
import { screeningTexts, screeningWords } from './modules/screening/screening.texts';
import { shiftsTexts, shiftWords } from './modules/shifts/shifts.texts';
import { smsTexts } from './modules/sms/sms.texts';
import { suppliesTexts } from './modules/supplies/supplies.texts';
import { travelTexts } from './modules/travel/travel.texts';

/** Every domain's SMS texts in one catalog, for the checks that hold over all of them (GSM-7, both languages). */
export const catalogs = {
  authTexts,
  smsTexts,
  screeningTexts,
  releasesTexts,
  dispatchTexts,
  shiftsTexts,
  housingTexts,
  suppliesTexts,
  medicalTexts,
  resourcesTexts,
  travelTexts,
  fundTexts,
};

export const templates = {
  ...smsTexts,
  ...authTexts,
  ...screeningTexts,
  ...releasesTexts,
  ...dispatchTexts,
  ...shiftsTexts,
  ...housingTexts,
  ...suppliesTexts,
  ...medicalTexts,
  ...resourcesTexts,
  ...travelTexts,
  ...fundTexts,
} satisfies TextCatalog;

export const words = { ...shiftWords, ...screeningWords, ...fundWords } satisfies TextCatalog;

export type TemplateKey = keyof typeof templates;

export const render = renderer(templates);
