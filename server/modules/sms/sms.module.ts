import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import { defineRetentionJob } from '../../infra/jobs';
import { DAY } from '../../lib/clock';
import type { DomainModule } from '../module';
import { KeywordRouter } from './sms.keywords';
import { optOutKeywords } from './sms.optout';
import { Outbox } from './sms.outbox';
import { purgeSmsBefore } from './sms.repo';
import { smsRoutes } from './sms.routes';
import { SmsService } from './sms.service';
import { smsWebhooks } from './sms.webhooks';

/** SMS: keyword routing, the outbox woken after a commit that queued a text and on the scheduler's beat, the purge. */
export function createSms(core: Core, log: FastifyBaseLogger): DomainModule<SmsService> {
  const router = new KeywordRouter();
  const statusCallback = core.sms.driver === 'twilio' ? `${core.config.PUBLIC_URL}/sms/status` : undefined;
  const outbox = new Outbox(core, core.sms, log, statusCallback);
  const service = new SmsService(core, router, outbox);
  outbox.recoverInterrupted();
  core.commands.onCommit(() => {
    if (service.takeQueued()) outbox.wake();
  });
  core.scheduler.onTick(() => outbox.wake());

  const purge = defineRetentionJob('sms.purge', (ctx) => {
    const before = new Date(ctx.now.getTime() - core.config.RETENTION_DAYS * DAY);
    const purged = purgeSmsBefore(ctx.tx, before, ctx.now);
    if (purged > 0) ctx.audit({ action: 'sms.purged', entity: 'sms', changes: { messages: purged } });
  });

  return {
    name: 'sms',
    service,
    keywords: optOutKeywords,
    jobs: [purge],
    routes: async (app: FastifyInstance) => {
      await app.register(smsRoutes(service));
      await app.register(smsWebhooks(service, () => outbox.wake()));
    },
    close: () => outbox.stop(),
  };
}
