import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../server/lib/backup';
import { DAY, FakeClock, HOUR } from '../server/lib/clock';
import { filesHolding, withAppInTempDir } from './helpers/disk';
import { addRelease, addSite, walk } from './helpers/fixtures';

const NOTE = 'ZQXnote-Maria-cousin-in-Tucson-5550199';
const DESTINATION = 'ZQXdest-Uncle-Pedro-Elm-Street';
const SMS_WORDS = 'ZQXsms-meet-Lucia-behind-the-church';
const PHONE = '+13035550199';

describe('privacy on disk after the retention purge', () => {
  it('leaves no purged value in the database file, its WAL or a later backup, within the hour', {
    timeout: 60_000,
  }, async () => {
    const clock = new FakeClock('2026-03-02T15:00:00Z');
    await withAppInTempDir('bv-privacy-', clock, async (t, dir) => {
      const coordinator = await t.signIn('coordinator');
      const site = await addSite(t, coordinator, { name: 'Greyhound' });
      const release = await addRelease(t, coordinator, {
        siteId: site.id,
        notes: NOTE,
        destination: DESTINATION,
      });
      await walk(t, coordinator, release.id, ['met', 'closed']);
      const sent = await t.call(coordinator, {
        method: 'POST',
        url: '/api/sms/messages',
        payload: { to: PHONE, body: SMS_WORDS },
      });
      expect(sent.statusCode).toBe(201);
      await t.app.services.sms.outbox.flush();
      // A backup taken while the values were live is the operator's to rotate; this one is not searched.
      expect(filesHolding(dir, NOTE).length).toBeGreaterThan(0);

      t.app.core.scheduler.ensureRecurring();
      clock.advance((t.config.RETENTION_DAYS + 2) * DAY);
      await t.app.core.scheduler.runDue();
      // The hourly checkpoint after the purge folds the WAL in and empties it.
      clock.advance(HOUR);
      await t.app.core.scheduler.runDue();
      await backupDatabase(t.db.$client, path.join(dir, 'backups'), clock.now());

      for (const marker of [NOTE, DESTINATION, SMS_WORDS, PHONE, PHONE.slice(1)]) {
        expect(filesHolding(dir, marker), marker).toEqual([]);
      }
    });
  });
});
