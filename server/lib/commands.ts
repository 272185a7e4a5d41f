import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { Db, Tx } from '../../db/client';
import type { Role } from '../../db/schema';
import { insertAudit } from '../infra/audit.repo';
import { insertEvent } from '../infra/events.repo';
import { type IdempotencyClaim, markCarriedOut } from '../infra/idempotency.repo';
import type { Clock } from './clock';

/** Who is acting: a signed-in user, a phone texting in, or the system itself. */
export interface Actor {
  userId: number | null;
  label: string;
  ip?: string;
  /** The signed-in user's name, known from the session, so an answer need not look it up. */
  name?: string;
  /** A known volunteer texting in, so records can name them (and forget them once erased). */
  volunteerId?: number | null;
  /** The Idempotency-Key of the request acting, marked as carried out in its command's transaction. */
  idempotency?: (IdempotencyClaim & { carriedOut: boolean }) | null;
  /**
   * The caller tells nobody of the outcome before `Commands.flushed()` settles (an HTTP answer waits
   * for it), so the command may share its flush to disk with the others run at the same moment.
   */
  deferFlush?: boolean;
}

export const systemActor: Actor = { userId: null, label: 'system' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: number | null;
  changes?: Record<string, unknown> | null;
}

export interface CommandContext {
  tx: Tx;
  now: Date;
  actor: Actor;
  audit(entry: AuditEntry): void;
  /** A live event; `roles` narrows who may see it (default: every signed-in user). */
  emit(type: string, data: Record<string, unknown>, roles?: readonly Role[]): void;
}

/**
 * One command = one synchronous transaction that writes the domain rows, their audit lines and their
 * live events together. Listeners (the realtime hub, the SMS outbox) hear about it only after commit.
 *
 * Group commit: the outermost commands run in one event-loop turn share one transaction, each in its
 * own savepoint (a command that throws rolls back alone), and one flush to disk at the end of the turn
 * (or a few turns later, while each brings more).
 * A command whose actor defers the flush returns before it; its caller answers only once `flushed()`
 * settles, so nothing is acknowledged before it is on disk. Any other command commits the shared
 * transaction before it returns, as a lone transaction would.
 */
export class Commands {
  private readonly committed = new EventEmitter();
  private readonly sqlite: Database.Database;
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly inSavepoint: (thunk: () => unknown) => unknown;
  private depth = 0;
  private batch: Batch | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.sqlite = db.$client;
    this.begin = this.sqlite.prepare('BEGIN');
    this.commit = this.sqlite.prepare('COMMIT');
    this.rollback = this.sqlite.prepare('ROLLBACK');
    this.inSavepoint = this.sqlite.transaction((thunk: () => unknown) => thunk());
  }

  run<T>(actor: Actor, fn: (ctx: CommandContext) => T): T {
    const now = this.clock.now();
    // A command run inside another is only a savepoint of its caller: nothing is final until the
    // outermost one commits, and listeners must not read (and push) rows that may still roll back.
    // So is one run inside a transaction opened by someone else, who commits it.
    if (this.depth > 0 || (!this.batch && this.sqlite.inTransaction)) return this.runNested(actor, now, fn);
    const batch = this.openBatch();
    this.depth = 1;
    let result: T;
    try {
      result = this.inSavepoint(() => this.runIn(actor, now, fn)) as T;
    } catch (err) {
      this.depth = 0;
      // Alone in the transaction: end it rather than leave it open for whatever runs next.
      if (!batch.scheduled) this.flush();
      throw err;
    }
    this.depth = 0;
    batch.commands += 1;
    // Its mark is in the transaction: the answer kept for replays goes with it (or with it is lost).
    if (actor.idempotency) actor.idempotency.carriedOut = true;
    if (actor.deferFlush) this.schedule(batch);
    else this.flush();
    return result;
  }

  /** Settles once every command run so far is on disk (at once when none waits); rejects if the flush failed. */
  flushed(): Promise<void> | null {
    const batch = this.batch;
    if (!batch) return null;
    batch.done ??= new Promise<void>((resolve, reject) => {
      batch.resolve = resolve;
      batch.reject = reject;
    });
    return batch.done;
  }

  /**
   * Commits the shared transaction now, flushing it to disk, and tells the listeners. Called before
   * anything that cannot run inside a transaction (a checkpoint, a backup, closing the database).
   */
  flush(): void {
    const batch = this.batch;
    if (!batch || this.depth > 0) return;
    this.batch = null;
    try {
      if (this.sqlite.inTransaction) this.commit.run();
    } catch (err) {
      if (this.sqlite.inTransaction) this.rollback.run();
      batch.reject?.(err);
      throw err;
    }
    batch.resolve?.();
    if (batch.commands > 0) this.committed.emit('commit');
  }

  onCommit(listener: () => void): () => void {
    this.committed.on('commit', listener);
    return () => this.committed.off('commit', listener);
  }

  private openBatch(): Batch {
    // A statement error that made SQLite roll the whole transaction back ends the batch with it.
    if (this.batch && !this.sqlite.inTransaction) this.fail(this.batch);
    if (!this.batch) {
      if (!this.sqlite.inTransaction) this.begin.run();
      this.batch = { commands: 0, scheduled: false, done: null, resolve: null, reject: null };
    }
    return this.batch;
  }

  private fail(batch: Batch): void {
    this.batch = null;
    batch.reject?.(new Error('the database rolled back the transaction these commands shared'));
  }

  private schedule(batch: Batch): void {
    if (batch.scheduled) return;
    batch.scheduled = true;
    // At the end of this turn, or, while each turn brings more commands (requests arriving together),
    // a few turns later: one flush for all of them, and no wait when nothing else arrives.
    let seen = batch.commands;
    let turns = 0;
    const atEndOfTurn = () => {
      if (this.batch !== batch) return;
      if (batch.commands > seen && turns < GATHER_TURNS) {
        seen = batch.commands;
        turns += 1;
        setImmediate(atEndOfTurn);
        return;
      }
      try {
        this.flush();
      } catch {
        // Each waiter of the batch has been told (flushed() rejects).
      }
    };
    setImmediate(atEndOfTurn);
  }

  private runNested<T>(actor: Actor, now: Date, fn: (ctx: CommandContext) => T): T {
    this.depth += 1;
    try {
      return this.inSavepoint(() => this.runIn(actor, now, fn)) as T;
    } finally {
      this.depth -= 1;
    }
  }

  private runIn<T>(actor: Actor, now: Date, fn: (ctx: CommandContext) => T): T {
    const tx = this.db as unknown as Tx;
    const ctx: CommandContext = {
      tx,
      now,
      actor,
      audit: (entry) =>
        insertAudit(tx, {
          at: now,
          userId: actor.userId,
          actor: actor.label,
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId ?? null,
          changes: entry.changes ?? null,
          ip: actor.ip ?? null,
        }),
      emit: (type, data, roles) =>
        insertEvent(tx, { type, at: now, data, roles: roles ? roles.join(',') : null }),
    };
    const value = fn(ctx);
    if (value instanceof Promise) throw new Error('command callbacks must be synchronous');
    if (actor.idempotency && this.depth === 1) markCarriedOut(tx, actor.idempotency, now);
    return value;
  }
}

/** How many more turns of the event loop a flush may wait while each brings new commands. */
const GATHER_TURNS = 4;

interface Batch {
  /** Outermost commands that ran to their end in it. */
  commands: number;
  scheduled: boolean;
  done: Promise<void> | null;
  resolve: (() => void) | null;
  reject: ((err: unknown) => void) | null;
}
