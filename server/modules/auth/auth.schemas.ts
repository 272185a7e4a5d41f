import { z } from 'zod';
import { roles } from '../../../shared';

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(256),
});

export const authUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
});
export const userEnvelope = z.object({ user: authUser });
