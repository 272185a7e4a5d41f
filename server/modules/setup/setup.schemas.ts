import { z } from 'zod';
import { email, password, personName } from '../users/users.schemas';

export const setupBody = z.object({ token: z.string().min(1).max(200), email, name: personName, password });
export type SetupBody = z.input<typeof setupBody>;

export const setupNeeded = z.object({ needed: z.boolean() });
export type SetupNeeded = z.output<typeof setupNeeded>;
