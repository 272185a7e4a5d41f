import { defineRetentionJob } from '../../infra/jobs';
import type { FundPorts } from './fund.ports';
import { disbursementsWithTextNotPurged, updateDisbursement } from './fund.repo';

/**
 * A receipt note or rejection reason on a disbursement tied to a release may say who was helped: it
 * goes when the release's own free text is purged. Amount, purpose and status stay for the report.
 */
export function disbursementPurgeJob(ports: Pick<FundPorts, 'releases'>) {
  return defineRetentionJob('fund.purge', (ctx) => {
    const candidates = disbursementsWithTextNotPurged(ctx.tx);
    const purged = ports.releases.purgedAmong(ctx.tx, [...new Set(candidates.map((d) => d.releaseId!))]);
    for (const row of candidates.filter((d) => purged.has(d.releaseId!))) {
      updateDisbursement(ctx.tx, row.id, { note: null, decisionReason: null, purgedAt: ctx.now });
      ctx.audit({
        action: 'disbursement.purged',
        entity: 'disbursement',
        entityId: row.id,
        changes: { fields: ['note', 'decisionReason'] },
      });
    }
  });
}
