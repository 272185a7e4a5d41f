import { defineRetentionJob } from '../../infra/jobs';
import type { HousingPorts } from './housing.ports';
import { staysWithGuestsNotPurged, updateStay } from './housing.repo';

/** Guests' first names or aliases on a stay go when the release's own free text is purged. */
export function stayPurgeJob(ports: Pick<HousingPorts, 'releases'>) {
  return defineRetentionJob('housing.purge', (ctx) => {
    const candidates = staysWithGuestsNotPurged(ctx.tx);
    const purged = ports.releases.purgedAmong(ctx.tx, [...new Set(candidates.map((s) => s.releaseId))]);
    for (const stay of candidates.filter((s) => purged.has(s.releaseId))) {
      updateStay(ctx.tx, stay.id, { guests: null, purgedAt: ctx.now });
      ctx.audit({
        action: 'stay.purged',
        entity: 'stay',
        entityId: stay.id,
        changes: { fields: ['guests'] },
      });
    }
  });
}
