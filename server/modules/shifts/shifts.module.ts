import type { FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import { DAY } from '../../lib/clock';
import { screeningLinkRoutes } from '../screening/screening.routes';
import type { SmsModule } from '../sms/sms.module';
import type { VolunteersModule } from '../volunteers/volunteers.module';
import { registerShiftReminders } from './shifts.reminders';
import { shiftsRoutes } from './shifts.routes';
import { ShiftsService } from './shifts.service';
import { shiftKeywords } from './shifts.sms';
import { ShiftTemplates } from './shifts.templates';

export interface ShiftsModule {
  service: ShiftsService;
  templates: ShiftTemplates;
}

export function createShifts(core: Core, sms: SmsModule, volunteers: VolunteersModule): ShiftsModule {
  const service = new ShiftsService(core, volunteers.screening);
  const templates = new ShiftTemplates(core, service);
  registerShiftReminders(core, sms.service);
  core.scheduler.register('shifts.materialize', () => void templates.materialize(), { everyMs: DAY });
  for (const spec of shiftKeywords(service, volunteers.screening, core.config.NETWORK_TZ))
    sms.router.register(spec);
  return { service, templates };
}

export async function registerShiftsRoutes(
  app: FastifyInstance,
  shifts: ShiftsModule,
  volunteers: VolunteersModule,
) {
  await app.register(shiftsRoutes(shifts.service, shifts.templates));
  await app.register(screeningLinkRoutes(volunteers.screening));
}
