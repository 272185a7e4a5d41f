import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { medicalStaff, operators } from '../../../shared/roles';
import { anyRole } from '../../access';
import { idParams } from '../../lib/params';
import { actorOf } from '../../plugins/auth';
import type { Pages } from './medical.pages';
import {
  contact,
  contactList,
  createContactBody,
  createPageBody,
  createScheduleBody,
  onCall,
  onCallQuery,
  overrideBody,
  page,
  pageList,
  pageListQuery,
  schedule,
  scheduleList,
  updateContactBody,
} from './medical.schemas';
import type { MedicalService, Reader } from './medical.service';

const resolveBody = z.strictObject({ note: z.string().trim().max(300).optional() }).optional();

/** Phones of medical contacts reach medical staff, coordinators and admins (API.md). */
const readerOf = (request: FastifyRequest): Reader => ({
  seesPhones: !!request.user && medicalStaff.includes(request.user.role),
});

export function medicalRoutes(service: MedicalService, pages: Pages) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['medical'];

    r.post(
      '/api/medical/contacts',
      {
        config: { access: medicalStaff },
        schema: {
          tags,
          summary: 'Add a medical contact',
          body: createContactBody,
          response: { 201: contact },
        },
      },
      async (request, reply) => reply.status(201).send(service.createContact(actorOf(request), request.body)),
    );
    r.get(
      '/api/medical/contacts',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'Medical contacts (phones for medical staff and coordinators)',
          response: { 200: contactList },
        },
      },
      async (request) => ({ items: service.contacts(readerOf(request)) }),
    );
    r.patch(
      '/api/medical/contacts/:id',
      {
        config: { access: medicalStaff },
        schema: {
          tags,
          summary: 'Change a medical contact',
          params: idParams,
          body: updateContactBody,
          response: { 200: contact },
        },
      },
      async (request) => service.updateContact(actorOf(request), request.params.id, request.body),
    );
    r.post(
      '/api/medical/schedules',
      {
        config: { access: medicalStaff },
        schema: {
          tags,
          summary: 'A rotation with a daily or weekly handoff at a local time',
          body: createScheduleBody,
          response: { 201: schedule },
        },
      },
      async (request, reply) =>
        reply.status(201).send(service.createSchedule(actorOf(request), request.body)),
    );
    r.get(
      '/api/medical/schedules',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'Schedules with overrides, and the gaps of the next 14 days',
          response: { 200: scheduleList },
        },
      },
      async () => service.schedules(),
    );
    r.post(
      '/api/medical/schedules/:id/overrides',
      {
        config: { access: medicalStaff },
        schema: {
          tags,
          summary: 'Someone covers a stretch of a schedule',
          params: idParams,
          body: overrideBody,
          response: { 201: schedule },
        },
      },
      async (request, reply) =>
        reply.status(201).send(service.addOverride(actorOf(request), request.params.id, request.body)),
    );
    r.get(
      '/api/medical/oncall',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'Who is on call now (or at `at`), until when, and who is next',
          querystring: onCallQuery,
          response: { 200: onCall },
        },
      },
      async (request) => {
        const at = request.query.at ? new Date(request.query.at) : app.core.clock.now();
        return service.onCall(at, readerOf(request));
      },
    );
    r.post(
      '/api/medical/pages',
      {
        config: { access: [...new Set([...operators, ...medicalStaff])] },
        schema: {
          tags,
          summary: 'Page the medical contact on call',
          body: createPageBody,
          response: { 201: page },
        },
      },
      async (request, reply) => reply.status(201).send(pages.page(actorOf(request), request.body)),
    );
    r.get(
      '/api/medical/pages',
      {
        config: { access: anyRole },
        schema: {
          tags,
          summary: 'Pages, newest first (open ones with open=true)',
          querystring: pageListQuery,
          response: { 200: pageList },
        },
      },
      async (request) => ({ items: pages.list(request.query.open === 'true') }),
    );
    r.get(
      '/api/medical/pages/:id',
      {
        config: { access: anyRole },
        schema: { tags, summary: 'A page with its timeline', params: idParams, response: { 200: page } },
      },
      async (request) => pages.get(request.params.id),
    );
    r.post(
      '/api/medical/pages/:id/resolve',
      {
        config: { access: medicalStaff },
        schema: {
          tags,
          summary: 'Close a page',
          params: idParams,
          body: resolveBody,
          response: { 200: page },
        },
      },
      async (request) => pages.resolve(actorOf(request), request.params.id, request.body?.note),
    );
  };
}
