import { z } from 'zod';
import { DAY } from '../lib/clock';
import type { CommandContext } from '../lib/commands';

export interface JobOptions {
  maxAttempts?: number;
  /** Delay before retry number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
  /** Recurring work: after each run (or final failure) the next run is due this much later. */
  everyMs?: number;
  /** Who the audit log names for the job's writes. */
  actor?: string;
}

/**
 * Work due later, as a typed row. A job's handler runs inside one command together with marking the job
 * done, so its writes and its completion commit or roll back as one: a crash can never leave a reminder
 * sent and its job still due.
 */
export interface JobDefinition<P = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  options: JobOptions;
  /** Synchronous work inside the job's transaction. */
  handle?: (ctx: CommandContext, payload: P) => void;
  /** Work that must await (a file backup): it writes no domain rows, so it runs outside a transaction. */
  task?: () => Promise<void>;
}

export function defineJob<S extends z.ZodType>(
  kind: string,
  payload: S,
  handle: (ctx: CommandContext, payload: z.output<S>) => void,
  options: JobOptions = {},
): JobDefinition<z.output<S>> {
  return { kind, payload: payload as z.ZodType<z.output<S>>, handle, options };
}

/** Daily purge of what is kept no longer than the network's retention; the audit log names 'retention'. */
export function defineRetentionJob(
  kind: string,
  handle: (ctx: CommandContext) => void,
): JobDefinition<Record<string, never>> {
  return defineJob(kind, z.object({}), handle, { everyMs: DAY, actor: 'retention' });
}

/** Recurring or one-off work that awaits I/O and writes nothing but files. */
export function defineTask(
  kind: string,
  payload: z.ZodType<unknown>,
  task: () => Promise<void>,
  options: JobOptions = {},
): JobDefinition<unknown> {
  return { kind, payload, task, options };
}

export interface JobTiming<P> {
  dueAt: Date;
  payload: P;
  /** A pending job with the same key is kept instead of adding another. */
  dedupeKey?: string;
}
