import { EventEmitter } from 'node:events';
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
  /** A known volunteer texting in, so records can name them (and forget them once erased). */
  volunteerId?: number | null;
  /** The Idempotency-Key of the request acting, marked as carried out when its command commits. */
  idempotency?: (IdempotencyClaim & { carriedOut: boolean }) | null;
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
 */
export class Commands {
  private readonly committed = new EventEmitter();
  private depth = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  run<T>(actor: Actor, fn: (ctx: CommandContext) => T): T {
    const now = this.clock.now();
    this.depth += 1;
    let result: T;
    try {
      result = this.runInTransaction(actor, now, fn);
    } finally {
      this.depth -= 1;
    }
    // A command run inside another is only a savepoint of its caller: nothing is final until the
    // outermost one commits, and listeners must not read (and push) rows that may still roll back.
    if (this.depth === 0) {
      if (actor.idempotency) actor.idempotency.carriedOut = true;
      this.committed.emit('commit');
    }
    return result;
  }

  private runInTransaction<T>(actor: Actor, now: Date, fn: (ctx: CommandContext) => T): T {
    return this.db.transaction((tx) => {
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
    });
  }

  onCommit(listener: () => void): () => void {
    this.committed.on('commit', listener);
    return () => this.committed.off('commit', listener);
  }
}
