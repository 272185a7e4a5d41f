import path from 'node:path';
import { z } from 'zod';
import type { Core } from '../deps';
import { backupDatabase } from '../lib/backup';
import { DAY, HOUR } from '../lib/clock';
import { deleteEventsBefore } from './events.repo';
import { deleteKeysBefore } from './idempotency.repo';
import { defineJob, defineTask, type JobDefinition } from './jobs';
import { deleteFinishedJobsBefore } from './jobs.repo';

/** Housekeeping: old idempotency answers, finished jobs, old live events, and the scheduled backup. */
export function maintenanceJobs(core: Core): JobDefinition[] {
  const cleanup = defineJob(
    'maintenance.cleanup',
    z.object({}),
    (ctx) => {
      const now = ctx.now.getTime();
      deleteKeysBefore(ctx.tx, new Date(now - DAY));
      deleteFinishedJobsBefore(ctx.tx, new Date(now - 7 * DAY));
      // The live feed carries names (a volunteer who is isolating): it is kept no longer than the
      // retention period, which also bounds how far back a reconnecting dashboard can replay.
      deleteEventsBefore(ctx.tx, new Date(now - core.config.RETENTION_DAYS * DAY));
    },
    { everyMs: HOUR },
  );
  if (core.db.$client.memory) return [cleanup as JobDefinition];
  // Purges overwrite the freed bytes in the database file, but the WAL still holds the pages as they
  // were before; folding it in and truncating it leaves no purged value on disk for more than an hour.
  const checkpoint = defineTask(
    'maintenance.checkpoint',
    z.object({}),
    async () => {
      core.commands.flush();
      core.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    },
    { everyMs: HOUR },
  );
  const { BACKUP_INTERVAL_HOURS, DATA_DIR } = core.config;
  if (BACKUP_INTERVAL_HOURS <= 0) return [cleanup as JobDefinition, checkpoint];
  const backup = defineTask(
    'maintenance.backup',
    z.object({}),
    async () => {
      core.commands.flush();
      await backupDatabase(core.db.$client, path.join(DATA_DIR, 'backups'), core.clock.now());
    },
    { everyMs: BACKUP_INTERVAL_HOURS * HOUR },
  );
  return [cleanup as JobDefinition, checkpoint, backup];
}
