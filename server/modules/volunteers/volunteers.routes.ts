import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../../shared/roles';
import { anyRole, mayFilterBy, operators, phoneFor, reads, shownTo } from '../../access';
import { ValidationError } from '../../errors';
import { idParams } from '../../lib/params';
import { asBuilt } from '../../lib/serialize';
import { actorOf } from '../../plugins/auth';
import { RosterAnswers, takesGzip } from './volunteers.answers';
import { importVolunteers } from './volunteers.import';
import {
  importQuery,
  importReport,
  rosterQuery,
  volunteerCounts,
  volunteerDetail,
  volunteerInput,
  volunteerList,
  volunteerPatch,
} from './volunteers.schemas';
import type { VolunteersService } from './volunteers.service';

/** What this role may read of a volunteer. */
export function volunteerFor<T extends { phone: string; screening: unknown }>(role: Role, v: T): T {
  return { ...v, phone: phoneFor(role, v.phone), screening: shownTo(role, 'health', v.screening) };
}

/** When the first clear screen in the list runs out, changing that volunteer's state by itself. */
function firstExpiry(items: { screening: { state: string; until: string | null } }[]): number {
  let first = Number.POSITIVE_INFINITY;
  for (const v of items) {
    if (v.screening.state === 'clear' && v.screening.until)
      first = Math.min(first, Date.parse(v.screening.until));
  }
  return first;
}

export function volunteersRoutes(service: VolunteersService) {
  const answers = new RosterAnswers();
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );

    r.post(
      '/api/volunteers',
      {
        config: { access: operators },
        schema: {
          tags: ['volunteers'],
          summary: 'Add a volunteer',
          body: volunteerInput,
          response: { 201: volunteerDetail },
        },
      },
      async (request, reply) => reply.status(201).send(service.create(actorOf(request), request.body)),
    );

    r.get(
      '/api/volunteers',
      {
        config: { access: anyRole },
        serializerCompiler: asBuilt,
        schema: {
          tags: ['volunteers'],
          summary: 'The roster, with each volunteer screening state',
          querystring: rosterQuery,
          response: { 200: volunteerList },
        },
      },
      async (request, reply) => {
        const role = request.user!.role;
        const { active, screening: state, ...q } = request.query;
        mayFilterBy(role, 'health', 'querystring.screening', state !== undefined);
        const list = () =>
          service
            .list(
              { ...q, active: active === undefined ? undefined : active === 'true' },
              reads(role, 'phone'),
            )
            .filter((v) => !state || v.screening.state === state);
        const whole = Object.values(request.query).every((v) => v === undefined || v === '');
        if (!whole || !takesGzip(request.headers['accept-encoding'])) {
          return { items: list().map((v) => volunteerFor(role, v)) };
        }
        const { db, clock } = app.core;
        const inputs = { version: service.rosterVersion(db), optedOut: service.optedOutPhones(db) };
        const body = answers.gzipFor(role, inputs, clock.now().getTime(), () => {
          const items = list();
          const json = JSON.stringify({ items: items.map((v) => volunteerFor(role, v)) });
          return { json, until: firstExpiry(items) };
        });
        return (
          reply
            .header('content-type', 'application/json; charset=utf-8')
            .header('content-encoding', 'gzip')
            .header('vary', 'accept-encoding')
            // Already written from the schema's own shape (above), and compressed: sent as the bytes they are.
            .send(body as never)
        );
      },
    );

    r.get(
      '/api/volunteers/counts',
      {
        config: { access: anyRole },
        schema: {
          tags: ['volunteers'],
          summary: 'How many volunteers are active and available, without the roster',
          response: { 200: volunteerCounts },
        },
      },
      async () => service.counts(),
    );

    r.get(
      '/api/volunteers/:id',
      {
        config: { access: anyRole },
        schema: {
          tags: ['volunteers'],
          summary: 'One volunteer',
          params: idParams,
          response: { 200: volunteerDetail },
        },
      },
      async (request) => volunteerFor(request.user!.role, service.get(request.params.id)),
    );

    r.patch(
      '/api/volunteers/:id',
      {
        config: { access: operators },
        schema: {
          tags: ['volunteers'],
          summary: 'Change a volunteer (pause with active: false)',
          params: idParams,
          body: volunteerPatch,
          response: { 200: volunteerDetail },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );

    r.delete(
      '/api/volunteers/:id',
      {
        config: { access: operators },
        schema: {
          tags: ['volunteers'],
          summary: 'Erase a volunteer: name, phone and health screens go; anonymous counts stay',
          params: idParams,
          response: { 200: z.object({ id: z.number().int(), erased: z.literal(true) }) },
        },
      },
      async (request) => service.erase(actorOf(request), request.params.id),
    );

    r.post(
      '/api/volunteers/import',
      {
        config: { access: operators },
        schema: {
          tags: ['volunteers'],
          summary:
            'Import a roster from CSV (text/csv; header row with name, phone, languages, skills…); a known phone is updated, or skipped with existing=skip',
          querystring: importQuery,
          response: { 200: importReport },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string') {
          throw new ValidationError([{ path: 'body', message: 'must be CSV sent as text/csv' }]);
        }
        return importVolunteers(service, actorOf(request), request.body, request.query.existing);
      },
    );
  };
}
