import type { Core } from '../../deps';
import { defineRetentionJob } from '../../infra/jobs';
import { DAY } from '../../lib/clock';
import { clearTimelineNotes, insertTimeline, releasesToPurge, updateRelease } from './releases.repo';

/**
 * RETENTION_DAYS after a release closes, its free text (notes, destination, timeline notes) is erased;
 * secure_delete overwrites the freed space. Counts, languages and needs stay for reports. The audit
 * line says what was purged, never what it said.
 */
export function releasePurgeJob(core: Core) {
  return defineRetentionJob('releases.purge', (ctx) => {
    const before = new Date(ctx.now.getTime() - core.config.RETENTION_DAYS * DAY);
    for (const row of releasesToPurge(ctx.tx, before)) {
      updateRelease(ctx.tx, row.id, { notes: null, destination: null, purgedAt: ctx.now });
      clearTimelineNotes(ctx.tx, row.id);
      insertTimeline(ctx.tx, {
        releaseId: row.id,
        at: ctx.now,
        actor: 'retention',
        userId: null,
        kind: 'purged',
      });
      ctx.audit({
        action: 'release.purged',
        entity: 'release',
        entityId: row.id,
        changes: { fields: ['notes', 'destination', 'timeline notes'] },
      });
      ctx.emit('release.purged', { id: row.id });
    }
  });
}
