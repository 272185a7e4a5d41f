import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyRole, operators } from '../../access';
import { actorOf } from '../../plugins/auth';
import {
  coverage,
  coverageQuery,
  createShiftBody,
  shift,
  shiftList,
  shiftsQuery,
  signupBody,
  template,
  templateBody,
  templateList,
  templatePatch,
} from './shifts.schemas';
import type { ShiftsService } from './shifts.service';
import type { ShiftTemplates } from './shifts.templates';

const shiftParams = z.object({ id: z.coerce.number().int().positive() });
const signupParams = shiftParams.extend({ volunteerId: z.coerce.number().int().positive() });

export function shiftsRoutes(service: ShiftsService, templates: ShiftTemplates) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/shifts',
      {
        config: { access: operators },
        schema: {
          tags: ['shifts'],
          summary: 'Add a shift; times are local to NETWORK_TZ unless they carry an offset',
          body: createShiftBody,
          response: { 201: shift },
        },
      },
      async (request, reply) => reply.status(201).send(service.create(actorOf(request), request.body)),
    );

    r.get(
      '/api/shifts',
      {
        config: { access: anyRole },
        schema: {
          tags: ['shifts'],
          summary: 'Shifts between two local dates (default: the next 7 days), with signups',
          querystring: shiftsQuery,
          response: { 200: shiftList },
        },
      },
      async (request) => {
        const from = service.localDay(request.query.from);
        const to = request.query.to
          ? service.localDay(request.query.to).plus({ days: 1 })
          : from.plus({ days: 7 });
        return { items: service.list(from.toJSDate(), to.toJSDate()) };
      },
    );

    r.get(
      '/api/shifts/coverage',
      {
        config: { access: anyRole },
        schema: {
          tags: ['shifts'],
          summary: 'Places needed and filled per day; gaps to fill',
          querystring: coverageQuery,
          response: { 200: coverage },
        },
      },
      async (request) => service.coverage(request.query.from, request.query.days),
    );

    r.post(
      '/api/shifts/:id/signups',
      {
        config: { access: operators },
        schema: {
          tags: ['shifts'],
          summary: 'Sign a volunteer up',
          params: shiftParams,
          body: signupBody,
          response: { 201: shift },
        },
      },
      async (request, reply) =>
        reply.status(201).send(service.signUp(actorOf(request), request.params.id, request.body.volunteerId)),
    );

    r.delete(
      '/api/shifts/:id/signups/:volunteerId',
      {
        config: { access: operators },
        schema: {
          tags: ['shifts'],
          summary: 'Take a volunteer off a shift',
          params: signupParams,
          response: { 200: shift },
        },
      },
      async (request) => service.cancel(actorOf(request), request.params.id, request.params.volunteerId),
    );

    r.post(
      '/api/shifts/templates',
      {
        config: { access: operators },
        schema: {
          tags: ['shifts'],
          summary: 'A weekly recurring shift',
          body: templateBody,
          response: { 201: template },
        },
      },
      async (request, reply) => reply.status(201).send(templates.create(actorOf(request), request.body)),
    );

    r.patch(
      '/api/shifts/templates/:id',
      {
        config: { access: operators },
        schema: {
          tags: ['shifts'],
          summary: 'Pause or change a weekly shift (shifts already made stay)',
          params: shiftParams,
          body: templatePatch,
          response: { 200: template },
        },
      },
      async (request) => templates.update(actorOf(request), request.params.id, request.body),
    );

    r.get(
      '/api/shifts/templates',
      {
        config: { access: anyRole },
        schema: {
          tags: ['shifts'],
          summary: 'Weekly recurring shifts',
          response: { 200: templateList },
        },
      },
      async () => ({ items: templates.list() }),
    );
  };
}
