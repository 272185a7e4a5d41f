import { z } from 'zod';
import {
  BIDI_CONTROLS,
  hasControlChars,
  languageName,
  MAX_LANGUAGES,
  MAX_NAME,
  screeningStates,
  smsLanguages,
  volunteerSkills,
} from '../../../shared';

const volunteerFields = z.object({
  // CSV imports skip the JSON body check (server/plugins/inputs.ts), so the name carries it too.
  name: z
    .string()
    .trim()
    .min(1)
    .max(MAX_NAME)
    .refine((v) => !hasControlChars(v) && !BIDI_CONTROLS.test(v), 'must not contain control characters'),
  phone: z.string().trim().min(3).max(40),
  languages: z.array(languageName).max(MAX_LANGUAGES),
  skills: z.array(z.enum(volunteerSkills)).max(volunteerSkills.length),
  highRisk: z.boolean(),
  active: z.boolean(),
  smsLanguage: z.enum(smsLanguages),
});

export const volunteerInput = volunteerFields.extend({
  languages: volunteerFields.shape.languages.default([]),
  skills: volunteerFields.shape.skills.default([]),
  highRisk: volunteerFields.shape.highRisk.default(false),
  active: volunteerFields.shape.active.default(true),
  smsLanguage: volunteerFields.shape.smsLanguage.default('en'),
});
export type VolunteerInput = z.infer<typeof volunteerInput>;
export type VolunteerBody = z.input<typeof volunteerInput>;

// Built without the defaults: zod fills a default in even where .partial() made the field optional,
// so a patch would put every field it did not send back to its default.
export const volunteerPatch = volunteerFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type VolunteerPatch = z.infer<typeof volunteerPatch>;
export type VolunteerPatchBody = z.input<typeof volunteerPatch>;

export const screeningState = z.object({
  state: z.enum(screeningStates),
  until: z.string().nullable(),
  lastScreenedAt: z.string().nullable(),
});
export type ScreeningState = z.output<typeof screeningState>;

export const volunteer = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string(),
  languages: z.array(z.string()),
  skills: z.array(z.enum(volunteerSkills)),
  highRisk: z.boolean(),
  active: z.boolean(),
  smsLanguage: z.enum(smsLanguages),
  optedOut: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Volunteer = z.infer<typeof volunteer>;

/** `phone` is masked and `screening` null for roles without need-to-know (shared/roles.ts). */
export const volunteerDetail = volunteer.extend({ screening: screeningState.nullable() });
export type VolunteerDetail = z.output<typeof volunteerDetail>;

export const volunteerList = z.object({ items: z.array(volunteerDetail) });

/** Counts only, for the overview: no one's name, number or health in them. */
export const volunteerCounts = z.object({
  active: z.number().int(),
  /** Active, not opted out and not isolating: who a dispatch may text tonight. */
  available: z.number().int(),
});
export type VolunteerCounts = z.output<typeof volunteerCounts>;
export type VolunteerList = z.output<typeof volunteerList>;

export const volunteerQuery = z.object({
  q: z.string().trim().max(120).optional(),
  language: z.string().trim().max(40).optional(),
  skill: z.enum(volunteerSkills).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const rosterQuery = volunteerQuery.extend({ screening: z.enum(screeningStates).optional() });
export type RosterQuery = z.input<typeof rosterQuery>;

export const importRow = z.discriminatedUnion('status', [
  z.object({ row: z.number().int(), status: z.literal('added'), id: z.number().int(), name: z.string() }),
  z.object({ row: z.number().int(), status: z.literal('updated'), id: z.number().int(), name: z.string() }),
  z.object({ row: z.number().int(), status: z.literal('skipped'), id: z.number().int(), name: z.string() }),
  z.object({
    row: z.number().int(),
    status: z.literal('refused'),
    name: z.string().nullable(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })),
  }),
]);
/** What a row whose phone is already on the roster does: update that volunteer, or leave them be. */
export const importQuery = z.object({ existing: z.enum(['update', 'skip']).default('update') });
export type ImportExisting = z.output<typeof importQuery>['existing'];

export const importReport = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  refused: z.number().int(),
  rows: z.array(importRow),
});
export type ImportReport = z.infer<typeof importReport>;
export type ImportRow = z.output<typeof importRow>;
