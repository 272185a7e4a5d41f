import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OFFLINE_FILE_MAX_BYTES } from '../../../shared/resources';
import { anyRole, operators } from '../../access';
import { NotFoundError } from '../../errors';
import { idParams } from '../../lib/params';
import { qrSvg } from '../../lib/qr';
import { toIso } from '../../lib/time';
import { actorOf } from '../../plugins/auth';
import { coverageReport } from './resources.coverage';
import { versionBodyLimit } from './resources.files';
import type { ResourcesPorts } from './resources.ports';
import { FILE_CSP } from './resources.public';
import {
  coverage,
  createResourceBody,
  languageParams,
  listQuery,
  offlineLibrary,
  releaseBundle,
  resource,
  resourceList,
  sendBody,
  sendResult,
  shareBody,
  shareResult,
  updateResourceBody,
  versionBody,
} from './resources.schemas';
import type { ResourcesService } from './resources.service';
import type { ResourceSharing } from './resources.sharing';

/** The library for signed-in users: viewers read it, coordinators and admins keep it. */
export function resourcesRoutes(service: ResourcesService, sharing: ResourceSharing, ports: ResourcesPorts) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['resources'];
    const { config, clock } = app.core;

    r.post(
      '/api/resources',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Add a resource sheet',
          body: createResourceBody,
          response: { 201: resource },
        },
      },
      async (request, reply) => reply.status(201).send(service.create(actorOf(request), request.body)),
    );
    r.get(
      '/api/resources',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'The library, with stale sheets flagged',
          querystring: listQuery,
          response: { 200: resourceList },
        },
      },
      async (request) => service.list(request.query.tag),
    );
    r.get(
      '/api/resources/offline',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'The library with texts and QR codes, kept on phones for use without signal',
          response: { 200: offlineLibrary },
        },
      },
      async () => {
        const items = [];
        for (const item of service.list().items) {
          const qr: Record<string, string> = {};
          const files: Record<string, string> = {};
          for (const v of item.versions) {
            qr[v.language] = await qrSvg(service.publicUrl(item.slug, v.language));
            if (v.kind === 'file' && v.bytes <= OFFLINE_FILE_MAX_BYTES) {
              // The version's time in the URL: a replaced file is a new address, so phones fetch it again.
              const version = Date.parse(v.updatedAt);
              files[v.language] =
                `/api/resources/${item.id}/versions/${encodeURIComponent(v.language)}/file?v=${version}`;
            }
          }
          items.push({ ...item, qr, files });
        }
        return { savedAt: toIso(clock.now(), config.NETWORK_TZ), items };
      },
    );
    r.get(
      '/api/resources/coverage',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: "Which sheets lack the languages the last 90 days' releases needed",
          response: { 200: coverage },
        },
      },
      async () => coverageReport(app.core, ports.releases),
    );
    r.get(
      '/api/resources/:id',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'One sheet and its versions',
          params: idParams,
          response: { 200: resource },
        },
      },
      async (request) => service.get(request.params.id),
    );
    r.patch(
      '/api/resources/:id',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Change title, tags, owner or review-by date',
          params: idParams,
          body: updateResourceBody,
          response: { 200: resource },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );
    r.delete(
      '/api/resources/:id',
      {
        config: { access: operators },
        schema: { tags, summary: 'Remove a sheet and every version', params: idParams },
      },
      async (request, reply) => {
        service.remove(actorOf(request), request.params.id);
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/resources/:id/versions',
      {
        config: { access: operators },
        bodyLimit: versionBodyLimit(config.RESOURCE_MAX_BYTES),
        schema: {
          tags,
          summary: 'Add (or replace) the version in one language: text, or a PDF or image in base64',
          params: idParams,
          body: versionBody,
          response: { 201: resource },
        },
      },
      async (request, reply) =>
        reply.status(201).send(service.addVersion(actorOf(request), request.params.id, request.body)),
    );
    r.delete(
      '/api/resources/:id/versions/:language',
      {
        config: { access: operators },
        schema: { tags, summary: 'Remove one language', params: languageParams, response: { 200: resource } },
      },
      async (request) => service.removeVersion(actorOf(request), request.params.id, request.params.language),
    );
    r.get(
      '/api/resources/:id/versions/:language/file',
      {
        config: { access: anyRole },
        schema: { tags, summary: 'The uploaded file of one language', params: languageParams },
      },
      async (request, reply) => {
        const file = service.fileOf(request.params.id, request.params.language);
        if (!file) throw new NotFoundError('That file');
        return reply
          .header('content-type', file.mime)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', file.mime === 'application/pdf' ? FILE_CSP.pdf : FILE_CSP.image)
          .header('cache-control', 'private, no-cache')
          .send(file.data);
      },
    );
    r.post(
      '/api/resources/:id/send',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: "Text the sheet's link to a phone",
          params: idParams,
          body: sendBody,
          response: { 201: sendResult },
        },
      },
      async (request, reply) =>
        reply.status(201).send(sharing.send(actorOf(request), request.params.id, request.body)),
    );
    r.get(
      '/api/releases/:id/resources',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: "Every sheet in the release's languages, with QR codes, to print",
          params: idParams,
          response: { 200: releaseBundle },
        },
      },
      async (request) => sharing.bundle(request.params.id),
    );
    r.post(
      '/api/releases/:id/resources/shared',
      {
        config: { access: operators },
        schema: {
          tags,
          summary: 'Sheets printed for or shown to the group: ticks the needs they meet',
          params: idParams,
          body: shareBody,
          response: { 200: shareResult },
        },
      },
      async (request) =>
        sharing.shareWithRelease(
          actorOf(request),
          request.params.id,
          request.body.resourceIds,
          request.body.how,
        ),
    );
  };
}
