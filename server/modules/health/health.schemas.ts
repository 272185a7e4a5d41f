import { z } from 'zod';

export const health = z.object({
  ok: z.boolean(),
  db: z.enum(['ok', 'error']),
  sms: z.enum(['ok', 'degraded']),
  smsDriver: z.enum(['console', 'twilio']),
});
export type Health = z.output<typeof health>;
