import path from 'node:path';
import type { Core } from '../deps';
import { backupDatabase } from '../lib/backup';
import { DAY, HOUR } from '../lib/clock';
import type { AuthService } from '../modules/auth/auth.service';
import { deleteEventsBefore } from './events.repo';
import { deleteKeysBefore } from './idempotency.repo';
import { deleteFinishedJobsBefore } from './jobs.repo';

/** Housekeeping: dead sessions, old idempotency answers, finished jobs, old live events, and the scheduled backup. */
export function registerMaintenance(core: Core, auth: AuthService): void {
  core.scheduler.register(
    'maintenance.cleanup',
    () => {
      const now = core.clock.now().getTime();
      auth.purgeDeadSessions();
      deleteKeysBefore(core.db, new Date(now - DAY));
      deleteFinishedJobsBefore(core.db, new Date(now - 7 * DAY));
      // The live feed carries names (a volunteer who is isolating): it is kept no longer than the
      // retention period, which also bounds how far back a reconnecting dashboard can replay.
      deleteEventsBefore(core.db, new Date(now - core.config.RETENTION_DAYS * DAY));
    },
    { everyMs: HOUR },
  );

  const { BACKUP_INTERVAL_HOURS, DATA_DIR } = core.config;
  if (BACKUP_INTERVAL_HOURS > 0 && !core.db.$client.memory) {
    core.scheduler.register(
      'maintenance.backup',
      async () => {
        await backupDatabase(core.db.$client, path.join(DATA_DIR, 'backups'), core.clock.now());
      },
      { everyMs: BACKUP_INTERVAL_HOURS * HOUR },
    );
  }
}
