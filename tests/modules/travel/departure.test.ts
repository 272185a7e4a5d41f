import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, HOUR, MINUTE } from '../../../server/lib/clock';
import { buildTestApp, type TestApp, withAppOn } from '../../helpers/app';
import { auditRows, getRelease } from '../../helpers/fixtures';
import { addItinerary, EL_PASO_TO_ATLANTA, metFamily } from './travel.helpers';

// The test clock starts at 2026-03-02T15:00Z; the first leg leaves El Paso 2026-03-03 13:00 MST = 20:00Z.
const DEPARTURE = new Date('2026-03-03T20:00:00Z');

describe('a release whose itinerary departs', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  /** The release as a coordinator signed in now sees it (a session does not outlive a day of fake clock). */
  async function statusOf(id: number) {
    return getRelease(t, await t.signIn('coordinator'), id);
  }

  it('moves to traveling when the first leg leaves, not a minute before, with the move on its timeline', async () => {
    const release = await metFamily(t, coordinator);
    await addItinerary(t, coordinator, release.id);
    t.clock.set(new Date(DEPARTURE.getTime() - MINUTE));
    await t.app.core.scheduler.runDue();
    expect((await statusOf(release.id)).status).toBe('met');
    t.clock.set(DEPARTURE);
    await t.app.core.scheduler.runDue();
    const after = await statusOf(release.id);
    expect(after.status).toBe('traveling');
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'status', fromStatus: 'met', toStatus: 'traveling' });
    const single = await t.call(await t.signIn('viewer'), {
      method: 'GET',
      url: `/api/releases/${release.id}/itineraries`,
    });
    expect(single.json().items[0].departed).toBe(true);
  });

  it('follows a changed departure: the old time does nothing, the new one moves the release', async () => {
    const release = await metFamily(t, coordinator);
    const it1 = await addItinerary(t, coordinator, release.id);
    const res = await t.call(coordinator, {
      method: 'PATCH',
      url: `/api/itineraries/${it1.id}`,
      payload: { legs: [{ ...EL_PASO_TO_ATLANTA[0], departsAt: '2026-03-03T17:00' }, EL_PASO_TO_ATLANTA[1]] },
    });
    expect(res.statusCode).toBe(200);
    t.clock.set(DEPARTURE);
    await t.app.core.scheduler.runDue();
    expect((await statusOf(release.id)).status).toBe('met');
    t.clock.set(new Date(DEPARTURE.getTime() + 4 * HOUR));
    await t.app.core.scheduler.runDue();
    expect((await statusOf(release.id)).status).toBe('traveling');
    expect(auditRows(t, 'itinerary.departed')).toHaveLength(1);
  });

  it('leaves a release the workflow cannot move (closed meanwhile) as it is, and a deleted itinerary moves nothing', async () => {
    const closed = await metFamily(t, coordinator);
    await addItinerary(t, coordinator, closed.id);
    await t.call(coordinator, {
      method: 'POST',
      url: `/api/releases/${closed.id}/status`,
      payload: { status: 'closed' },
    });
    const other = await metFamily(t, coordinator);
    const gone = await addItinerary(t, coordinator, other.id);
    await t.call(coordinator, { method: 'DELETE', url: `/api/itineraries/${gone.id}` });
    t.clock.set(DEPARTURE);
    await t.app.core.scheduler.runDue();
    expect((await statusOf(closed.id)).status).toBe('closed');
    expect((await statusOf(other.id)).status).toBe('met');
    expect(auditRows(t, 'itinerary.departed').map((a) => a.changes)).toEqual([
      expect.objectContaining({ releaseMoved: false }),
    ]);
  });
});

describe('the departure across a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-travel-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('still moves the release when the server was down at the time it left, once', async () => {
    const file = path.join(dir, 'bienvenida.db');
    const clock = new FakeClock('2026-03-02T15:00:00Z');
    const releaseId = await withAppOn(file, clock, async (t) => {
      const coordinator = await t.signIn('coordinator');
      const release = await metFamily(t, coordinator);
      await addItinerary(t, coordinator, release.id);
      await t.app.core.scheduler.runDue();
      return release.id;
    });
    clock.set(new Date(DEPARTURE.getTime() + 2 * HOUR));
    await withAppOn(file, clock, async (t) => {
      await t.app.core.scheduler.runDue();
      await t.app.core.scheduler.runDue();
      const coordinator = await t.signIn('coordinator');
      expect((await getRelease(t, coordinator, releaseId)).status).toBe('traveling');
      expect(
        auditRows(t, 'release.status').filter((a) => (a.changes as { to: string }).to === 'traveling'),
      ).toHaveLength(1);
    });
  });
});
