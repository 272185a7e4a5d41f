import type { FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import { shortDate } from '../../lib/dates';
import { ScreeningService } from '../screening/screening.service';
import { screeningKeywords } from '../screening/screening.sms';
import type { SmsModule } from '../sms/sms.module';
import { render } from '../sms/sms.templates';
import { coordinatorsWithPhones } from '../users/users.repo';
import { findVolunteerByPhone } from './volunteers.repo';
import { volunteersRoutes } from './volunteers.routes';
import { VolunteersService } from './volunteers.service';

export interface VolunteersModule {
  service: VolunteersService;
  screening: ScreeningService;
}

/** The roster and daily screening, and what SMS needs from them: who a number belongs to, WELL/SICK. */
export function createVolunteers(core: Core, sms: SmsModule): VolunteersModule {
  const screening = new ScreeningService(core);
  const service = new VolunteersService(core, sms.service, screening);
  sms.router.addSenderLookup((db, phone) => {
    const v = findVolunteerByPhone(db, phone);
    return v ? { phone, kind: 'volunteer', id: v.id, language: v.smsLanguage } : null;
  });
  for (const spec of screeningKeywords(screening, core.config.NETWORK_TZ)) sms.router.register(spec);
  screening.onIsolationStarted = (ctx, volunteer, until) => {
    for (const person of coordinatorsWithPhones(ctx.tx)) {
      const lang = person.smsLanguage;
      sms.service.enqueue(ctx, {
        to: person.phone!,
        body: render('isolationNotice', lang, {
          name: volunteer.name,
          until: shortDate(until, core.config.NETWORK_TZ, lang),
        }),
        kind: 'direct',
        language: lang,
        related: { type: 'volunteer', id: volunteer.id },
      });
    }
  };
  return { service, screening };
}

export async function registerVolunteersRoutes(
  app: FastifyInstance,
  volunteers: VolunteersModule,
): Promise<void> {
  await app.register(volunteersRoutes(volunteers.service, volunteers.screening));
}
