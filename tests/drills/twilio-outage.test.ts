import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../server/lib/clock';

const SECOND = 1000;

import type { TestApp } from '../helpers/app';
import { type Failure, type FakeTwilio, startFakeTwilio } from '../helpers/fake-twilio';
import { smsRows } from '../helpers/fixtures';
import { buildTwilioApp, queue } from '../modules/sms/sms.helpers';

const OUTAGE: Failure[] = [
  { kind: 'http', status: 500 },
  { kind: 'http', status: 429 },
  { kind: 'timeout' },
  { kind: 'http', status: 503 },
];

describe('Twilio outage drill', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  beforeEach(async () => {
    fake = await startFakeTwilio();
    // A short client timeout, so a provider that never answers costs a second, not ten. Not shorter:
    // on a busy machine the recovered provider's answer can take a few hundred milliseconds, and a
    // message it took but answered too late for is sent again.
    t = await buildTwilioApp(fake, { env: { TWILIO_TIMEOUT_MS: '1000' } });
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
  });

  const smsHealth = async () => (await t.call(null, { method: 'GET', url: '/healthz' })).json().sms;

  it('loses nothing and sends nothing twice across a minute of 500s, 429s and timeouts', {
    timeout: 120_000,
  }, async () => {
    const { outbox } = t.app.services.sms;
    for (let i = 0; i < 400; i += 1) fake.failNext(1, OUTAGE[i % OUTAGE.length]!);
    const bodies = Array.from({ length: 12 }, (_, i) => `Shift reminder ${i}`);
    const ids = bodies.map((body, i) => queue(t, `+1303555${String(1000 + i)}`, body).id);

    const seenDuringOutage = new Set<string>();
    for (let s = 0; s < 60; s += 1) {
      await outbox.flush();
      if (s === 30) {
        // More work arrives in the middle of the outage.
        ids.push(queue(t, '+13035552000', 'Offer 1234').id);
        bodies.push('Offer 1234');
      }
      if (s > 5) seenDuringOutage.add(await smsHealth());
      t.clock.advance(SECOND);
    }
    expect(fake.received).toEqual([]);
    expect(seenDuringOutage).toEqual(new Set(['degraded']));
    expect(smsRows(t).every((r) => r.status === 'queued')).toBe(true);

    fake.recover();
    for (let s = 0; s < 10 * 60 && fake.received.length < bodies.length; s += 5) {
      await outbox.flush();
      t.clock.advance(5 * SECOND);
    }
    await outbox.flush();

    expect(fake.received.map((m) => m.body).sort()).toEqual([...bodies].sort());
    const rows = smsRows(t).filter((r) => ids.includes(r.id));
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'submitted'));
    expect(new Set(rows.map((r) => r.providerSid)).size).toBe(rows.length);
    expect(await smsHealth()).toBe('ok');

    // Later flushes send nothing again.
    t.clock.advance(HOUR);
    await outbox.flush();
    expect(fake.received).toHaveLength(bodies.length);
  });
});
