import { z } from 'zod';
import { MAX_NAME, roles, smsLanguages } from '../../../shared';

export const email = z
  .email({ error: 'must be an email address' })
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const password = z.string().min(10, 'must be at least 10 characters').max(256);
export const personName = z.string().trim().min(1).max(MAX_NAME);

export const user = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  phone: z.string().nullable(),
  smsLanguage: z.enum(smsLanguages),
  disabled: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type User = z.infer<typeof user>;

const phone = z.string().trim().min(3).max(40);

export const createUserBody = z.object({
  email,
  name: personName,
  password,
  role: z.enum(roles),
  phone: phone.optional(),
  smsLanguage: z.enum(smsLanguages).default('en'),
});
export type CreateUserInput = z.input<typeof createUserBody>;

export const userList = z.object({ items: z.array(user) });
export type UserList = z.output<typeof userList>;

export const updateUserBody = z
  .object({
    name: personName,
    role: z.enum(roles),
    phone: phone.nullable(),
    smsLanguage: z.enum(smsLanguages),
    disabled: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field');
export type UpdateUserInput = z.infer<typeof updateUserBody>;
export type UpdateUserBody = z.input<typeof updateUserBody>;

export const userParams = z.object({ id: z.coerce.number().int().positive() });
