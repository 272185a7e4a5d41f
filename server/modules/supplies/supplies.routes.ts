import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyRole, operators } from '../../access';
import { idParams } from '../../lib/params';
import { toIso } from '../../lib/time';
import { actorOf } from '../../plugins/auth';
import { ledger } from './supplies.repo';
import {
  assembleBody,
  countBody,
  countResult,
  createItemBody,
  createKitBody,
  forecast,
  handOutBody,
  item,
  itemList,
  kit,
  kitList,
  ledgerQuery,
  moved,
  movementBody,
  movementList,
  receiptBody,
  stock,
  stockQuery,
  thresholdBody,
  transferBody,
  updateItemBody,
} from './supplies.schemas';
import type { SuppliesService } from './supplies.service';

export function suppliesRoutes(service: SuppliesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['supplies'];
    const { db, config } = app.core;

    r.post(
      '/api/supplies/items',
      {
        config: { access: operators },
        schema: { tags, summary: 'Add an item kept in stock', body: createItemBody, response: { 201: item } },
      },
      async (request, reply) => reply.status(201).send(service.createItem(actorOf(request), request.body)),
    );
    r.get(
      '/api/supplies/items',
      {
        config: { access: anyRole },
        schema: { tags, summary: 'Items and kits', response: { 200: itemList } },
      },
      async () => ({ items: service.items() }),
    );
    r.patch(
      '/api/supplies/items/:id',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Change an item (threshold, need met, pause)',
          params: idParams,
          body: updateItemBody,
          response: { 200: item },
        },
      },
      async (request) => service.updateItem(actorOf(request), request.params.id, request.body),
    );
    r.post(
      '/api/supplies/items/:id/thresholds',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: "A site's own low-stock threshold for an item",
          params: idParams,
          body: thresholdBody,
          response: { 200: item },
        },
      },
      async (request) =>
        service.setThreshold(
          actorOf(request),
          request.params.id,
          request.body.siteId,
          request.body.threshold,
        ),
    );
    r.post(
      '/api/supplies/kits',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Define a kit from loose items',
          body: createKitBody,
          response: { 201: kit },
        },
      },
      async (request, reply) => reply.status(201).send(service.createKit(actorOf(request), request.body)),
    );
    r.get(
      '/api/supplies/kits',
      {
        config: { access: anyRole },
        schema: { tags, summary: 'Kits with how many each site can build', response: { 200: kitList } },
      },
      async () => ({ items: service.kits() }),
    );
    r.post(
      '/api/supplies/kits/:id/assemble',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Assemble kits: components out, kits in, all or nothing',
          params: idParams,
          body: assembleBody,
          response: { 201: moved },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send({ batch: service.ledger.assemble(actorOf(request), request.params.id, request.body) }),
    );
    r.post(
      '/api/supplies/movements',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'One ledger line by hand; 409 insufficient_stock below zero',
          body: movementBody,
          response: { 201: moved },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ batch: service.ledger.move(actorOf(request), request.body) }),
    );
    r.post(
      '/api/supplies/transfers',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Move stock from one site to another as one move',
          body: transferBody,
          response: { 201: moved },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ batch: service.ledger.transfer(actorOf(request), request.body) }),
    );
    r.post(
      '/api/supplies/receipts',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Receive several lines at once, each lot with its expiry',
          body: receiptBody,
          response: { 201: moved },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ batch: service.ledger.receive(actorOf(request), request.body) }),
    );
    r.post(
      '/api/supplies/counts',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'A stock count: differences become adjustments',
          body: countBody,
          response: { 201: countResult },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ adjusted: service.ledger.count(actorOf(request), request.body) }),
    );
    r.post(
      '/api/releases/:id/kits',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: "Hand kits (or loose items) to a release's group; its matching need is ticked",
          params: idParams,
          body: handOutBody,
          response: { 201: moved },
        },
      },
      async (request, reply) => {
        const { kitId, siteId, count } = request.body;
        const batch = service.ledger.handOut(actorOf(request), request.params.id, {
          itemId: kitId,
          siteId,
          count,
        });
        return reply.status(201).send({ batch });
      },
    );
    r.get(
      '/api/supplies/stock',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'On hand per item and site, low and expiring flagged',
          querystring: stockQuery,
          response: { 200: stock },
        },
      },
      async (request) => ({ items: service.stock(request.query.siteId) }),
    );
    r.get(
      '/api/supplies/movements',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'The ledger, newest first',
          querystring: ledgerQuery,
          response: { 200: movementList },
        },
      },
      async (request) => ({
        // The response contract leaves out who wrote each line (the audit log says it).
        items: ledger(db, request.query).map((m) => ({ ...m, at: toIso(m.at, config.NETWORK_TZ) })),
      }),
    );
    r.get(
      '/api/supplies/forecast',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'Days of stock left and what covers the next week',
          response: { 200: forecast },
        },
      },
      async () => service.forecast(),
    );
  };
}
