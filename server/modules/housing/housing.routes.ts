import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isOperator } from '../../../shared/roles';
import { anyRole, operators } from '../../access';
import { idParams } from '../../lib/params';
import { actorOf } from '../../plugins/auth';
import {
  checkoutBody,
  createHousingSiteBody,
  createStayBody,
  extendStayBody,
  housingSite,
  housingSiteList,
  moveStayBody,
  occupancy,
  occupancyQuery,
  stay,
  stayList,
  stayQuery,
  updateHousingSiteBody,
} from './housing.schemas';
import type { HousingService, Reader } from './housing.service';

/** Addresses and host phones reach coordinators and admins only (API.md, need-to-know). */
const readerOf = (request: FastifyRequest): Reader => ({ seesAddresses: isOperator(request.user?.role) });

export function housingRoutes(service: HousingService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['housing'];

    r.post(
      '/api/housing/sites',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Add a place that can host people',
          body: createHousingSiteBody,
          response: { 201: housingSite },
        },
      },
      async (request, reply) => reply.status(201).send(service.create(actorOf(request), request.body)),
    );
    r.get(
      '/api/housing/sites',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'Housing sites with beds free tonight (address and host phone for coordinators only)',
          response: { 200: housingSiteList },
        },
      },
      async (request) => ({ items: service.list(readerOf(request)) }),
    );
    r.get(
      '/api/housing/sites/:id',
      {
        config: { access: anyRole },
        schema: { tags, summary: 'One housing site', params: idParams, response: { 200: housingSite } },
      },
      async (request) => service.get(request.params.id, readerOf(request)),
    );
    r.patch(
      '/api/housing/sites/:id',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Change a housing site (beds, availability, contact; pause with active: false)',
          params: idParams,
          body: updateHousingSiteBody,
          response: { 200: housingSite },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );

    r.post(
      '/api/housing/stays',
      {
        config: { access: operators },
        schema: {
          tags,
          summary:
            "Place a release's group, or part of it, for some nights; 409 no_capacity names the full nights",
          body: createStayBody,
          response: { 201: stay },
        },
      },
      async (request, reply) => reply.status(201).send(service.stays.place(actorOf(request), request.body)),
    );
    r.get(
      '/api/housing/stays',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary:
            "A release's stays, or (without releaseId) every stay holding beds tonight or later or ended this morning",
          querystring: stayQuery,
          response: { 200: stayList },
        },
      },
      async (request) => ({
        items: request.query.releaseId
          ? service.stays.ofRelease(request.query.releaseId)
          : service.stays.current(),
        tonight: service.stays.tonight(),
      }),
    );
    r.post(
      '/api/housing/stays/:id/checkout',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Check out (today, or the morning given): that night is free again',
          params: idParams,
          body: checkoutBody,
          response: { 200: stay },
        },
      },
      async (request) => service.stays.checkout(actorOf(request), request.params.id, request.body?.on),
    );
    r.post(
      '/api/housing/stays/:id/extend',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'More nights at the same site',
          params: idParams,
          body: extendStayBody,
          response: { 200: stay },
        },
      },
      async (request) => service.stays.extend(actorOf(request), request.params.id, request.body.nights),
    );
    r.post(
      '/api/housing/stays/:id/move',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Move the nights still ahead to another site, all or nothing',
          params: idParams,
          body: moveStayBody,
          response: { 200: stay },
        },
      },
      async (request) => service.stays.move(actorOf(request), request.params.id, request.body.housingSiteId),
    );

    r.get(
      '/api/housing/occupancy',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'People per site per night, from tonight (or `from`) for `days` nights',
          querystring: occupancyQuery,
          response: { 200: occupancy },
        },
      },
      async (request) => service.occupancy(request.query.from, request.query.days),
    );
  };
}
