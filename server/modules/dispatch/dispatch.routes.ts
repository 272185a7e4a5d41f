import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '../../../shared/roles';
import { anyRole, operators, reads } from '../../access';
import { idParams } from '../../lib/params';
import { actorOf } from '../../plugins/auth';
import {
  addToDispatchBody,
  boardDispatchList,
  boardDispatchQuery,
  candidateList,
  countAnswerBody,
  createDispatchBody,
  type Dispatch,
  dispatch,
  dispatchList,
} from './dispatch.schemas';
import type { DispatchService } from './dispatch.service';

const offerParams = idParams.extend({ offerId: z.coerce.number().int().positive() });

/** A volunteer's reply is an SMS body: only those who read texts see it. */
function dispatchFor(role: Role, d: Dispatch): Dispatch {
  if (reads(role, 'smsBody')) return d;
  return { ...d, offers: d.offers.map((o) => ({ ...o, replyText: null })) };
}

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
          body: createDispatchBody,
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
          response: { 200: dispatchList },
        },
      },
      async (request) => ({
        items: service.listForRelease(request.params.id).map((d) => dispatchFor(request.user!.role, d)),
      }),
    );

    r.get(
      '/api/dispatches',
      {
        config: { access: anyRole },
        schema: {
          tags: ['dispatch'],
          summary: "Every open release's dispatches, summed up as the board shows them",
          querystring: boardDispatchQuery,
          response: { 200: boardDispatchList },
        },
      },
      async () => ({ items: service.boardDispatches() }),
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
      async (request) => dispatchFor(request.user!.role, service.get(request.params.id)),
    );

    r.get(
      '/api/dispatches/:id/candidates',
      {
        config: { access: operators },
        schema: {
          tags: ['dispatch'],
          summary: 'Everyone, ranked as the next wave would be, with why each person is or is not asked',
          params: idParams,
          response: { 200: candidateList },
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
          body: addToDispatchBody,
          response: { 200: dispatch },
        },
      },
      async (request) => service.add(actorOf(request), request.params.id, request.body.count),
    );

    r.post(
      '/api/dispatches/:id/offers/:offerId/answer',
      {
        config: { access: operators },
        schema: {
          tags: ['dispatch'],
          summary:
            "Count an open offer as YES or NO on the volunteer's behalf (an unclear text, a call); audited, and the volunteer is texted",
          params: offerParams,
          body: countAnswerBody,
          response: { 200: dispatch },
        },
      },
      async (request) =>
        dispatchFor(
          request.user!.role,
          service.countAnswer(
            actorOf(request),
            request.params.id,
            request.params.offerId,
            request.body.answer,
          ),
        ),
    );
  };
}
