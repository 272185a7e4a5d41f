import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminsOnly } from '../../access';
import { toIso } from '../../lib/time';
import { listUsers } from '../users/users.repo';
import { listAudit } from './audit.repo';

const id = z.coerce.number().int().positive();
const auditQuery = z.object({
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  entityId: id.optional(),
  userId: id.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const auditLine = z.object({
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

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app.core;
  r.get(
    '/api/audit',
    {
      config: { access: adminsOnly },
      schema: {
        tags: ['audit'],
        summary: 'Every state change, newest first; page with `before`',
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditLine), nextBefore: z.number().int().nullable() }) },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = listAudit(db, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      const names = new Map(listUsers(db).map((u) => [u.id, `${u.name} <${u.email}>`]));
      const items = rows.map((row) => ({
        ...row,
        at: toIso(row.at, config.NETWORK_TZ),
        actor: (row.userId !== null && names.get(row.userId)) || row.actor,
      }));
      const last = rows.at(-1);
      return { items, nextBefore: rows.length === q.limit && last ? last.id : null };
    },
  );
}
