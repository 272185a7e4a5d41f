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

export const site = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(siteKinds),
  address: z.string().nullable(),
  smsKeyword: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Site = z.infer<typeof site>;

export const siteList = z.object({ items: z.array(site) });
export type SiteList = z.output<typeof siteList>;
