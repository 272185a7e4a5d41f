import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anyRole, operators } from '../../access';
import { idParams } from '../../lib/params';
import { asBuilt } from '../../lib/serialize';
import { actorOf } from '../../plugins/auth';
import {
  createReleaseBody,
  listQuery,
  needsBody,
  releaseDetail,
  releaseList,
  releasePatch,
  statusBody,
} from './releases.schemas';
import type { ReleasesService } from './releases.service';

export function releasesRoutes(service: ReleasesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/releases',
      {
        config: { access: operators },
        serializerCompiler: asBuilt,
        schema: {
          tags: ['releases'],
          summary: 'Log a release (status expected when expectedAt is given, else reported)',
          body: createReleaseBody,
          response: { 201: releaseDetail },
        },
      },
      async (request, reply) => reply.status(201).send(service.create(actorOf(request), request.body)),
    );

    r.get(
      '/api/releases',
      {
        config: { access: anyRole },
        schema: {
          tags: ['releases'],
          summary: 'Releases, newest first',
          querystring: listQuery,
          response: { 200: releaseList },
        },
      },
      async (request) => ({ items: service.list(request.query) }),
    );

    r.get(
      '/api/releases/:id',
      {
        config: { access: anyRole },
        schema: {
          tags: ['releases'],
          summary: 'One release with its timeline',
          params: idParams,
          response: { 200: releaseDetail },
        },
      },
      async (request) => service.get(request.params.id),
    );

    r.patch(
      '/api/releases/:id',
      {
        config: { access: operators },
        schema: {
          tags: ['releases'],
          summary:
            'Correct counts, languages, needs, destination, notes or the expected time (409 release_closed once closed)',
          params: idParams,
          body: releasePatch,
          response: { 200: releaseDetail },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );

    r.post(
      '/api/releases/:id/status',
      {
        config: { access: operators },
        schema: {
          tags: ['releases'],
          summary: 'Move a release along its workflow (409 invalid_transition otherwise)',
          params: idParams,
          body: statusBody,
          response: { 200: releaseDetail },
        },
      },
      async (request) =>
        service.move(actorOf(request), request.params.id, request.body.status, request.body.note),
    );

    r.post(
      '/api/releases/:id/needs',
      {
        config: { access: operators },
        schema: {
          tags: ['releases'],
          summary: 'Which needs have been met',
          params: idParams,
          body: needsBody,
          response: { 200: releaseDetail },
        },
      },
      async (request) => service.setNeedsMet(actorOf(request), request.params.id, request.body.met),
    );

    r.post(
      '/api/releases/:id/acknowledge',
      {
        config: { access: operators },
        schema: {
          tags: ['releases'],
          summary: 'Someone has seen the new release (stops the alert)',
          params: idParams,
          response: { 200: releaseDetail },
        },
      },
      async (request) => service.acknowledge(actorOf(request), request.params.id),
    );
  };
}
