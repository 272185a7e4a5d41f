import { z } from 'zod';
import { siteKinds } from '../../../shared';

export const smsKeyword = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{2,20}$/, 'must be 2-20 letters or digits, no spaces')
  .transform((v) => v.toUpperCase());

export const createSiteBody = z.object({
  name: z.string().trim().min(1).max(120),
  kind: z.enum(siteKinds),
  address: z.string().trim().max(300).optional(),
  smsKeyword: smsKeyword.optional(),
});
export type CreateSiteInput = z.infer<typeof createSiteBody>;
export type CreateSiteBody = z.input<typeof createSiteBody>;

/** Rename or correct a site; `archived: false` brings an archived one back; an empty keyword clears it. */
export const sitePatch = z
  .strictObject({
    name: createSiteBody.shape.name,
    kind: createSiteBody.shape.kind,
    address: createSiteBody.shape.address,
    smsKeyword: z.union([smsKeyword, z.literal('')]).nullable(),
    archived: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type SitePatch = z.infer<typeof sitePatch>;
export type SitePatchBody = z.input<typeof sitePatch>;

export const siteListQuery = z.object({ archived: z.enum(['true', 'false']).optional() });

export const siteRemoved = z.object({ deleted: z.boolean(), archived: z.boolean() });

export const site = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(siteKinds),
  address: z.string().nullable(),
  smsKeyword: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Site = z.infer<typeof site>;

export const siteList = z.object({ items: z.array(site) });
export type SiteList = z.output<typeof siteList>;
