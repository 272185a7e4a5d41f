import { z } from 'zod';
import { canMove } from '../../../shared/releases';
import { defineJob } from '../../infra/jobs';
import { HOUR } from '../../lib/clock';
import type { TravelPorts } from './travel.ports';
import { findItinerary, releasesWithUnpurged, unpurgedOfReleases, updateItinerary } from './travel.repo';

/**
 * When the first leg leaves, the release moves to `traveling`, if its workflow allows it from where it
 * is (a group never met stays as it is, and one already traveling or closed is left alone). A job left
 * over from a departure time since changed finds the itinerary not yet leaving and does nothing.
 */
export function departJob(ports: Pick<TravelPorts, 'releases'>) {
  return defineJob(
    'travel.depart',
    z.object({ itineraryId: z.coerce.number().int() }),
    (ctx, p) => {
      const row = findItinerary(ctx.tx, p.itineraryId);
      if (!row || row.departedAt || row.purgedAt || row.departsAt.getTime() > ctx.now.getTime()) return;
      updateItinerary(ctx.tx, row.id, { departedAt: ctx.now, updatedAt: ctx.now });
      const found = ports.releases.findIn(ctx.tx, row.releaseId);
      const moved = !!found && canMove(found.release.status, 'traveling');
      if (moved) ports.releases.moveIn(ctx, row.releaseId, 'traveling');
      ctx.audit({
        action: 'itinerary.departed',
        entity: 'itinerary',
        entityId: row.id,
        changes: { releaseId: row.releaseId, releaseMoved: moved },
      });
      ctx.emit('itinerary.departed', { id: row.id, releaseId: row.releaseId, releaseMoved: moved });
    },
    { actor: 'travel' },
  );
}

/**
 * Within the hour after a release's free text is purged, its itineraries lose their places, legs, seats, booking code
 * and link; the first departure, people and ticket status stay, which is all the reports count.
 */
export function itineraryPurgeJob(ports: Pick<TravelPorts, 'releases'>) {
  return defineJob(
    'travel.purge',
    z.object({}),
    (ctx) => {
      const purged = ports.releases.purgedAmong(ctx.tx, releasesWithUnpurged(ctx.tx));
      for (const row of unpurgedOfReleases(ctx.tx, [...purged])) {
        updateItinerary(ctx.tx, row.id, {
          destination: null,
          legs: [],
          seats: null,
          confirmation: null,
          token: null,
          purgedAt: ctx.now,
        });
        ctx.audit({
          action: 'itinerary.purged',
          entity: 'itinerary',
          entityId: row.id,
          changes: { fields: ['destination', 'legs', 'seats', 'confirmation', 'link'] },
        });
        ctx.emit('itinerary.purged', { id: row.id, releaseId: row.releaseId });
      }
    },
    { everyMs: HOUR, actor: 'retention' },
  );
}
