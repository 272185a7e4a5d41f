import { describe, expect, it } from 'vitest';
import { DAY, FakeClock, HOUR } from '../../../server/lib/clock';
import { filesHolding, withAppInTempDir } from '../../helpers/disk';
import { addItinerary, metFamily, share } from './travel.helpers';

const PLACE = 'ZQXplace-Aunt-Rosa-Marietta';
const BOOKING = 'ZQXBK42';

describe('an itinerary on disk after its release is purged', () => {
  it('leaves neither its places nor its booking code nor its link in the database file or WAL', {
    timeout: 60_000,
  }, async () => {
    const clock = new FakeClock('2026-03-02T15:00:00Z');
    await withAppInTempDir('bv-travel-disk-', clock, async (t, dir) => {
      const coordinator = await t.signIn('coordinator');
      const release = await metFamily(t, coordinator);
      const it1 = await addItinerary(t, coordinator, release.id, {
        destination: PLACE,
        confirmation: BOOKING,
      });
      const token = new URL((await share(t, coordinator, it1.id)).json().url).pathname.slice(3);
      await t.call(coordinator, {
        method: 'POST',
        url: `/api/releases/${release.id}/status`,
        payload: { status: 'closed' },
      });
      expect(filesHolding(dir, PLACE).length).toBeGreaterThan(0);

      t.app.core.scheduler.ensureRecurring();
      clock.advance((t.config.RETENTION_DAYS + 2) * DAY);
      await t.app.core.scheduler.runDue();
      // The itinerary follows within the hour; the checkpoint after it folds the WAL in.
      for (let i = 0; i < 3; i += 1) {
        clock.advance(HOUR);
        await t.app.core.scheduler.runDue();
      }
      for (const marker of [PLACE, BOOKING, token]) expect(filesHolding(dir, marker), marker).toEqual([]);
    });
  });
});
