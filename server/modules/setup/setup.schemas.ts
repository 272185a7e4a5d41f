import { z } from 'zod';
import { email, password, passwordNotEmail, personName } from '../users/users.schemas';

export const setupBody = z
  .object({
    token: z.string().min(1).max(200),
    email,
    name: personName,
    password,
    /** The first admin is usually the lead volunteers call: their phone goes in every confirmation. */
    phone: z.string().trim().min(3).max(40).optional(),
  })
  .superRefine(passwordNotEmail);
export type SetupBody = z.input<typeof setupBody>;

export const setupNeeded = z.object({ needed: z.boolean() });
export type SetupNeeded = z.output<typeof setupNeeded>;
