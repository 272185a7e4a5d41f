import { z } from 'zod';
import { languageName, MAX_PHONE_INPUT } from '../../../shared';
import {
  MAX_RESOURCE_BODY,
  MAX_RESOURCE_TITLE,
  resourceMimes,
  resourceTags,
  versionKinds,
} from '../../../shared/resources';

const localDate = z.iso.date({ error: 'must be a date such as 2026-12-01' });
const title = z.string().trim().min(1).max(MAX_RESOURCE_TITLE);
const tags = z
  .array(z.enum(resourceTags))
  .max(resourceTags.length)
  .transform((t) => [...new Set(t)]);

export const createResourceBody = z.strictObject({
  title,
  tags: tags.default([]),
  reviewBy: localDate.nullable().optional(),
  /** The user who keeps it up to date; whoever creates it when left out. */
  ownerId: z.number().int().positive().optional(),
});
export type CreateResourceInput = z.output<typeof createResourceBody>;

export const updateResourceBody = z.strictObject({
  title: title.optional(),
  tags: tags.optional(),
  reviewBy: localDate.nullable().optional(),
  ownerId: z.number().int().positive().nullable().optional(),
});
export type UpdateResourceInput = z.output<typeof updateResourceBody>;

export const listQuery = z.strictObject({ tag: z.enum(resourceTags).optional() });

/** Plain base64, as FileReader gives it after the `data:…;base64,` prefix. */
const base64 = z
  .string()
  .min(4)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be the file in base64');

export const versionBody = z
  .strictObject({
    language: languageName,
    body: z.string().trim().min(1).max(MAX_RESOURCE_BODY).optional(),
    file: base64.optional(),
    fileName: z.string().trim().min(1).max(120).optional(),
  })
  .refine((v) => (v.body === undefined) !== (v.file === undefined), {
    message: 'give either body (text) or file (a PDF or image), not both',
    path: ['body'],
  });
export type VersionInput = z.output<typeof versionBody>;

export const languageParams = z.object({ id: z.coerce.number().int().positive(), language: languageName });

export const version = z.object({
  language: z.string(),
  kind: z.enum(versionKinds),
  /** The text, for text versions. */
  body: z.string().nullable(),
  mime: z.enum(resourceMimes).nullable(),
  fileName: z.string().nullable(),
  bytes: z.number().int(),
  updatedAt: z.string(),
});
export type Version = z.infer<typeof version>;

export const resource = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  tags: z.array(z.enum(resourceTags)),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  reviewBy: z.string().nullable(),
  /** Its review-by date has passed, on the network's today. */
  stale: z.boolean(),
  /** The public link, to share with anyone; `?lang=` picks the language. */
  url: z.string(),
  versions: z.array(version),
  updatedAt: z.string(),
});
export type Resource = z.infer<typeof resource>;

export const resourceList = z.object({ today: z.string(), items: z.array(resource) });
export type ResourceList = z.infer<typeof resourceList>;

/** What a volunteer's phone keeps to show a sheet and its QR code with no signal. */
export const offlineLibrary = z.object({
  savedAt: z.string(),
  items: z.array(
    resource.extend({
      qr: z.record(z.string(), z.string()),
      /** Versions whose file is small enough to keep on the phone, by language. */
      files: z.record(z.string(), z.string()),
    }),
  ),
});
export type OfflineLibrary = z.infer<typeof offlineLibrary>;

export const sendBody = z.strictObject({
  to: z.string().trim().min(3).max(MAX_PHONE_INPUT),
  language: languageName,
  /** The release it is shared with: its matching needs are ticked. */
  releaseId: z.number().int().positive().optional(),
});
export const sendResult = z.object({ smsId: z.number().int(), language: z.string(), url: z.string() });

export const coverage = z.object({
  days: z.number().int(),
  since: z.string(),
  releases: z.number().int(),
  /** The languages releases needed, with how many releases needed each, most needed first. */
  languages: z.array(z.object({ language: z.string(), releases: z.number().int() })),
  resources: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      tags: z.array(z.enum(resourceTags)),
      missing: z.array(z.object({ language: z.string(), releases: z.number().int() })),
    }),
  ),
});
export type Coverage = z.infer<typeof coverage>;

export const bundleItem = z.object({
  id: z.number().int(),
  title: z.string(),
  tags: z.array(z.enum(resourceTags)),
  /** Meets one of the release's needs (health → covid_guidance, legal → legal_orientation). */
  suggested: z.boolean(),
  sheets: z.array(z.object({ wanted: z.string(), served: z.string(), url: z.string(), qr: z.string() })),
});
export const releaseBundle = z.object({
  releaseId: z.number().int(),
  code: z.string(),
  languages: z.array(z.string()),
  items: z.array(bundleItem),
});
export type ReleaseBundle = z.infer<typeof releaseBundle>;

export const shareBody = z.strictObject({
  resourceIds: z.array(z.number().int().positive()).min(1).max(100),
  how: z.enum(['printed', 'shown']).default('printed'),
});
export const shareResult = z.object({ needsMet: z.array(z.string()) });
