import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { medicalStaff } from '../../access';
import { NotFoundError } from '../../errors';
import { idParams } from '../../lib/params';
import { isoOrNull, toIso } from '../../lib/time';
import { actorOf } from '../../plugins/auth';
import {
  linkCheck,
  linkCheckBody,
  linkScreenBody,
  linkScreenResult,
  screeningAnswers,
  screeningResult,
} from './screening.schemas';
import { linkAlreadyAnswered, type ScreeningService } from './screening.service';

/**
 * A volunteer's daily screen, recorded by a coordinator, and the public form behind the link in shift
 * reminders: no login there, the token is the key.
 */
export function screeningRoutes(screening: ScreeningService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const { db, clock, config } = app.core;
    const zone = config.NETWORK_TZ;
    const limit = app.rateLimit({ max: 30, timeWindow: 15 * 60_000 });

    function volunteerFor(t: string) {
      const found = screening.resolveLink(db, t, clock.now());
      if (!found) throw new NotFoundError('This screening link (it may have expired)');
      if (found.usedAt) throw linkAlreadyAnswered();
      return found;
    }

    r.post(
      '/api/volunteers/:id/screenings',
      {
        config: { access: medicalStaff },
        schema: {
          tags: ['screening'],
          summary: "Record a volunteer's daily screen (two yes/no answers)",
          params: idParams,
          body: screeningAnswers,
          response: { 201: screeningResult },
        },
      },
      async (request, reply) => {
        const outcome = screening.screen(actorOf(request), request.params.id, request.body, 'web');
        return reply.status(201).send({
          result: outcome.result,
          isolateUntil: isoOrNull(outcome.state.state === 'isolating' ? outcome.state.until : null, zone),
          state: outcome.state.state,
        });
      },
    );

    r.post(
      '/api/screening/link/check',
      {
        config: { access: 'public' },
        preHandler: limit,
        schema: {
          tags: ['screening'],
          summary: 'Whom a screening link is for (first name only) and until when it works',
          body: linkCheckBody,
          response: { 200: linkCheck },
        },
      },
      async (request) => {
        const v = volunteerFor(request.body.token);
        return {
          firstName: v.name.split(' ')[0] ?? '',
          language: v.smsLanguage,
          expiresAt: toIso(v.expiresAt, config.NETWORK_TZ),
        };
      },
    );

    r.post(
      '/api/screening/link',
      {
        config: { access: 'public' },
        preHandler: limit,
        schema: {
          tags: ['screening'],
          summary: 'Record the screen through the link',
          body: linkScreenBody,
          response: { 201: linkScreenResult },
        },
      },
      async (request, reply) => {
        const v = volunteerFor(request.body.token);
        const { symptoms, exposure } = request.body;
        const actor = { userId: null, label: `screening-link:volunteer:${v.volunteerId}`, ip: request.ip };
        const outcome = screening.screenByLink(actor, request.body.token, { symptoms, exposure });
        return reply.status(201).send({
          result: outcome.result,
          state: outcome.state.state,
          until: isoOrNull(outcome.state.until, config.NETWORK_TZ),
        });
      },
    );
  };
}
