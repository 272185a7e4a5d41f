import { z } from 'zod';
import { MAX_NAME, roles, smsLanguages } from '../../../shared';
import { alertKinds } from '../../../shared/supplies';
import { passwordProblem } from '../../lib/password-policy';

export const email = z
  .email({ error: 'must be an email address' })
  .max(254)
  .transform((v) => v.trim().toLowerCase());
/** Length and not a common password; bodies that carry the email also refuse it (withPasswordRules). */
export const password = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** The password may not be the account's email; runs once every field is valid. */
export function passwordNotEmail(v: { email: string; password: string }, ctx: z.RefinementCtx): void {
  // The field's own check has spoken when the password fails without the email.
  if (typeof v.password !== 'string' || passwordProblem(v.password)) return;
  const problem = passwordProblem(v.password, v.email);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
}
export const personName = z.string().trim().min(1).max(MAX_NAME);

export const user = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  phone: z.string().nullable(),
  smsLanguage: z.enum(smsLanguages),
  /** Alerts texted to this user's phone (stock running low…). */
  alerts: z.array(z.enum(alertKinds)),
  disabled: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type User = z.infer<typeof user>;

const phone = z.string().trim().min(3).max(40);

export const createUserBody = z
  .object({
    email,
    name: personName,
    password,
    role: z.enum(roles),
    phone: phone.optional(),
    smsLanguage: z.enum(smsLanguages).default('en'),
  })
  .superRefine(passwordNotEmail);
export const setPasswordBody = z.object({ next: z.string().max(256) });
export type SetPasswordBody = z.input<typeof setPasswordBody>;

export type CreateUserInput = z.input<typeof createUserBody>;

export const userList = z.object({ items: z.array(user) });
export type UserList = z.output<typeof userList>;

export const updateUserBody = z
  .object({
    name: personName,
    role: z.enum(roles),
    phone: phone.nullable(),
    smsLanguage: z.enum(smsLanguages),
    alerts: z.array(z.enum(alertKinds)).max(alertKinds.length),
    disabled: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type UpdateUserInput = z.infer<typeof updateUserBody>;
export type UpdateUserBody = z.input<typeof updateUserBody>;

export const userParams = z.object({ id: z.coerce.number().int().positive() });
