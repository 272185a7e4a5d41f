import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openMigratedDb } from '../../db/client';
import { audit, events, jobs } from '../../db/schema';
import { FakeClock } from '../../server/lib/clock';
import { Commands, systemActor } from '../../server/lib/commands';

describe('Commands', () => {
  let db: Db;
  let commands: Commands;
  let commits: number[];
  beforeEach(() => {
    db = openMigratedDb(':memory:');
    commands = new Commands(db, new FakeClock('2026-03-02T15:00:00Z'));
    commits = [];
    // What a listener can read at the moment it is told about a commit.
    commands.onCommit(() => commits.push(db.select().from(events).all().length));
  });
  afterEach(() => db.$client.close());

  const actor = { userId: null, label: 'phone:+1***67', ip: '10.0.0.1' };

  it('writes the audit line and the event together, with the command time and actor', () => {
    const answer = commands.run(actor, ({ audit: write, emit, now }) => {
      write({ action: 'thing.done', entity: 'thing', entityId: 4, changes: { a: 1 } });
      emit('thing.done', { id: 4 }, ['admin', 'coordinator']);
      return now.toISOString();
    });
    expect(answer).toBe('2026-03-02T15:00:00.000Z');
    expect(db.select().from(audit).all()).toEqual([
      expect.objectContaining({
        actor: 'phone:+1***67',
        ip: '10.0.0.1',
        action: 'thing.done',
        entity: 'thing',
        entityId: 4,
        changes: { a: 1 },
        at: new Date('2026-03-02T15:00:00Z'),
      }),
    ]);
    expect(db.select().from(events).all()).toEqual([
      expect.objectContaining({ type: 'thing.done', data: { id: 4 }, roles: 'admin,coordinator' }),
    ]);
    expect(commits).toEqual([1]);
  });

  it('keeps nothing of a command that throws, and tells no listener', () => {
    expect(() =>
      commands.run(systemActor, ({ audit: write, emit }) => {
        write({ action: 'x', entity: 'x' });
        emit('x.y', {});
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.select().from(audit).all()).toEqual([]);
    expect(db.select().from(events).all()).toEqual([]);
    expect(commits).toEqual([]);
  });

  it('refuses an async callback and keeps nothing it wrote before its first await', async () => {
    expect(() =>
      commands.run(systemActor, async ({ emit }) => {
        emit('too.early', {});
      }),
    ).toThrow(/synchronous/);
    expect(db.select().from(events).all()).toEqual([]);
    expect(commits).toEqual([]);
  });

  it('treats a command run inside another as part of it: one notice, after the outer commit', () => {
    commands.run(systemActor, ({ emit }) => {
      emit('outer', {});
      commands.run(systemActor, ({ emit: inner }) => inner('inner', {}));
      emit('outer.after', {});
    });
    expect(
      db
        .select()
        .from(events)
        .all()
        .map((e) => e.type),
    ).toEqual(['outer', 'inner', 'outer.after']);
    expect(commits).toEqual([3]);
  });

  it('tells no listener about a nested command whose caller then rolls back', () => {
    expect(() =>
      commands.run(systemActor, ({ tx, emit }) => {
        emit('outer', {});
        commands.run(systemActor, ({ emit: inner }) => inner('inner', {}));
        tx.insert(jobs).values({ kind: 'k', dueAt: new Date(), payload: {}, createdAt: new Date() }).run();
        throw new Error('later rule broken');
      }),
    ).toThrow('later rule broken');
    expect(db.select().from(events).all()).toEqual([]);
    expect(db.select().from(jobs).all()).toEqual([]);
    expect(commits).toEqual([]);

    commands.run(systemActor, ({ emit }) => emit('after', {}));
    expect(commits).toEqual([1]);
  });

  it('stops notifying a listener once it unsubscribes', () => {
    const heard: string[] = [];
    const stop = commands.onCommit(() => heard.push('x'));
    commands.run(systemActor, () => undefined);
    stop();
    commands.run(systemActor, () => undefined);
    expect(heard).toEqual(['x']);
  });
});
