import { z } from 'zod';
import { roles } from '../../../db/schema';

export const email = z
  .email({ error: 'must be an email address' })
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const password = z.string().min(10, 'must be at least 10 characters').max(256);
export const personName = z.string().trim().min(1).max(120);

export const user = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  createdAt: z.iso.datetime({ offset: true }),
});
export type User = z.infer<typeof user>;

export const createUserBody = z.object({
  email,
  name: personName,
  password,
  role: z.enum(roles),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const userList = z.object({ items: z.array(user) });
