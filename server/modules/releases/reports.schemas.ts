import { z } from 'zod';

export const reportPeriods = ['day', 'week'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

export const reportQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  period: z.enum(reportPeriods).default('day'),
});
export type ReportQuery = z.input<typeof reportQuery>;
export type ReportRangeQuery = z.output<typeof reportQuery>;

export const report = z.object({
  from: z.string(),
  to: z.string(),
  period: z.enum(reportPeriods),
  releases: z.number().int(),
  people: z.number().int(),
  medianMinutesToMet: z.number().nullable(),
  series: z.array(z.object({ start: z.string(), people: z.number() })),
  bySite: z.array(z.object({ site: z.string(), people: z.number() })),
  byLanguage: z.array(z.object({ language: z.string(), people: z.number() })),
  byNeed: z.array(z.object({ need: z.string(), people: z.number() })),
});
export type Report = z.output<typeof report>;
