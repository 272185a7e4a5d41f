import { z } from 'zod';
import type { Core } from '../../deps';
import { defineJob } from '../../infra/jobs';
import { DAY } from '../../lib/clock';
import type { DomainModule } from '../module';
import { shiftsRoutes } from './shifts.routes';
import { type ShiftsPorts, ShiftsService } from './shifts.service';
import { shiftKeywords } from './shifts.sms';

/** Shifts and weekly templates, signups on the web and by text, and the reminder before each shift. */
export function createShifts(core: Core, ports: ShiftsPorts): DomainModule<ShiftsService> {
  const service = new ShiftsService(core, ports);
  const materialize = defineJob(
    'shifts.materialize',
    z.object({}),
    (ctx) => void service.templates.materializeIn(ctx),
    { everyMs: DAY, actor: 'shift-templates' },
  );
  return {
    name: 'shifts',
    service,
    routes: shiftsRoutes(service, service.templates),
    keywords: shiftKeywords(service, core.config.NETWORK_TZ),
    jobs: [service.reminder, materialize],
  };
}
