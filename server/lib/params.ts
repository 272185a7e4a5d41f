import { z } from 'zod';

/** `:id` in a route's path: a positive integer (the inputs plugin refuses any other spelling first). */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
