import type { FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import { DAY } from '../../lib/clock';
import { systemActor } from '../../lib/commands';
import { broadcastRoutes } from './sms.broadcast';
import { KeywordRouter } from './sms.keywords';
import { optOutKeywords } from './sms.optout';
import { Outbox } from './sms.outbox';
import { purgeSmsBefore } from './sms.repo';
import { smsRoutes } from './sms.routes';
import { SmsService } from './sms.service';
import { smsWebhooks } from './sms.webhooks';

export interface SmsModule {
  service: SmsService;
  router: KeywordRouter;
  outbox: Outbox;
}

/** Wires SMS: keyword routing, the outbox woken after every commit and on the scheduler's beat, the purge. */
export function createSms(core: Core, log: FastifyInstance['log']): SmsModule {
  const router = new KeywordRouter();
  for (const spec of optOutKeywords) router.register(spec);
  const service = new SmsService(core, router);
  const statusCallback = core.sms.driver === 'twilio' ? `${core.config.PUBLIC_URL}/sms/status` : undefined;
  const outbox = new Outbox(core, core.sms, log, statusCallback);
  outbox.recoverInterrupted();
  core.commands.onCommit(() => outbox.wake());
  core.scheduler.onTick(() => outbox.wake());

  core.scheduler.register(
    'sms.purge',
    () => {
      const now = core.clock.now();
      const before = new Date(now.getTime() - core.config.RETENTION_DAYS * DAY);
      core.commands.run({ ...systemActor, label: 'retention' }, (ctx) => {
        const purged = purgeSmsBefore(ctx.tx, before, ctx.now);
        if (purged > 0) ctx.audit({ action: 'sms.purged', entity: 'sms', changes: { messages: purged } });
      });
    },
    { everyMs: DAY },
  );
  return { service, router, outbox };
}

export async function registerSmsRoutes(app: FastifyInstance, sms: SmsModule): Promise<void> {
  await app.register(smsRoutes(sms.service));
  await app.register(broadcastRoutes(sms.service));
  await app.register(smsWebhooks(sms.service, () => sms.outbox.wake()));
}
