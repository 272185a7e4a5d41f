import { z } from 'zod';
import {
  languageName,
  MAX_COUNT,
  MAX_DESTINATION,
  MAX_LANGUAGES,
  MAX_NOTES,
  MAX_STATUS_NOTE,
  releaseListFilters,
  releaseNeeds,
  releaseSources,
  releaseStatuses,
} from '../../../shared';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO date-time with offset' });

export { MAX_COUNT };

export const createReleaseBody = z.strictObject({
  siteId: z.number().int().positive(),
  releasedAt: instant.optional(),
  expectedAt: instant.optional(),
  adults: z.number().int().min(0).max(MAX_COUNT),
  children: z.number().int().min(0).max(MAX_COUNT),
  languages: z.array(languageName).max(MAX_LANGUAGES).default([]),
  needs: z.array(z.enum(releaseNeeds)).max(releaseNeeds.length).default([]),
  destination: z.string().trim().max(MAX_DESTINATION).optional(),
  travelDate: z.iso.date().optional(),
  /** Never names, ID or A-numbers, nationality or case details: the dashboard says so beside the field. */
  notes: z.string().trim().max(MAX_NOTES).optional(),
});
export type CreateReleaseInput = z.infer<typeof createReleaseBody>;
export type CreateReleaseBody = z.input<typeof createReleaseBody>;

/** What can be corrected after logging; an empty destination or notes clears it. */
export const releasePatch = z.strictObject({
  adults: createReleaseBody.shape.adults.optional(),
  children: createReleaseBody.shape.children.optional(),
  languages: z.array(languageName).max(MAX_LANGUAGES).optional(),
  needs: z.array(z.enum(releaseNeeds)).max(releaseNeeds.length).optional(),
  destination: createReleaseBody.shape.destination,
  travelDate: z.iso.date().nullable().optional(),
  expectedAt: instant.optional(),
  notes: createReleaseBody.shape.notes,
});
export type ReleasePatch = z.infer<typeof releasePatch>;
export type ReleasePatchBody = z.input<typeof releasePatch>;

export const statusBody = z.object({
  status: z.enum(releaseStatuses),
  note: z.string().trim().max(MAX_STATUS_NOTE).optional(),
});
export type StatusBody = z.input<typeof statusBody>;

export const needsBody = z.object({ met: z.array(z.enum(releaseNeeds)).max(releaseNeeds.length) });
export type NeedsBody = z.input<typeof needsBody>;

export const timelineEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** The volunteer who acted has since been erased; `actor` is then empty. */
  actorErased: z.boolean(),
  kind: z.enum(['created', 'status', 'needs', 'acknowledged', 'edited', 'purged']),
  fromStatus: z.enum(releaseStatuses).nullable(),
  toStatus: z.enum(releaseStatuses).nullable(),
  note: z.string().nullable(),
});
export type TimelineEntry = z.output<typeof timelineEntry>;

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
  source: z.enum(releaseSources),
  acknowledged: z.boolean(),
  purged: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Release = z.infer<typeof release>;

export const releaseDetail = release.extend({ timeline: z.array(timelineEntry) });
export type ReleaseDetail = z.output<typeof releaseDetail>;

export const releaseList = z.object({ items: z.array(release) });
export type ReleaseList = z.output<typeof releaseList>;

/** History is searched by code ("0427" finds R-0427), site and the local day it was logged. */
export const listQuery = z.object({
  status: z.enum(releaseListFilters).default('open'),
  q: z.string().trim().max(40).optional(),
  siteId: z.coerce.number().int().positive().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ReleaseSearch = z.output<typeof listQuery>;
export type ReleaseListQuery = z.input<typeof listQuery>;

/** The network's choices the dashboard follows, set by whoever runs it. */
export const networkSettings = z.object({
  /** Whether the intake form's "text volunteers now" starts ticked (DISPATCH_ON_LOG). */
  dispatchOnLog: z.boolean(),
});
export type NetworkSettings = z.output<typeof networkSettings>;
