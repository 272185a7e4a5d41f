import { z } from 'zod';
import { screeningResults, screeningStates, smsLanguages } from '../../../shared';

export const screeningToken = z.string().min(10).max(100);

export const screeningAnswers = z.object({ symptoms: z.boolean(), exposure: z.boolean().default(false) });
export type ScreeningAnswers = z.input<typeof screeningAnswers>;

/** A screen recorded from the dashboard. */
export const screeningResult = z.object({
  result: z.enum(screeningResults),
  isolateUntil: z.string().nullable(),
  state: z.enum(screeningStates),
});
export type ScreenOutcome = z.output<typeof screeningResult>;

export const linkCheckBody = z.object({ token: screeningToken });
export type LinkCheckBody = z.input<typeof linkCheckBody>;

export const linkCheck = z.object({
  firstName: z.string(),
  language: z.enum(smsLanguages),
  expiresAt: z.string(),
});
export type ScreeningLinkInfo = z.output<typeof linkCheck>;

export const linkScreenBody = z.object({ token: screeningToken, ...screeningAnswers.shape });
export type LinkScreenBody = z.input<typeof linkScreenBody>;

/** A screen recorded through the link. */
export const linkScreenResult = z.object({
  result: z.enum(screeningResults),
  state: z.enum(screeningStates),
  until: z.string().nullable(),
});
export type ScreeningLinkResult = z.output<typeof linkScreenResult>;
