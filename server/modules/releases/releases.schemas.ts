import { z } from 'zod';
import { releaseNeeds, releaseStatuses } from '../../../shared';
import { languageName } from '../../../shared/languages';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO date-time with offset' });

/** The most adults, or children, one release may count, whether logged on the web or by text. */
export const MAX_COUNT = 500;

export const createReleaseBody = z.strictObject({
  siteId: z.number().int().positive(),
  releasedAt: instant.optional(),
  expectedAt: instant.optional(),
  adults: z.number().int().min(0).max(MAX_COUNT),
  children: z.number().int().min(0).max(MAX_COUNT),
  languages: z.array(languageName).max(20).default([]),
  needs: z.array(z.enum(releaseNeeds)).max(releaseNeeds.length).default([]),
  destination: z.string().trim().max(120).optional(),
  travelDate: z.iso.date().optional(),
  /** Never names, ID or A-numbers, nationality or case details: the dashboard says so beside the field. */
  notes: z.string().trim().max(1000).optional(),
});
export type CreateReleaseInput = z.infer<typeof createReleaseBody>;

export const statusBody = z.object({
  status: z.enum(releaseStatuses),
  note: z.string().trim().max(500).optional(),
});
export const needsBody = z.object({ met: z.array(z.enum(releaseNeeds)).max(releaseNeeds.length) });

export const timelineEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  kind: z.enum(['created', 'status', 'needs', 'acknowledged', 'purged']),
  fromStatus: z.enum(releaseStatuses).nullable(),
  toStatus: z.enum(releaseStatuses).nullable(),
  note: z.string().nullable(),
});

export const release = z.object({
  id: z.number().int(),
  code: z.string(),
  siteId: z.number().int(),
  siteName: z.string(),
  status: z.enum(releaseStatuses),
  expectedAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  metAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  adults: z.number().int(),
  children: z.number().int(),
  people: z.number().int(),
  languages: z.array(z.string()),
  needs: z.array(z.enum(releaseNeeds)),
  needsMet: z.array(z.enum(releaseNeeds)),
  needsOutstanding: z.array(z.enum(releaseNeeds)),
  destination: z.string().nullable(),
  travelDate: z.string().nullable(),
  notes: z.string().nullable(),
  source: z.enum(['web', 'sms']),
  acknowledged: z.boolean(),
  purged: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Release = z.infer<typeof release>;

export const releaseDetail = release.extend({ timeline: z.array(timelineEntry) });

export const listQuery = z.object({ status: z.enum(['open', 'closed', 'all']).default('open') });
