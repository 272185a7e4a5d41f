import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMigratedDb } from '../../../db/client';
import { smsMessages } from '../../../db/schema';
import { FakeClock, HOUR } from '../../../server/lib/clock';
import { smsInStatusQuery } from '../../../server/modules/sms/sms.repo';
import type { TestApp } from '../../helpers/app';
import { type FakeTwilio, startFakeTwilio } from '../../helpers/fake-twilio';
import { auditRows, eventRows, smsRows } from '../../helpers/fixtures';
import { buildTwilioApp, queue, smsRow } from './sms.helpers';

describe('the outbox across a restart', () => {
  let dir: string;
  const fakes: FakeTwilio[] = [];
  const apps: TestApp[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-sms-restart-'));
  });
  afterEach(async () => {
    for (const t of apps.splice(0)) {
      await t.close();
      t.db.$client.close();
    }
    for (const fake of fakes.splice(0)) await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(file: string, clock: FakeClock) {
    const fake = await startFakeTwilio();
    fakes.push(fake);
    const t = await buildTwilioApp(fake, { db: openMigratedDb(file), clock });
    apps.push(t);
    return { fake, t };
  }

  async function stop(t: TestApp) {
    apps.splice(apps.indexOf(t), 1);
    await t.close();
    t.db.$client.close();
  }

  it('finds what a stopped server left mid-hand-over through its own index, not by reading every text kept', () => {
    const db = openMigratedDb(path.join(dir, 'bienvenida.db'));
    try {
      const { sql, params } = smsInStatusQuery(db, 'sending').toSQL();
      const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      expect(plan.map((step) => step.detail)).toEqual(['SCAN sms_messages USING INDEX sms_sending_idx']);
    } finally {
      db.$client.close();
    }
  });

  it('sends what was queued exactly once, and never resends one that was being handed over', async () => {
    const file = path.join(dir, 'bienvenida.db');
    const clock = new FakeClock('2026-03-02T18:00:00Z');

    const before = await start(file, clock);
    before.fake.failNext(100, { kind: 'http', status: 503 });
    const queued = ['+13035550101', '+13035550102', '+13035550103'].map(
      (to, i) => queue(before.t, to, `queued ${i}`).id,
    );
    const inFlight = queue(before.t, '+13035550104', 'in flight').id;
    await before.t.app.services.sms.outbox.flush();
    expect(before.fake.received).toEqual([]);
    for (const id of [...queued, inFlight]) expect(smsRow(before.t, id).status).toBe('queued');
    // As if the process died while Twilio was being called for this one.
    before.t.db.update(smsMessages).set({ status: 'sending' }).where(eq(smsMessages.id, inFlight)).run();
    await stop(before.t);

    const after = await start(file, clock);
    const { outbox } = after.t.app.services.sms;
    expect(smsRow(after.t, inFlight)).toMatchObject({ status: 'failed', errorCode: 'interrupted' });
    expect(auditRows(after.t, 'sms.failed')).toMatchObject([
      { entityId: inFlight, changes: { errorCode: 'interrupted' } },
    ]);
    expect(eventRows(after.t, 'sms.status').at(-1)!.data).toMatchObject({ id: inFlight, status: 'failed' });

    await outbox.flush();
    expect(after.fake.attempts).toBe(0);
    clock.advance(HOUR);
    await outbox.flush();
    await outbox.flush();

    expect(after.fake.received.map((m) => m.body).sort()).toEqual(['queued 0', 'queued 1', 'queued 2']);
    for (const id of queued) expect(smsRow(after.t, id)).toMatchObject({ status: 'submitted', attempts: 2 });
    expect(smsRow(after.t, inFlight).status).toBe('failed');
    expect(smsRows(after.t)).toHaveLength(4);

    // A coordinator who decides it should go after all resends it.
    const coordinator = await after.t.signIn('coordinator');
    const resent = await after.t.call(coordinator, {
      method: 'POST',
      url: `/api/sms/messages/${inFlight}/resend`,
      headers: { 'content-type': 'application/json' },
    });
    expect(resent.statusCode).toBe(201);
    await outbox.flush();
    expect(after.fake.received.map((m) => m.body)).toContain('in flight');
    expect(after.fake.received).toHaveLength(4);

    // A second restart finds nothing left to recover.
    await stop(after.t);
    const again = await start(file, clock);
    await again.t.app.services.sms.outbox.flush();
    expect(again.fake.attempts).toBe(0);
    expect(auditRows(again.t, 'sms.failed')).toHaveLength(1);
  });
});
