import type { FastifyBaseLogger } from 'fastify';
import type { Db, DbOrTx } from '../../db/client';
import type { JobDefinition, JobTiming } from '../infra/jobs';
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
import { Commands } from './commands';

const defaultBackoff = (attempt: number) => Math.min(60_000 * 2 ** (attempt - 1), 3_600_000);

/**
 * The one loop over persisted due work. Jobs are rows, so a restart loses nothing; time comes from the
 * injected clock, so tests advance a fake clock and call runDue() instead of sleeping.
 */
export class Scheduler {
  // biome-ignore lint/suspicious/noExplicitAny: each definition checks its own payload when it runs
  private readonly kinds = new Map<string, JobDefinition<any>>();
  /** Pollers over their own due rows (the SMS outbox), run on the same beat as the jobs. */
  private readonly pollers: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
    private readonly commands: Commands = new Commands(db, clock),
  ) {}

  register<P>(job: JobDefinition<P>): void {
    if (this.kinds.has(job.kind)) throw new Error(`job kind ${job.kind} registered twice`);
    this.kinds.set(job.kind, job);
  }

  /**
   * Makes sure each recurring kind has its next run pending (dedupe keeps it to one), in one
   * transaction: one commit at start rather than one per kind.
   */
  ensureRecurring(): void {
    const now = this.clock.now();
    this.db.transaction((tx) => {
      for (const job of this.kinds.values()) {
        if (job.options.everyMs) this.insert(tx, job, now, { dueAt: now, payload: {} });
      }
    });
  }

  /** Call inside the command's transaction, so the job exists exactly when the change does. */
  schedule<P>(tx: DbOrTx, job: JobDefinition<P>, timing: JobTiming<P>): void {
    this.insert(tx, job, this.clock.now(), timing);
  }

  private insert<P>(tx: DbOrTx, job: JobDefinition<P>, now: Date, timing: JobTiming<P>): void {
    const row: NewJob = {
      kind: job.kind,
      dueAt: timing.dueAt,
      payload: (timing.payload ?? {}) as Record<string, unknown>,
      dedupeKey: job.options.everyMs ? `recurring:${job.kind}` : timing.dedupeKey,
    };
    insertJob(tx, row, now);
  }

  private scheduleNext(tx: DbOrTx, job: JobDefinition<unknown>): void {
    const now = this.clock.now();
    this.insert(tx, job, now, { dueAt: new Date(now.getTime() + job.options.everyMs!), payload: {} });
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

  private async runOne(row: JobRow): Promise<void> {
    const job = this.kinds.get(row.kind);
    const attempts = row.attempts + 1;
    if (!job) {
      markJobFailed(this.db, row.id, attempts, this.clock.now(), `no handler for ${row.kind}`);
      this.log.error({ jobId: row.id, kind: row.kind }, 'job has no handler');
      return;
    }
    const parsed = job.payload.safeParse(row.payload);
    if (!parsed.success) {
      markJobFailed(this.db, row.id, attempts, this.clock.now(), `bad payload: ${parsed.error.message}`);
      this.log.error({ jobId: row.id, kind: row.kind }, 'job payload does not match its kind');
      return;
    }
    try {
      if (job.task) {
        await job.task();
        this.commands.run({ userId: null, label: job.options.actor ?? row.kind }, (ctx) =>
          this.complete(ctx.tx, job, row, ctx.now),
        );
      } else {
        this.commands.run({ userId: null, label: job.options.actor ?? row.kind }, (ctx) => {
          job.handle!(ctx, parsed.data);
          this.complete(ctx.tx, job, row, ctx.now);
        });
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const now = this.clock.now();
      const maxAttempts = job.options.maxAttempts ?? 5;
      if (attempts >= maxAttempts) {
        this.db.transaction((tx) => {
          markJobFailed(tx, row.id, attempts, now, message);
          if (job.options.everyMs) this.scheduleNext(tx, job);
        });
        this.log.error({ jobId: row.id, kind: row.kind, err }, 'job failed for good');
      } else {
        const backoff = job.options.backoffMs ?? defaultBackoff;
        markJobRetry(this.db, row.id, attempts, new Date(now.getTime() + backoff(attempts)), message);
        this.log.warn({ jobId: row.id, kind: row.kind, attempts, err }, 'job failed; will retry');
      }
    }
  }

  /** Done and, for recurring work, the next run: in the same transaction as the job's own writes. */
  private complete(tx: DbOrTx, job: JobDefinition<unknown>, row: JobRow, now: Date): void {
    markJobDone(tx, row.id, now);
    if (job.options.everyMs) this.scheduleNext(tx, job);
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
