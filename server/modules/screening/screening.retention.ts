import type { Core } from '../../deps';
import { defineRetentionJob } from '../../infra/jobs';
import { DAY } from '../../lib/clock';
import { purgeScreeningsBefore } from './screening.repo';

/**
 * RETENTION_DAYS after a screen, its answers (symptoms, exposure) are deleted, unless it is what still
 * decides the volunteer's state: their newest screen and their newest isolation stay, so nobody's
 * state or "last screened" changes. secure_delete overwrites the freed space. The audit line gives a
 * count, never whose screens or what they said.
 */
export function screeningPurgeJob(core: Core) {
  return defineRetentionJob('screening.purge', (ctx) => {
    const before = new Date(ctx.now.getTime() - core.config.RETENTION_DAYS * DAY);
    const purged = purgeScreeningsBefore(ctx.tx, before);
    if (purged > 0)
      ctx.audit({ action: 'screening.purged', entity: 'screening', changes: { screens: purged } });
  });
}
