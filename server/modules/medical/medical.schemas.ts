import { z } from 'zod';
import { languageName } from '../../../shared/languages.schema';
import {
  handoffs,
  MAX_PAGE_REASON,
  medicalRoles,
  pageEventKinds,
  pageLevels,
  pageStatuses,
  scheduleLayers,
} from '../../../shared/medical';
import { MAX_PHONE_INPUT, smsLanguages } from '../../../shared/sms';

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO date-time with offset' });

export const createContactBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  phone: z.string().trim().min(3).max(MAX_PHONE_INPUT),
  role: z.enum(medicalRoles),
  languages: z.array(languageName).max(20).default([]),
  smsLanguage: z.enum(smsLanguages).default('en'),
  active: z.boolean().default(true),
});
export type CreateContactInput = z.output<typeof createContactBody>;
export const updateContactBody = createContactBody.partial();

export const contact = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Medical staff, coordinators and admins only; null for viewers. */
  phone: z.string().nullable(),
  role: z.enum(medicalRoles),
  languages: z.array(z.string()),
  smsLanguage: z.enum(smsLanguages),
  active: z.boolean(),
});
export type Contact = z.output<typeof contact>;
export const contactList = z.object({ items: z.array(contact) });

export const createScheduleBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  layer: z.enum(scheduleLayers),
  participants: z.array(z.number().int().positive()).min(1).max(50),
  handoff: z.enum(handoffs),
  handoffTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 08:00'),
  startsOn: z.iso.date({ error: 'must be a date such as 2026-12-01' }),
});
export type CreateScheduleInput = z.output<typeof createScheduleBody>;

export const overrideBody = z.strictObject({
  contactId: z.number().int().positive(),
  startsAt: instant,
  endsAt: instant,
});

const override = z.object({
  id: z.number().int(),
  contactId: z.number().int(),
  contactName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export const schedule = z.object({
  id: z.number().int(),
  name: z.string(),
  layer: z.enum(scheduleLayers),
  participants: z.array(z.object({ contactId: z.number().int(), name: z.string() })),
  handoff: z.enum(handoffs),
  handoffTime: z.string(),
  startsOn: z.string(),
  active: z.boolean(),
  overrides: z.array(override),
});
export type Schedule = z.output<typeof schedule>;
export const scheduleList = z.object({
  items: z.array(schedule),
  /** Stretches of the next 14 days with nobody on primary call. */
  gaps: z.array(z.object({ from: z.string(), to: z.string() })),
});

const onCallPerson = z
  .object({
    contactId: z.number().int(),
    name: z.string(),
    phone: z.string().nullable(),
    until: z.string(),
    override: z.boolean(),
    next: z.object({ contactId: z.number().int(), name: z.string() }).nullable(),
  })
  .nullable();
export const onCall = z.object({ at: z.string(), primary: onCallPerson, backup: onCallPerson });
export type OnCall = z.output<typeof onCall>;
export const onCallQuery = z.object({ at: instant.optional() });

export const createPageBody = z.strictObject({
  releaseId: z.number().int().positive().optional(),
  /** A short reason, never a diagnosis: "adult with fever", "child needs insulin". */
  reason: z.string().trim().min(3).max(MAX_PAGE_REASON),
});
export const pageEvent = z.object({
  at: z.string(),
  kind: z.enum(pageEventKinds),
  level: z.enum(pageLevels).nullable(),
  contactName: z.string().nullable(),
  actor: z.string(),
  note: z.string().nullable(),
});
export const page = z.object({
  id: z.number().int(),
  releaseId: z.number().int().nullable(),
  releaseCode: z.string().nullable(),
  reason: z.string(),
  code: z.string(),
  status: z.enum(pageStatuses),
  level: z.enum(pageLevels),
  acknowledgedBy: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  timeline: z.array(pageEvent),
});
export type Page = z.output<typeof page>;
export const pageList = z.object({ items: z.array(page) });
export const pageListQuery = z.object({ open: z.enum(['true', 'false']).optional() });
