import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../../../server/lib/clock';
import { systemActor } from '../../../server/lib/commands';
import { updateSms } from '../../../server/modules/sms/sms.repo';
import type { TestApp } from '../../helpers/app';
import { type FakeTwilio, startFakeTwilio } from '../../helpers/fake-twilio';
import { auditRows, smsRows } from '../../helpers/fixtures';
import { buildConsoleApp, buildTwilioApp, inbound, queue, smsRow } from './sms.helpers';

async function purge(t: TestApp) {
  t.app.core.scheduler.ensureRecurring();
  await t.app.core.scheduler.runDue();
  await t.app.services.sms.outbox.flush();
}

describe('SMS retention', () => {
  let t: TestApp;
  let fake: FakeTwilio | undefined;
  afterEach(async () => {
    await t.close();
    await fake?.close();
    fake = undefined;
  });

  it('blanks number and text of messages older than RETENTION_DAYS, keeping newer and queued ones', async () => {
    t = await buildConsoleApp();
    const old = queue(t, '+13035550101', 'old direct').id;
    expect((await inbound(t, '+13035550102', 'HELP')).statusCode).toBe(200);
    // Waiting for a time that has not come: still queued when the purge runs.
    const waiting = t.app.core.commands.run(systemActor, (ctx) => {
      const row = t.app.services.sms.enqueue(ctx, {
        to: '+13035550103',
        body: 'waiting',
        kind: 'direct',
      });
      return updateSms(ctx.tx, row.id, { dueAt: new Date(ctx.now.getTime() + 90 * DAY) }).id;
    });
    await t.app.services.sms.outbox.flush();
    const oldIds = smsRows(t)
      .filter((r) => r.id !== waiting)
      .map((r) => r.id);
    expect(oldIds).toHaveLength(3);

    t.clock.advance(20 * DAY);
    const recent = queue(t, '+13035550104', 'recent direct').id;
    await t.app.services.sms.outbox.flush();

    t.clock.advance(10 * DAY + 1);
    await purge(t);

    for (const id of oldIds) {
      const row = smsRow(t, id);
      expect(row).toMatchObject({ phone: '', body: '' });
      expect(row.purgedAt).toEqual(t.clock.now());
      expect(['delivered', 'received']).toContain(row.status);
    }
    expect(smsRow(t, old).status).toBe('delivered');
    expect(smsRow(t, recent)).toMatchObject({ phone: '+13035550104', body: 'recent direct', purgedAt: null });
    expect(smsRow(t, waiting)).toMatchObject({
      phone: '+13035550103',
      body: 'waiting',
      status: 'queued',
      purgedAt: null,
    });

    const lines = auditRows(t, 'sms.purged');
    expect(lines).toMatchObject([{ entity: 'sms', actor: 'retention', changes: { messages: 3 } }]);
    const written = JSON.stringify(lines);
    for (const secret of ['3035550101', '3035550102', 'old direct', 'HELP'])
      expect(written).not.toContain(secret);

    const list = await t.call(await t.signIn('coordinator'), { method: 'GET', url: '/api/sms/messages' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.filter((m: { body: string }) => m.body === '')).toHaveLength(3);

    // The next day's run finds nothing new to purge and writes no line.
    t.clock.advance(DAY);
    await t.app.core.scheduler.runDue();
    expect(auditRows(t, 'sms.purged')).toHaveLength(1);
  });

  it('follows RETENTION_DAYS', async () => {
    t = await buildConsoleApp({ env: { RETENTION_DAYS: '7' } });
    const id = queue(t, '+13035550101', 'a week old').id;
    await t.app.services.sms.outbox.flush();
    t.clock.advance(6 * DAY);
    await purge(t);
    expect(smsRow(t, id).body).toBe('a week old');
    t.clock.advance(DAY + 1);
    await t.app.core.scheduler.runDue();
    expect(smsRow(t, id).body).toBe('');
  });

  it('refuses to resend a purged message, which no longer has a number or a text', async () => {
    fake = await startFakeTwilio();
    t = await buildTwilioApp(fake);
    fake.failTo('+13035550101', { kind: 'twilio', status: 400, code: 21211 });
    const id = queue(t, '+13035550101', 'never went').id;
    await t.app.services.sms.outbox.flush();
    expect(smsRow(t, id).status).toBe('failed');
    t.clock.advance(31 * DAY);
    await purge(t);
    expect(smsRow(t, id)).toMatchObject({ phone: '', body: '', status: 'failed' });

    const res = await t.call(await t.signIn('coordinator'), {
      method: 'POST',
      url: `/api/sms/messages/${id}/resend`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_state');
    await t.app.services.sms.outbox.flush();
    expect(smsRows(t)).toHaveLength(1);
    expect(fake.attempts).toBe(1);
  });
});
