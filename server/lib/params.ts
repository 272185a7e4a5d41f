import { z } from 'zod';

/** `:id` in a route's path: a positive integer (the inputs plugin refuses any other spelling first). */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The first language tag of an Accept-Language header ("es-MX,es;q=0.9" → "es-MX"); '' when none. */
export function firstAcceptedLanguage(header: string | undefined): string {
  return (header ?? '').split(',')[0]?.split(';')[0]?.trim() ?? '';
}
