import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openMigratedDb } from '../../db/client';
import { jobs } from '../../db/schema';
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
    scheduler.register('remind', (payload) => {
      seen.push(payload);
    });
    scheduler.schedule(db, { kind: 'remind', dueAt: later(10 * MINUTE), payload: { shiftId: 7 } });

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
    scheduler.register('step', (payload) => {
      order.push(String(payload.name));
    });
    scheduler.schedule(db, { kind: 'step', dueAt: later(3 * MINUTE), payload: { name: 'third' } });
    scheduler.schedule(db, { kind: 'step', dueAt: later(MINUTE), payload: { name: 'first' } });
    scheduler.schedule(db, { kind: 'step', dueAt: later(2 * MINUTE), payload: { name: 'second' } });
    clock.advance(5 * MINUTE);
    expect(await scheduler.runDue()).toBe(3);
    expect(order).toEqual(['first', 'second', 'third']);
  });

  it('shares one run between overlapping runDue() calls', async () => {
    let runs = 0;
    scheduler.register('slow', async () => {
      runs += 1;
      await Promise.resolve();
    });
    scheduler.schedule(db, { kind: 'slow', dueAt: clock.now() });
    const [a, b] = await Promise.all([scheduler.runDue(), scheduler.runDue()]);
    expect([a, b]).toEqual([1, 1]);
    expect(runs).toBe(1);
  });

  it('retries a failing job after the default backoff, not before', async () => {
    let attempts = 0;
    scheduler.register('flaky', () => {
      attempts += 1;
      if (attempts === 1) throw new Error('provider down');
    });
    scheduler.schedule(db, { kind: 'flaky', dueAt: clock.now() });

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
    scheduler.register(
      'doomed',
      () => {
        attempts += 1;
        throw new Error(`attempt ${attempts}`);
      },
      { maxAttempts: 3, backoffMs: (n) => n * MINUTE },
    );
    scheduler.schedule(db, { kind: 'doomed', dueAt: clock.now() });

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
    scheduler.schedule(db, { kind: 'unknown.kind', dueAt: clock.now() });
    expect(await scheduler.runDue()).toBe(1);
    const [row] = db.select().from(jobs).all();
    expect(row!.failedAt).not.toBeNull();
    expect(row!.lastError).toContain('unknown.kind');
  });

  it('runs recurring work once per interval, never doubled by repeated ensureRecurring()', async () => {
    let runs = 0;
    scheduler.register(
      'cleanup',
      () => {
        runs += 1;
      },
      { everyMs: HOUR },
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
      'brittle',
      () => {
        runs += 1;
        throw new Error('nope');
      },
      { everyMs: HOUR, maxAttempts: 1 },
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
    scheduler.register('wave', () => {
      runs += 1;
    });
    expect(() =>
      commands.run(systemActor, ({ tx }) => {
        scheduler.schedule(tx, { kind: 'wave', dueAt: clock.now() });
        throw new Error('rule broken');
      }),
    ).toThrow('rule broken');

    expect(db.select().from(jobs).all()).toEqual([]);
    expect(await scheduler.runDue()).toBe(0);
    expect(runs).toBe(0);
  });

  it('keeps a job scheduled inside a command that commits', async () => {
    const commands = new Commands(db, clock);
    commands.run(systemActor, ({ tx }) => scheduler.schedule(tx, { kind: 'wave', dueAt: later(MINUTE) }));
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
    first.register('escalate', () => {
      throw new Error('must not run before the restart');
    });
    first.schedule(before, {
      kind: 'escalate',
      dueAt: new Date(clock.now().getTime() + 5 * MINUTE),
      payload: { pageId: 3 },
    });
    await first.stop();
    before.$client.close();

    const after = openMigratedDb(file);
    const second = new Scheduler(after, clock, silent);
    const seen: Record<string, unknown>[] = [];
    second.register('escalate', (payload) => {
      seen.push(payload);
    });
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
