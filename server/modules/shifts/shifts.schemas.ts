import { z } from 'zod';
import { MAX_SHIFT_NEEDED, MAX_SHIFT_ROLE, screeningStates } from '../../../shared';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm');
const localOrInstant = z.string().trim().min(10).max(40);

export const createShiftBody = z.object({
  siteId: z.number().int().positive(),
  startsAt: localOrInstant,
  endsAt: localOrInstant,
  role: z.string().trim().min(1).max(MAX_SHIFT_ROLE).optional(),
  needed: z.number().int().min(1).max(MAX_SHIFT_NEEDED),
});
export type CreateShiftInput = z.infer<typeof createShiftBody>;
export type CreateShiftBody = z.input<typeof createShiftBody>;

/** A one-off shift's times, place count or role; its volunteers are told when it moves. */
export const shiftPatch = z
  .strictObject({
    startsAt: localOrInstant,
    endsAt: localOrInstant,
    role: z.string().trim().min(1).max(MAX_SHIFT_ROLE).nullable(),
    needed: z.number().int().min(1).max(MAX_SHIFT_NEEDED),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type ShiftPatch = z.infer<typeof shiftPatch>;
export type ShiftPatchBody = z.input<typeof shiftPatch>;

export const templateBody = z.object({
  siteId: z.number().int().positive(),
  weekday: z.number().int().min(1).max(7),
  startTime: hhmm,
  endTime: hhmm,
  role: z.string().trim().min(1).max(MAX_SHIFT_ROLE).optional(),
  needed: z.number().int().min(1).max(MAX_SHIFT_NEEDED),
});
export type TemplateInput = z.infer<typeof templateBody>;
export type TemplateBody = z.input<typeof templateBody>;

export const template = templateBody.extend({
  id: z.number().int(),
  role: z.string().nullable(),
  active: z.boolean(),
});
export type ShiftTemplate = z.output<typeof template>;

export const templateList = z.object({ items: z.array(template) });
export type TemplateList = z.output<typeof templateList>;

export const templatePatch = z
  .object({
    active: z.boolean(),
    needed: z.number().int().min(1).max(MAX_SHIFT_NEEDED),
    role: z.string().trim().min(1).max(MAX_SHIFT_ROLE).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type TemplatePatch = z.input<typeof templatePatch>;

export const signupBody = z.object({ volunteerId: z.number().int().positive() });
export type SignupBody = z.input<typeof signupBody>;

export const signup = z.object({
  volunteerId: z.number().int(),
  name: z.string(),
  source: z.enum(['web', 'sms']),
  /** Isolating volunteers stay listed but don't count: their place is a gap. Null (with `screening`)
   * for roles that may not read health states. */
  counts: z.boolean().nullable(),
  screening: z.enum(screeningStates).nullable(),
});

export const shift = z.object({
  id: z.number().int(),
  siteId: z.number().int(),
  siteName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  date: z.string(),
  role: z.string().nullable(),
  needed: z.number().int(),
  filled: z.number().int(),
  gap: z.boolean(),
  templateId: z.number().int().nullable(),
  signups: z.array(signup),
});
export type Shift = z.infer<typeof shift>;
export type Signup = z.output<typeof signup>;

export const shiftList = z.object({ items: z.array(shift) });
export type ShiftList = z.output<typeof shiftList>;

export const shiftsQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type ShiftsQuery = z.input<typeof shiftsQuery>;

export const coverageQuery = z.object({
  from: z.iso.date().optional(),
  days: z.coerce.number().int().min(1).max(62).default(14),
});
export type CoverageQuery = z.input<typeof coverageQuery>;

export const coverage = z.object({
  days: z.array(
    z.object({
      date: z.string(),
      needed: z.number().int(),
      filled: z.number().int(),
      gaps: z.number().int(),
      shifts: z.array(shift),
    }),
  ),
});
export type Coverage = z.output<typeof coverage>;
export type CoverageDay = Coverage['days'][number];
