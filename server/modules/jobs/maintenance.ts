import type { Core } from '../../deps';
import { DAY, HOUR } from '../../lib/clock';
import type { AuthService } from '../auth/auth.service';
import { deleteKeysBefore } from '../idempotency/idempotency.repo';
import { deleteFinishedJobsBefore } from './jobs.repo';

/** Housekeeping that keeps the database small: dead sessions, old idempotency answers, finished jobs. */
export function registerMaintenance(core: Core, auth: AuthService): void {
  core.scheduler.register(
    'maintenance.cleanup',
    () => {
      const now = core.clock.now().getTime();
      auth.purgeDeadSessions();
      deleteKeysBefore(core.db, new Date(now - DAY));
      deleteFinishedJobsBefore(core.db, new Date(now - 7 * DAY));
    },
    { everyMs: HOUR },
  );
}
