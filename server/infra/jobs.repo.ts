import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { jobs } from '../../db/schema';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  kind: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
  dedupeKey?: string;
}

/** Inserts a job; with a dedupeKey that already has a pending job, keeps the existing one. */
export function insertJob(tx: DbOrTx, job: NewJob, now: Date): void {
  tx.insert(jobs)
    .values({
      kind: job.kind,
      dueAt: job.dueAt,
      payload: job.payload ?? {},
      dedupeKey: job.dedupeKey,
      createdAt: now,
    })
    // The only unique index besides the id is the partial one on pending dedupe keys.
    .onConflictDoNothing()
    .run();
}

const pending = and(isNull(jobs.doneAt), isNull(jobs.failedAt));

export function dueJobs(db: DbOrTx, now: Date, limit: number): JobRow[] {
  return db
    .select()
    .from(jobs)
    .where(and(pending, lte(jobs.dueAt, now)))
    .orderBy(asc(jobs.dueAt), asc(jobs.id))
    .limit(limit)
    .all();
}

export function pendingJobs(db: DbOrTx, kind?: string): JobRow[] {
  return db
    .select()
    .from(jobs)
    .where(kind ? and(pending, eq(jobs.kind, kind)) : pending)
    .orderBy(asc(jobs.dueAt))
    .all();
}

export function markJobDone(db: DbOrTx, id: number, now: Date): void {
  db.update(jobs).set({ doneAt: now }).where(eq(jobs.id, id)).run();
}

export function markJobRetry(db: DbOrTx, id: number, attempts: number, dueAt: Date, error: string): void {
  db.update(jobs).set({ attempts, dueAt, lastError: error }).where(eq(jobs.id, id)).run();
}

export function markJobFailed(db: DbOrTx, id: number, attempts: number, now: Date, error: string): void {
  db.update(jobs).set({ attempts, failedAt: now, lastError: error }).where(eq(jobs.id, id)).run();
}

export function deleteFinishedJobsBefore(db: DbOrTx, before: Date): number {
  return db
    .delete(jobs)
    .where(
      sql`(done_at is not null and done_at < ${before.getTime()}) or (failed_at is not null and failed_at < ${before.getTime()})`,
    )
    .run().changes;
}
