import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isOperator } from '../../../shared/roles';
import { anyRole, operators } from '../../access';
import { idParams } from '../../lib/params';
import { qrSvg } from '../../lib/qr';
import { actorOf } from '../../plugins/auth';
import {
  board,
  boardQuery,
  createItineraryBody,
  type Itinerary,
  itinerary,
  itineraryList,
  shareBody,
  shareResult,
  travelBagBody,
  updateItineraryBody,
} from './travel.schemas';
import type { TravelService } from './travel.service';
import type { TravellerLinks } from './travel.share';

/** A booking reference can pull up the passengers' names at the carrier: coordinators only. */
function forReader(request: FastifyRequest, it: Itinerary): Itinerary {
  return isOperator(request.user?.role) ? it : { ...it, confirmation: null };
}

export function travelRoutes(service: TravelService, links: TravellerLinks) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['travel'];

    r.post(
      '/api/releases/:id/itineraries',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: "An itinerary for a release's group or part of it; times are local at each stop",
          params: idParams,
          body: createItineraryBody,
          response: { 201: itinerary },
        },
      },
      async (request, reply) =>
        reply.status(201).send(service.create(actorOf(request), request.params.id, request.body)),
    );
    r.get(
      '/api/releases/:id/itineraries',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: "A release's itineraries",
          params: idParams,
          response: { 200: z.object({ items: itineraryList }) },
        },
      },
      async (request) => ({
        items: service.ofRelease(request.params.id).map((it) => forReader(request, it)),
      }),
    );
    r.get(
      '/api/itineraries',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary:
            'The departure board: who leaves on the date (today by default) and the day after, per site',
          querystring: boardQuery,
          response: { 200: board },
        },
      },
      async (request) => {
        const days = service.board(request.query.date).days.map((day) => ({
          ...day,
          sites: day.sites.map((s) => ({
            ...s,
            itineraries: s.itineraries.map((it) => forReader(request, it)),
          })),
        }));
        return { days };
      },
    );
    r.get(
      '/api/itineraries/:id',
      {
        config: { access: anyRole },
        schema: { tags, summary: 'One itinerary', params: idParams, response: { 200: itinerary } },
      },
      async (request) => forReader(request, service.get(request.params.id)),
    );
    r.patch(
      '/api/itineraries/:id',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Change an itinerary',
          params: idParams,
          body: updateItineraryBody,
          response: { 200: itinerary },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );
    r.delete(
      '/api/itineraries/:id',
      {
        config: { access: operators },
        schema: { tags, summary: 'Delete an itinerary; its link stops working', params: idParams },
      },
      async (request, reply) => {
        service.remove(actorOf(request), request.params.id);
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/itineraries/:id/share',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: "The traveller's link and QR code; with `to`, also texted through the outbox",
          params: idParams,
          body: shareBody,
          response: { 200: shareResult },
        },
      },
      async (request) => {
        const shared = links.share(actorOf(request), request.params.id, request.body ?? {});
        return { ...shared, qrSvg: await qrSvg(shared.url) };
      },
    );
    r.post(
      '/api/itineraries/:id/travel-bags',
      {
        config: { access: operators },
        schema: {
          tags,
          summary:
            'Hand out travel bags from stock (one per traveller unless counted); 409 insufficient_stock',
          params: idParams,
          body: travelBagBody,
          response: { 200: itinerary },
        },
      },
      async (request) => service.handOutBags(actorOf(request), request.params.id, request.body),
    );
  };
}
