import { z } from 'zod';

const id = z.coerce.number().int().positive();

export const auditQuery = z.object({
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  entityId: id.optional(),
  userId: id.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditLine = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.output<typeof auditLine>;

export const auditPage = z.object({ items: z.array(auditLine), nextBefore: z.number().int().nullable() });
export type AuditPage = z.output<typeof auditPage>;
