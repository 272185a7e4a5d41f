import { z } from 'zod';
import {
  hostRequestStates,
  housingKinds,
  housingMisfits,
  MAX_BEDS,
  MAX_NIGHTS,
  MAX_OCCUPANCY_DAYS,
  stayStatuses,
} from '../../../shared/housing';
import { languageName } from '../../../shared/languages.schema';
import { MAX_COUNT } from '../../../shared/releases';
import { MAX_PHONE_INPUT, smsLanguages } from '../../../shared/sms';

const localDate = z.iso.date({ error: 'must be a date such as 2026-12-01' });

const siteFields = {
  name: z.string().trim().min(1).max(120),
  kind: z.enum(housingKinds),
  address: z.string().trim().max(300).optional(),
  beds: z.number().int().min(1).max(MAX_BEDS),
  familyFriendly: z.boolean().default(false),
  accessible: z.boolean().default(false),
  languages: z.array(languageName).max(20).default([]),
  contactName: z.string().trim().max(120).optional(),
  contactPhone: z.string().trim().min(3).max(MAX_PHONE_INPUT).optional(),
  contactLanguage: z.enum(smsLanguages).default('en'),
  /** ISO weekdays a stay may include; all when empty. */
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
  blackoutDates: z.array(localDate).max(366).default([]),
  active: z.boolean().default(true),
};

export const createHousingSiteBody = z.strictObject(siteFields);
export type CreateHousingSiteInput = z.output<typeof createHousingSiteBody>;

export const updateHousingSiteBody = z.strictObject({
  name: siteFields.name.optional(),
  kind: siteFields.kind.optional(),
  address: z.string().trim().max(300).nullable().optional(),
  beds: siteFields.beds.optional(),
  familyFriendly: z.boolean().optional(),
  accessible: z.boolean().optional(),
  languages: z.array(languageName).max(20).optional(),
  contactName: z.string().trim().max(120).nullable().optional(),
  contactPhone: z.string().trim().min(3).max(MAX_PHONE_INPUT).nullable().optional(),
  contactLanguage: z.enum(smsLanguages).optional(),
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
  blackoutDates: z.array(localDate).max(366).optional(),
  active: z.boolean().optional(),
});
export type UpdateHousingSiteInput = z.output<typeof updateHousingSiteBody>;

export const housingSite = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(housingKinds),
  /** Coordinators and admins only; null for everyone else. */
  address: z.string().nullable(),
  beds: z.number().int(),
  familyFriendly: z.boolean(),
  accessible: z.boolean(),
  languages: z.array(z.string()),
  contactName: z.string().nullable(),
  /** Coordinators and admins only; null for everyone else. */
  contactPhone: z.string().nullable(),
  contactLanguage: z.enum(smsLanguages),
  weekdays: z.array(z.number().int()),
  blackoutDates: z.array(z.string()),
  active: z.boolean(),
  freeTonight: z.number().int(),
  createdAt: z.string(),
});
export type HousingSite = z.output<typeof housingSite>;
export const housingSiteList = z.object({ items: z.array(housingSite) });

export const createStayBody = z.strictObject({
  housingSiteId: z.number().int().positive(),
  releaseId: z.number().int().positive(),
  people: z
    .number()
    .int()
    .min(1)
    .max(2 * MAX_COUNT),
  checkIn: localDate,
  nights: z.number().int().min(1).max(MAX_NIGHTS),
  guests: z.string().trim().max(300).optional(),
});
export type CreateStayInput = z.output<typeof createStayBody>;

export const extendStayBody = z.strictObject({ nights: z.number().int().min(1).max(MAX_NIGHTS) });
export const moveStayBody = z.strictObject({ housingSiteId: z.number().int().positive() });
export const checkoutBody = z.strictObject({ on: localDate.optional() }).optional();

export const stay = z.object({
  id: z.number().int(),
  housingSiteId: z.number().int(),
  housingSiteName: z.string(),
  releaseId: z.number().int(),
  releaseCode: z.string(),
  people: z.number().int(),
  checkIn: z.string(),
  nights: z.number().int(),
  /** The morning they leave: check-in plus nights, or the early check-out. */
  checkOut: z.string(),
  status: z.enum(stayStatuses),
  guests: z.string().nullable(),
  createdAt: z.string(),
});
export type Stay = z.output<typeof stay>;
export const stayList = z.object({
  items: z.array(stay),
  /** The network's date tonight: the board tells from it whose bed ends tomorrow morning. */
  tonight: z.string(),
});
export const stayQuery = z.object({ releaseId: z.coerce.number().int().positive().optional() });

export const occupancyQuery = z.object({
  from: localDate.optional(),
  days: z.coerce.number().int().min(1).max(MAX_OCCUPANCY_DAYS).default(15),
});
export const occupancy = z.object({
  from: z.string(),
  nights: z.array(z.string()),
  sites: z.array(
    z.object({
      housingSiteId: z.number().int(),
      name: z.string(),
      beds: z.number().int(),
      active: z.boolean(),
      /** People sleeping there each night, in the order of `nights`. */
      people: z.array(z.number().int()),
    }),
  ),
  total: z.object({ beds: z.number().int(), people: z.array(z.number().int()) }),
});
export type Occupancy = z.output<typeof occupancy>;

export const suggestionQuery = z.object({
  checkIn: localDate.optional(),
  nights: z.coerce.number().int().min(1).max(MAX_NIGHTS).default(1),
  people: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 * MAX_COUNT)
    .optional(),
  accessible: z.enum(['true', 'false']).optional(),
});
export const suggestion = z.object({
  housingSiteId: z.number().int(),
  name: z.string(),
  kind: z.enum(housingKinds),
  /** The fewest beds free over the nights asked. */
  freeBeds: z.number().int(),
  fits: z.boolean(),
  misfits: z.array(z.enum(housingMisfits)),
  rank: z.number().int().nullable(),
  why: z.string(),
});
export type Suggestion = z.output<typeof suggestion>;
export const suggestionList = z.object({
  checkIn: z.string(),
  nights: z.number().int(),
  people: z.number().int(),
  items: z.array(suggestion),
});

export const hostRequestBody = createStayBody.omit({ guests: true });
export const hostRequest = z.object({
  id: z.number().int(),
  housingSiteId: z.number().int(),
  releaseId: z.number().int(),
  people: z.number().int(),
  checkIn: z.string(),
  nights: z.number().int(),
  code: z.string(),
  state: z.enum(hostRequestStates),
  stayId: z.number().int().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type HostRequest = z.output<typeof hostRequest>;
export const hostRequestList = z.object({ items: z.array(hostRequest) });
