import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adminsOnly } from '../../access';
import { listAudit } from '../../infra/audit.repo';
import { toIso } from '../../lib/time';
import type { UsersService } from '../users/users.service';
import { auditPage, auditQuery } from './audit.schemas';

export const auditRoutes = (users: Pick<UsersService, 'namesById'>) => async (app: FastifyInstance) => {
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
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = listAudit(db, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      const names = users.namesById(db, true);
      const items = rows.map((row) => ({
        ...row,
        at: toIso(row.at, config.NETWORK_TZ),
        actor: (row.userId !== null && names.get(row.userId)) || row.actor,
      }));
      const last = rows.at(-1);
      return { items, nextBefore: rows.length === q.limit && last ? last.id : null };
    },
  );
};
