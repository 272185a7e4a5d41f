import type { FastifyBaseLogger } from 'fastify';
import type { Db, DbOrTx } from '../../db/client';
import {
  dueJobs,
  insertJob,
  type JobRow,
  markJobDone,
  markJobFailed,
  markJobRetry,
  type NewJob,
} from '../infra/jobs.repo';
import type { Clock } from './clock';

export type JobHandler = (payload: Record<string, unknown>, job: JobRow) => void | Promise<void>;

export interface JobKindOptions {
  maxAttempts?: number;
  /** Delay before retry number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
  /** Recurring work: after each run (or final failure) the next run is due this much later. */
  everyMs?: number;
}

interface Registered extends Required<Omit<JobKindOptions, 'everyMs'>> {
  handler: JobHandler;
  everyMs?: number;
}

const defaultBackoff = (attempt: number) => Math.min(60_000 * 2 ** (attempt - 1), 3_600_000);

/**
 * The one loop over persisted due work. Jobs are rows, so a restart loses nothing; time comes from the
 * injected clock, so tests advance a fake clock and call runDue() instead of sleeping.
 */
export class Scheduler {
  private readonly kinds = new Map<string, Registered>();
  /** Pollers over their own due rows (the SMS outbox), run on the same beat as the jobs. */
  private readonly pollers: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  register(kind: string, handler: JobHandler, options: JobKindOptions = {}): void {
    if (this.kinds.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.kinds.set(kind, {
      handler,
      maxAttempts: options.maxAttempts ?? 5,
      backoffMs: options.backoffMs ?? defaultBackoff,
      everyMs: options.everyMs,
    });
  }

  /** Makes sure each recurring kind has its next run pending (dedupe keeps it to one). */
  ensureRecurring(): void {
    const now = this.clock.now();
    for (const [kind, registered] of this.kinds) {
      if (registered.everyMs) this.schedule(this.db, { kind, dueAt: now, dedupeKey: `recurring:${kind}` });
    }
  }

  private scheduleNext(kind: string, everyMs: number): void {
    const dueAt = new Date(this.clock.now().getTime() + everyMs);
    this.schedule(this.db, { kind, dueAt, dedupeKey: `recurring:${kind}` });
  }

  /** Call inside the command's transaction, so the job exists exactly when the change does. */
  schedule(tx: DbOrTx, job: NewJob): void {
    insertJob(tx, job, this.clock.now());
  }

  /** Runs every job due now, one at a time, and answers how many ran. Overlapping calls share a run. */
  runDue(): Promise<number> {
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drain(): Promise<number> {
    let ran = 0;
    for (;;) {
      const batch = dueJobs(this.db, this.clock.now(), 50);
      if (batch.length === 0) return ran;
      for (const job of batch) {
        await this.runOne(job);
        ran += 1;
      }
    }
  }

  private async runOne(job: JobRow): Promise<void> {
    const kind = this.kinds.get(job.kind);
    const attempts = job.attempts + 1;
    if (!kind) {
      markJobFailed(this.db, job.id, attempts, this.clock.now(), `no handler for ${job.kind}`);
      this.log.error({ jobId: job.id, kind: job.kind }, 'job has no handler');
      return;
    }
    try {
      await kind.handler(job.payload, job);
      markJobDone(this.db, job.id, this.clock.now());
      if (kind.everyMs) this.scheduleNext(job.kind, kind.everyMs);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const now = this.clock.now();
      if (attempts >= kind.maxAttempts) {
        markJobFailed(this.db, job.id, attempts, now, message);
        this.log.error({ jobId: job.id, kind: job.kind, err }, 'job failed for good');
        if (kind.everyMs) this.scheduleNext(job.kind, kind.everyMs);
      } else {
        markJobRetry(this.db, job.id, attempts, new Date(now.getTime() + kind.backoffMs(attempts)), message);
        this.log.warn({ jobId: job.id, kind: job.kind, attempts, err }, 'job failed; will retry');
      }
    }
  }

  onTick(poller: () => void): void {
    this.pollers.push(poller);
  }

  start(intervalMs = 1000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      for (const poll of this.pollers) poll();
      this.runDue().catch((err) => this.log.error({ err }, 'scheduler loop failed'));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
