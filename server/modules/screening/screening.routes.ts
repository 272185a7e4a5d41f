import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { NotFoundError } from '../../errors';
import { isoOrNull, toIso } from '../../lib/time';
import { markScreeningLinkUsed, resolveScreeningLink } from './screening.links';
import { linkCheck, linkCheckBody, linkScreenBody, linkScreenResult } from './screening.schemas';
import type { ScreeningService } from './screening.service';

/** The public screening form behind the link in shift reminders: no login, the token is the key. */
export function screeningLinkRoutes(screening: ScreeningService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const { db, clock, config } = app.core;
    const limit = app.rateLimit({ max: 30, timeWindow: 15 * 60_000 });

    function volunteerFor(t: string) {
      const found = resolveScreeningLink(db, t, clock.now());
      if (!found) throw new NotFoundError('This screening link (it may have expired)');
      return found;
    }

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
        const outcome = app.core.commands.run(actor, (ctx) => {
          markScreeningLinkUsed(ctx.tx, request.body.token, ctx.now);
          return screening.record(ctx, v.volunteerId, { symptoms, exposure }, 'link');
        });
        return reply.status(201).send({
          result: outcome.result,
          state: outcome.state.state,
          until: isoOrNull(outcome.state.until, config.NETWORK_TZ),
        });
      },
    );
  };
}
