import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openMigratedDb } from '../../db/client';
import { events } from '../../db/schema';
import { FakeClock } from '../../server/lib/clock';
import { type Actor, Commands } from '../../server/lib/commands';

// Commands run in one event-loop turn share one commit; what a second connection (another process,
// or the disk after a crash) can see is what has been flushed.
describe('group commit', () => {
  let dir: string;
  let db: Db;
  let other: Database.Database;
  let commands: Commands;
  let commits: number;
  const deferred: Actor = { userId: 1, label: 'user:1', deferFlush: true };
  const onDisk = () =>
    (other.prepare('SELECT type FROM events ORDER BY id').all() as { type: string }[]).map((r) => r.type);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-group-'));
    db = openMigratedDb(path.join(dir, 'bienvenida.db'));
    other = new Database(path.join(dir, 'bienvenida.db'), { readonly: true });
    commands = new Commands(db, new FakeClock('2026-03-02T15:00:00Z'));
    commits = 0;
    commands.onCommit(() => {
      commits += 1;
    });
  });
  afterEach(() => {
    commands.flush();
    other.close();
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps deferred commands of one turn from other connections until their one shared flush', async () => {
    commands.run(deferred, ({ emit }) => emit('a', {}));
    commands.run(deferred, ({ emit }) => emit('b', {}));
    // The writer sees its own work at once; nobody else does, and no listener has heard of it.
    expect(
      db
        .select()
        .from(events)
        .all()
        .map((e) => e.type),
    ).toEqual(['a', 'b']);
    expect(onDisk()).toEqual([]);
    expect(commits).toBe(0);
    await commands.flushed();
    expect(onDisk()).toEqual(['a', 'b']);
    expect(commits).toBe(1);
    expect(commands.flushed()).toBeNull();
  });

  it('rolls back a deferred command that throws without touching the others of its turn', async () => {
    commands.run(deferred, ({ emit }) => emit('kept', {}));
    expect(() =>
      commands.run(deferred, ({ emit }) => {
        emit('lost', {});
        throw new Error('rule broken');
      }),
    ).toThrow('rule broken');
    commands.run(deferred, ({ emit }) => emit('kept.too', {}));
    await commands.flushed();
    expect(onDisk()).toEqual(['kept', 'kept.too']);
  });

  it('waits another turn while each brings more commands, and flushes once none arrives', async () => {
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const lone = commands.run(deferred, ({ emit }) => emit('lone', {}));
    expect(lone).toBeUndefined();
    await turn();
    // Alone in its turn, with nothing after it: flushed at the end of that turn.
    expect(onDisk()).toEqual(['lone']);
    expect(commits).toBe(1);
    // Requests arriving over three turns in a row share one flush.
    commands.run(deferred, ({ emit }) => emit('a', {}));
    commands.run(deferred, ({ emit }) => emit('b', {}));
    await turn();
    commands.run(deferred, ({ emit }) => emit('c', {}));
    await turn();
    commands.run(deferred, ({ emit }) => emit('d', {}));
    expect(onDisk()).toEqual(['lone']);
    await commands.flushed();
    expect(onDisk()).toEqual(['lone', 'a', 'b', 'c', 'd']);
    expect(commits).toBe(2);
  });

  it('never holds a flush for long under a steady stream: a few turns at most', async () => {
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const flushedAt: number[] = [];
    commands.onCommit(() => flushedAt.push(onDisk().length));
    for (let i = 0; i < 20; i += 1) {
      commands.run(deferred, ({ emit }) => emit(`e${i}`, {}));
      commands.run(deferred, ({ emit }) => emit(`f${i}`, {}));
      await turn();
    }
    await commands.flushed();
    expect(onDisk()).toHaveLength(40);
    // A flush at least every six turns (12 commands), however busy.
    expect(flushedAt.length).toBeGreaterThanOrEqual(4);
    const gaps = flushedAt.map((n, i) => n - (flushedAt[i - 1] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(12);
  });

  it('commits what is pending with a command that does not defer, before it returns', () => {
    commands.run(deferred, ({ emit }) => emit('waiting', {}));
    commands.run({ userId: null, label: 'job' }, ({ emit }) => emit('now', {}));
    expect(onDisk()).toEqual(['waiting', 'now']);
    expect(commits).toBe(1);
    expect(commands.flushed()).toBeNull();
  });

  it('ends the transaction a lone failing command opened, so later plain writes are not held', () => {
    expect(() =>
      commands.run(deferred, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(db.$client.inTransaction).toBe(false);
    expect(commits).toBe(0);
  });

  it('flushes an idempotency mark with its command', async () => {
    const claim = { scope: 'user:1', key: 'k-1', fingerprint: 'f', carriedOut: false };
    commands.run({ ...deferred, idempotency: claim }, ({ emit }) => emit('x', {}));
    expect(claim.carriedOut).toBe(true);
    expect(other.prepare('SELECT count(*) AS n FROM idempotency_keys').get()).toEqual({ n: 0 });
    await commands.flushed();
    expect(other.prepare('SELECT key FROM idempotency_keys').all()).toEqual([{ key: 'k-1' }]);
  });

  it('fails every waiter of a flush that fails, keeps none of its writes and tells no listener', async () => {
    const claim = { scope: 'user:1', key: 'k-2', fingerprint: 'f', carriedOut: false };
    commands.run(deferred, ({ emit }) => emit('innocent', {}));
    commands.run({ ...deferred, idempotency: claim }, ({ emit }) => {
      emit('poison', {});
      // A foreign key checked only at COMMIT: the whole shared transaction fails there.
      db.$client.pragma('defer_foreign_keys = ON');
      db.$client
        .prepare('INSERT INTO release_timeline (release_id, at, actor, kind) VALUES (999999, 0, ?, ?)')
        .run('t', 'note');
    });
    const waiter = commands.flushed();
    await expect(waiter).rejects.toThrow(/FOREIGN KEY/);
    expect(onDisk()).toEqual([]);
    expect(db.select().from(events).all()).toEqual([]);
    expect(db.$client.prepare('SELECT count(*) AS n FROM idempotency_keys').get()).toEqual({ n: 0 });
    expect(commits).toBe(0);
    // The next command starts afresh.
    commands.run({ userId: null, label: 'job' }, ({ emit }) => emit('after', {}));
    expect(onDisk()).toEqual(['after']);
  });
});
