import { z } from 'zod';
import { roles } from '../../../shared';

export const loginBody = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.input<typeof loginBody>;

export const changePasswordBody = z.object({
  current: z.string().min(1).max(256),
  next: z.string().max(256),
});
export type ChangePasswordBody = z.input<typeof changePasswordBody>;

export const authUser = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
});
export type AuthUser = z.output<typeof authUser>;
export const userEnvelope = z.object({ user: authUser });
export type UserEnvelope = z.output<typeof userEnvelope>;
