import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Db, openMigratedDb } from '../../db/client';
import { audit, jobs } from '../../db/schema';
import { defineJob, defineTask } from '../../server/infra/jobs';
import { pendingJobs } from '../../server/infra/jobs.repo';
import { FakeClock, HOUR, MINUTE } from '../../server/lib/clock';
import { Commands, systemActor } from '../../server/lib/commands';
import { Scheduler } from '../../server/lib/scheduler';

const silent = pino({ level: 'silent' });

describe('Scheduler', () => {
  let db: Db;
  let clock: FakeClock;
  let scheduler: Scheduler;
  beforeEach(() => {
    db = openMigratedDb(':memory:');
    clock = new FakeClock('2026-03-02T15:00:00Z');
    scheduler = new Scheduler(db, clock, silent);
  });
  afterEach(async () => {
    await scheduler.stop();
    db.$client.close();
  });

  const later = (ms: number) => new Date(clock.now().getTime() + ms);

  it('runs a job only once its time has come, exactly once, with its payload', async () => {
    const seen: Record<string, unknown>[] = [];
    const remind = defineJob('remind', z.object({ shiftId: z.number() }), (_ctx, payload) => {
      seen.push(payload);
    });
    scheduler.register(remind);
    scheduler.schedule(db, remind, { dueAt: later(10 * MINUTE), payload: { shiftId: 7 } });

    expect(await scheduler.runDue()).toBe(0);
    clock.advance(10 * MINUTE - 1);
    expect(await scheduler.runDue()).toBe(0);
    expect(seen).toEqual([]);

    clock.advance(1);
    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.runDue()).toBe(0);
    clock.advance(HOUR);
    expect(await scheduler.runDue()).toBe(0);
    expect(seen).toEqual([{ shiftId: 7 }]);
    expect(pendingJobs(db)).toEqual([]);
  });

  it('runs due jobs in due order', async () => {
    const order: string[] = [];
    const step = defineJob('step', z.object({ name: z.string() }), (_ctx, payload) => {
      order.push(payload.name);
    });
    scheduler.register(step);
    scheduler.schedule(db, step, { dueAt: later(3 * MINUTE), payload: { name: 'third' } });
    scheduler.schedule(db, step, { dueAt: later(MINUTE), payload: { name: 'first' } });
    scheduler.schedule(db, step, { dueAt: later(2 * MINUTE), payload: { name: 'second' } });
    clock.advance(5 * MINUTE);
    expect(await scheduler.runDue()).toBe(3);
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('shares one run between overlapping runDue() calls', async () => {
    let runs = 0;
    const slow = defineTask('slow', z.object({}), async () => {
      runs += 1;
      await Promise.resolve();
    });
    scheduler.register(slow);
    scheduler.schedule(db, slow, { dueAt: clock.now(), payload: {} });
    const [a, b] = await Promise.all([scheduler.runDue(), scheduler.runDue()]);
    expect([a, b]).toEqual([1, 1]);
    expect(runs).toBe(1);
  });

  it('retries a failing job after the default backoff, not before', async () => {
    let attempts = 0;
    const flaky = defineJob('flaky', z.object({}), () => {
      attempts += 1;
      if (attempts === 1) throw new Error('provider down');
    });
    scheduler.register(flaky);
    scheduler.schedule(db, flaky, { dueAt: clock.now(), payload: {} });

    await scheduler.runDue();
    expect(attempts).toBe(1);
    const [retrying] = pendingJobs(db, 'flaky');
    expect(retrying).toMatchObject({ attempts: 1, lastError: 'provider down' });

    clock.advance(MINUTE - 1);
    expect(await scheduler.runDue()).toBe(0);
    clock.advance(1);
    expect(await scheduler.runDue()).toBe(1);
    expect(attempts).toBe(2);
    const [done] = db.select().from(jobs).all();
    expect(done!.doneAt).not.toBeNull();
    expect(done!.failedAt).toBeNull();
  });

  it('marks a job failed after maxAttempts and never runs it again', async () => {
    let attempts = 0;
    const doomed = defineJob(
      'doomed',
      z.object({}),
      () => {
        attempts += 1;
        throw new Error(`attempt ${attempts}`);
      },
      { maxAttempts: 3, backoffMs: (n) => n * MINUTE },
    );
    scheduler.register(doomed);
    scheduler.schedule(db, doomed, { dueAt: clock.now(), payload: {} });

    await scheduler.runDue();
    clock.advance(MINUTE - 1);
    await scheduler.runDue();
    expect(attempts).toBe(1);
    clock.advance(1);
    await scheduler.runDue();
    expect(attempts).toBe(2);
    clock.advance(2 * MINUTE - 1);
    await scheduler.runDue();
    expect(attempts).toBe(2);
    clock.advance(1);
    await scheduler.runDue();
    expect(attempts).toBe(3);

    const [row] = db.select().from(jobs).all();
    expect(row).toMatchObject({ attempts: 3, lastError: 'attempt 3', doneAt: null });
    expect(row!.failedAt).toEqual(clock.now());
    clock.advance(24 * HOUR);
    expect(await scheduler.runDue()).toBe(0);
    expect(attempts).toBe(3);
  });

  it('fails a job whose kind has no handler instead of retrying it forever', async () => {
    const unknown = defineJob('unknown.kind', z.object({}), () => {});
    scheduler.schedule(db, unknown, { dueAt: clock.now(), payload: {} });
    expect(await scheduler.runDue()).toBe(1);
    const [row] = db.select().from(jobs).all();
    expect(row!.failedAt).not.toBeNull();
    expect(row!.lastError).toContain('unknown.kind');
  });

  it('runs recurring work once per interval, never doubled by repeated ensureRecurring()', async () => {
    let runs = 0;
    scheduler.register(
      defineJob(
        'cleanup',
        z.object({}),
        () => {
          runs += 1;
        },
        { everyMs: HOUR },
      ),
    );
    scheduler.ensureRecurring();
    scheduler.ensureRecurring();
    scheduler.ensureRecurring();
    expect(pendingJobs(db, 'cleanup')).toHaveLength(1);

    expect(await scheduler.runDue()).toBe(1);
    scheduler.ensureRecurring();
    expect(pendingJobs(db, 'cleanup')).toHaveLength(1);
    expect(await scheduler.runDue()).toBe(0);

    clock.advance(HOUR - 1);
    scheduler.ensureRecurring();
    expect(await scheduler.runDue()).toBe(0);
    clock.advance(1);
    expect(await scheduler.runDue()).toBe(1);
    expect(runs).toBe(2);
    expect(pendingJobs(db, 'cleanup')).toHaveLength(1);
  });

  it('keeps recurring work going after it fails for good', async () => {
    let runs = 0;
    scheduler.register(
      defineJob(
        'brittle',
        z.object({}),
        () => {
          runs += 1;
          throw new Error('nope');
        },
        { everyMs: HOUR, maxAttempts: 1 },
      ),
    );
    scheduler.ensureRecurring();
    await scheduler.runDue();
    clock.advance(HOUR);
    await scheduler.runDue();
    expect(runs).toBe(2);
    expect(pendingJobs(db, 'brittle')).toHaveLength(1);
  });

  it('drops a job scheduled inside a command that then throws', async () => {
    const commands = new Commands(db, clock);
    let runs = 0;
    const wave = defineJob('wave', z.object({}), () => {
      runs += 1;
    });
    scheduler.register(wave);
    expect(() =>
      commands.run(systemActor, ({ tx }) => {
        scheduler.schedule(tx, wave, { dueAt: clock.now(), payload: {} });
        throw new Error('rule broken');
      }),
    ).toThrow('rule broken');

    expect(db.select().from(jobs).all()).toEqual([]);
    expect(await scheduler.runDue()).toBe(0);
    expect(runs).toBe(0);
  });

  it('keeps a job scheduled inside a command that commits', async () => {
    const commands = new Commands(db, clock);
    const wave = defineJob('wave', z.object({}), () => {});
    commands.run(systemActor, ({ tx }) =>
      scheduler.schedule(tx, wave, { dueAt: later(MINUTE), payload: {} }),
    );
    expect(pendingJobs(db, 'wave')).toHaveLength(1);
  });
});

describe('Scheduler across a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-scheduler-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a job scheduled before the restart once its time comes', async () => {
    const file = path.join(dir, 'bienvenida.db');
    const clock = new FakeClock('2026-03-02T15:00:00Z');

    const before = openMigratedDb(file);
    const first = new Scheduler(before, clock, silent);
    const pageSchema = z.object({ pageId: z.number() });
    first.register(
      defineJob('escalate', pageSchema, () => {
        throw new Error('must not run before the restart');
      }),
    );
    first.schedule(
      before,
      defineJob('escalate', pageSchema, () => {}),
      {
        dueAt: new Date(clock.now().getTime() + 5 * MINUTE),
        payload: { pageId: 3 },
      },
    );
    await first.stop();
    before.$client.close();

    const after = openMigratedDb(file);
    const second = new Scheduler(after, clock, silent);
    const seen: Record<string, unknown>[] = [];
    second.register(
      defineJob('escalate', pageSchema, (_ctx, payload) => {
        seen.push(payload);
      }),
    );
    try {
      expect(await second.runDue()).toBe(0);
      clock.advance(5 * MINUTE);
      expect(await second.runDue()).toBe(1);
      expect(seen).toEqual([{ pageId: 3 }]);
      expect(await second.runDue()).toBe(0);
    } finally {
      await second.stop();
      after.$client.close();
    }
  });
});

describe('A job and its writes', () => {
  it('commit together: a handler that fails after writing leaves no write and the job still due', async () => {
    const db = openMigratedDb(':memory:');
    const clock = new FakeClock('2026-03-02T15:00:00Z');
    const scheduler = new Scheduler(db, clock, silent);
    let fail = true;
    const remind = defineJob('remind', z.object({}), (ctx) => {
      ctx.audit({ action: 'reminded', entity: 'shift' });
      if (fail) throw new Error('crashed after writing');
    });
    scheduler.register(remind);
    scheduler.schedule(db, remind, { dueAt: clock.now(), payload: {} });
    await scheduler.runDue();
    expect(db.select().from(audit).all()).toEqual([]);
    expect(pendingJobs(db, 'remind')).toHaveLength(1);

    fail = false;
    clock.advance(HOUR);
    await scheduler.runDue();
    expect(db.select().from(audit).all()).toHaveLength(1);
    expect(pendingJobs(db, 'remind')).toEqual([]);
    await scheduler.stop();
    db.$client.close();
  });

  it('refuses a payload that does not match its kind, without running the handler', async () => {
    const db = openMigratedDb(':memory:');
    const clock = new FakeClock('2026-03-02T15:00:00Z');
    const scheduler = new Scheduler(db, clock, silent);
    let runs = 0;
    const remind = defineJob('remind', z.object({ shiftId: z.number() }), () => {
      runs += 1;
    });
    scheduler.register(remind);
    scheduler.schedule(db, remind, { dueAt: clock.now(), payload: { shiftId: 'x' as unknown as number } });
    await scheduler.runDue();
    expect(runs).toBe(0);
    const [row] = db.select().from(jobs).all();
    expect(row!.failedAt).not.toBeNull();
    db.$client.close();
  });
});
