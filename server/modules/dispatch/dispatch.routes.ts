import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dispatchStatuses, offerStates, volunteerSkills } from '../../../db/schema';
import { languageName } from '../../../shared/languages';
import { anyRole, operators } from '../../access';
import { actorOf } from '../../plugins/auth';
import type { DispatchService } from './dispatch.service';

const idParams = z.object({ id: z.coerce.number().int().positive() });

const offer = z.object({
  volunteerId: z.number().int(),
  name: z.string(),
  code: z.string(),
  state: z.enum(offerStates),
  wave: z.number().int(),
  reason: z.string(),
  etaMinutes: z.number().int().nullable(),
  replyText: z.string().nullable(),
  offeredAt: z.string(),
  expiresAt: z.string(),
  respondedAt: z.string().nullable(),
});

const dispatch = z.object({
  id: z.number().int(),
  releaseId: z.number().int(),
  status: z.enum(dispatchStatuses),
  needed: z.number().int(),
  accepted: z.number().int(),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  wave: z.number().int(),
  deadlineAt: z.string(),
  createdAt: z.string(),
  offers: z.array(offer),
});

const candidate = z.object({
  volunteerId: z.number().int(),
  name: z.string(),
  eligible: z.boolean(),
  excludedBecause: z.array(z.string()),
  band: z.enum(['on_shift_here', 'on_shift_elsewhere', 'off_shift']),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  rank: z.number().int().nullable(),
  why: z.string(),
});

const createBody = z.object({
  needed: z.number().int().min(1).max(50),
  languages: z.array(languageName).max(10).optional(),
  skills: z.array(z.enum(volunteerSkills)).max(volunteerSkills.length).optional(),
});

export function dispatchRoutes(service: DispatchService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/releases/:id/dispatches',
      {
        config: { access: operators },
        schema: {
          tags: ['dispatch'],
          summary: 'Send N volunteers: texts the best-placed eligible volunteers in waves',
          params: idParams,
          body: createBody,
          response: { 201: dispatch },
        },
      },
      async (request, reply) =>
        reply.status(201).send(service.create(actorOf(request), request.params.id, request.body)),
    );

    r.get(
      '/api/releases/:id/dispatches',
      {
        config: { access: anyRole },
        schema: {
          tags: ['dispatch'],
          summary: "A release's dispatches",
          params: idParams,
          response: { 200: z.object({ items: z.array(dispatch) }) },
        },
      },
      async (request) => ({ items: service.listForRelease(request.params.id) }),
    );

    r.get(
      '/api/dispatches/:id',
      {
        config: { access: anyRole },
        schema: {
          tags: ['dispatch'],
          summary: 'A dispatch with every offer and its answer',
          params: idParams,
          response: { 200: dispatch },
        },
      },
      async (request) => service.get(request.params.id),
    );

    r.get(
      '/api/dispatches/:id/candidates',
      {
        config: { access: operators },
        schema: {
          tags: ['dispatch'],
          summary: 'Everyone, ranked as the next wave would be, with why each person is or is not asked',
          params: idParams,
          response: { 200: z.object({ items: z.array(candidate) }) },
        },
      },
      async (request) => ({ items: service.candidates(request.params.id) }),
    );

    r.post(
      '/api/dispatches/:id/cancel',
      {
        config: { access: operators },
        schema: {
          tags: ['dispatch'],
          summary: 'Cancel; open offers are told',
          params: idParams,
          response: { 200: dispatch },
        },
      },
      async (request) => service.cancel(actorOf(request), request.params.id),
    );

    r.post(
      '/api/dispatches/:id/add',
      {
        config: { access: operators },
        schema: {
          tags: ['dispatch'],
          summary: 'Need more people: raise the count and ask a new wave',
          params: idParams,
          body: z.object({ count: z.number().int().min(1).max(50) }),
          response: { 200: dispatch },
        },
      },
      async (request) => service.add(actorOf(request), request.params.id, request.body.count),
    );
  };
}
