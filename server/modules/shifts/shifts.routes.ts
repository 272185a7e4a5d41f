import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../../shared/roles';
import { anyRole, operators, reads } from '../../access';
import { actorOf } from '../../plugins/auth';
import {
  coverage,
  coverageQuery,
  createShiftBody,
  type Shift,
  shift,
  shiftList,
  shiftPatch,
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

/** Whether a signup counts tells that its volunteer is isolating: health data, kept from other roles. */
function shiftFor(role: Role, s: Shift): Shift {
  if (reads(role, 'health')) return s;
  return { ...s, signups: s.signups.map((x) => ({ ...x, counts: null, screening: null })) };
}

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
        const role = request.user!.role;
        return { items: service.list(from.toJSDate(), to.toJSDate()).map((s) => shiftFor(role, s)) };
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
      async (request) => {
        const role = request.user!.role;
        const found = service.coverage(request.query.from, request.query.days);
        return { days: found.days.map((d) => ({ ...d, shifts: d.shifts.map((s) => shiftFor(role, s)) })) };
      },
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

    r.patch(
      '/api/shifts/:id',
      {
        config: { access: operators },
        schema: {
          tags: ['shifts'],
          summary:
            'Change a one-off shift (409 template_shift for one a template made); its volunteers are told of a move',
          params: shiftParams,
          body: shiftPatch,
          response: { 200: shift },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );

    r.delete(
      '/api/shifts/:id',
      {
        config: { access: operators },
        schema: {
          tags: ['shifts'],
          summary: 'Delete a one-off shift; its volunteers are told',
          params: shiftParams,
          response: { 200: z.object({ told: z.number().int() }) },
        },
      },
      async (request) => service.remove(actorOf(request), request.params.id),
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
