import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../errors';
import { isoOrNull, toIso } from '../../lib/time';
import { markScreeningLinkUsed, resolveScreeningLink } from './screening.links';
import type { ScreeningService } from './screening.service';

const token = z.string().min(10).max(100);

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
          body: z.object({ token }),
          response: {
            200: z.object({ firstName: z.string(), language: z.enum(['en', 'es']), expiresAt: z.string() }),
          },
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
          body: z.object({ token, symptoms: z.boolean(), exposure: z.boolean().default(false) }),
          response: {
            201: z.object({
              result: z.enum(['clear', 'isolate']),
              state: z.enum(['clear', 'isolating', 'missing']),
              until: z.string().nullable(),
            }),
          },
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
