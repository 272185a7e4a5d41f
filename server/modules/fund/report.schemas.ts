import { z } from 'zod';
import { disbursementPurposes } from '../../../shared/fund';

export const fundReportFormats = ['json', 'csv'] as const;

export const fundReportQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  format: z.enum(fundReportFormats).default('json'),
});
export type FundReportQuery = z.output<typeof fundReportQuery>;

const byPurpose = z.object(
  Object.fromEntries(disbursementPurposes.map((p) => [p, z.number().int()])) as Record<
    (typeof disbursementPurposes)[number],
    z.ZodNumber
  >,
);

/** One month of what the network did: counts and sums only, nothing about any person. */
export const fundReportMonth = z.object({
  month: z.string(),
  peopleMet: z.number().int(),
  nightsSheltered: z.number().int(),
  kitsHandedOut: z.number().int(),
  ticketItineraries: z.number().int(),
  ticketPeople: z.number().int(),
  moneyInCents: z.number().int(),
  moneyOutCents: z.number().int(),
  moneyOutByPurpose: byPurpose,
  shiftHours: z.number(),
  dispatchHours: z.number(),
  volunteerHours: z.number(),
});
export type FundReportMonth = z.output<typeof fundReportMonth>;

export const fundReport = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  /** How an accepted dispatch counts in volunteer hours (REPORT_HOURS_PER_DISPATCH). */
  hoursPerDispatch: z.number(),
  months: z.array(fundReportMonth),
  totals: fundReportMonth.omit({ month: true }),
});
export type FundReport = z.output<typeof fundReport>;
