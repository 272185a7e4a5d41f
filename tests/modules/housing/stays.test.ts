import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../../server/lib/clock';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { auditRows, eventRows, getRelease } from '../../helpers/fixtures';
import { addHousingSite, metRelease, occupancy, place } from './housing.helpers';

// The test clock starts at 2026-03-02T15:00Z: Monday 08:00 in Denver, so "tonight" is 2026-03-02.
const TONIGHT = '2026-03-02';

describe('stays, night by night', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('places a met group for tonight: the release is sheltered, housing_tonight is met, audit and live event written', async () => {
    const site = await addHousingSite(t, coordinator, { beds: 10 });
    const release = await metRelease(t, coordinator, 2, 1);
    const res = await place(t, coordinator, {
      housingSiteId: site.id,
      releaseId: release.id,
      people: 3,
      checkIn: TONIGHT,
      nights: 2,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      people: 3,
      checkIn: TONIGHT,
      nights: 2,
      checkOut: '2026-03-04',
      status: 'active',
    });
    const after = await getRelease(t, coordinator, release.id);
    expect(after.status).toBe('sheltered');
    expect(after.needsMet).toContain('housing_tonight');
    expect(auditRows(t, 'stay.created')).toHaveLength(1);
    expect(eventRows(t, 'stay.created')).toHaveLength(1);
    const grid = await occupancy(t, coordinator, TONIGHT, 3);
    expect(grid.sites[0]!.people).toEqual([3, 3, 0]);
    expect(grid.total).toEqual({ beds: 10, people: [3, 3, 0] });
  });

  it('fills a site exactly to its beds and refuses one more with 409 no_capacity naming the full night', async () => {
    const site = await addHousingSite(t, coordinator, { beds: 5 });
    const big = await metRelease(t, coordinator, 4);
    const more = await metRelease(t, coordinator, 3);
    expect(
      (
        await place(t, coordinator, {
          housingSiteId: site.id,
          releaseId: big.id,
          people: 4,
          checkIn: '2026-03-03',
          nights: 1,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await place(t, coordinator, {
          housingSiteId: site.id,
          releaseId: more.id,
          people: 1,
          checkIn: '2026-03-03',
          nights: 1,
        })
      ).statusCode,
    ).toBe(201);
    const before = auditRows(t).length;
    const refused = await place(t, coordinator, {
      housingSiteId: site.id,
      releaseId: more.id,
      people: 1,
      checkIn: TONIGHT,
      nights: 2,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('no_capacity');
    expect(refused.json().error.message).toContain('2026-03-03');
    expect(refused.json().error.message).not.toContain(TONIGHT);
    expect(refused.json().error.details).toEqual([
      { path: 'body.nights', message: '2026-03-03: 0 of 5 beds free' },
    ]);
    expect(auditRows(t).length).toBe(before);
    // The night before and the night after are free.
    expect(
      (
        await place(t, coordinator, {
          housingSiteId: site.id,
          releaseId: more.id,
          people: 2,
          checkIn: '2026-03-04',
          nights: 1,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('places exactly 10 of 12 simultaneous requests for one person into 10 beds; the rest get no_capacity', async () => {
    const site = await addHousingSite(t, coordinator, { beds: 10 });
    const release = await metRelease(t, coordinator, 12);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        place(t, coordinator, {
          housingSiteId: site.id,
          releaseId: release.id,
          people: 1,
          checkIn: TONIGHT,
          nights: 1,
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual([
      'no_capacity',
      'no_capacity',
    ]);
    expect((await occupancy(t, coordinator, TONIGHT, 1)).sites[0]!.people).toEqual([10]);
  });

  it('never places more people than the group, across sites', async () => {
    const a = await addHousingSite(t, coordinator, { name: 'A', beds: 10 });
    const b = await addHousingSite(t, coordinator, { name: 'B', beds: 10 });
    const release = await metRelease(t, coordinator, 3);
    expect(
      (
        await place(t, coordinator, {
          housingSiteId: a.id,
          releaseId: release.id,
          people: 2,
          checkIn: TONIGHT,
          nights: 1,
        })
      ).statusCode,
    ).toBe(201);
    const refused = await place(t, coordinator, {
      housingSiteId: b.id,
      releaseId: release.id,
      people: 2,
      checkIn: TONIGHT,
      nights: 1,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('group_exceeded');
    expect(
      (
        await place(t, coordinator, {
          housingSiteId: b.id,
          releaseId: release.id,
          people: 1,
          checkIn: TONIGHT,
          nights: 1,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('frees the night of an early check-out, and refuses an extension into a full night', async () => {
    const site = await addHousingSite(t, coordinator, { beds: 2 });
    const first = await metRelease(t, coordinator, 2);
    const second = await metRelease(t, coordinator, 2);
    const stay = (
      await place(t, coordinator, {
        housingSiteId: site.id,
        releaseId: first.id,
        people: 2,
        checkIn: TONIGHT,
        nights: 1,
      })
    ).json();
    expect(
      (
        await place(t, coordinator, {
          housingSiteId: site.id,
          releaseId: second.id,
          people: 2,
          checkIn: '2026-03-03',
          nights: 2,
        })
      ).statusCode,
    ).toBe(201);

    const extend = await t.call(coordinator, {
      method: 'POST',
      url: `/api/housing/stays/${stay.id}/extend`,
      payload: { nights: 1 },
    });
    expect(extend.statusCode).toBe(409);
    expect(extend.json().error.code).toBe('no_capacity');
    expect((await occupancy(t, coordinator, TONIGHT, 3)).sites[0]!.people).toEqual([2, 2, 2]);

    // Leaving on the morning of 03-04 frees the night of 03-04.
    const second2 = (
      await t.call(coordinator, { method: 'GET', url: `/api/housing/stays?releaseId=${second.id}` })
    ).json().items[0];
    const out = await t.call(coordinator, {
      method: 'POST',
      url: `/api/housing/stays/${second2.id}/checkout`,
      payload: { on: '2026-03-04' },
    });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ status: 'checked_out', checkOut: '2026-03-04' });
    expect((await occupancy(t, coordinator, TONIGHT, 3)).sites[0]!.people).toEqual([2, 2, 0]);
    const again = await t.call(coordinator, {
      method: 'POST',
      url: `/api/housing/stays/${second2.id}/checkout`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });

  it('moves the nights still ahead to another site in one transaction, or changes nothing', async () => {
    const a = await addHousingSite(t, coordinator, { name: 'A', beds: 4 });
    const b = await addHousingSite(t, coordinator, { name: 'B', beds: 2 });
    const release = await metRelease(t, coordinator, 3);
    const stay = (
      await place(t, coordinator, {
        housingSiteId: a.id,
        releaseId: release.id,
        people: 3,
        checkIn: TONIGHT,
        nights: 2,
      })
    ).json();

    const refused = await t.call(coordinator, {
      method: 'POST',
      url: `/api/housing/stays/${stay.id}/move`,
      payload: { housingSiteId: b.id },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('no_capacity');
    const unchanged = await occupancy(t, coordinator, TONIGHT, 2);
    expect(unchanged.sites.map((s) => s.people)).toEqual([
      [3, 3],
      [0, 0],
    ]);

    await t.call(coordinator, { method: 'PATCH', url: `/api/housing/sites/${b.id}`, payload: { beds: 3 } });
    const moved = await t.call(coordinator, {
      method: 'POST',
      url: `/api/housing/stays/${stay.id}/move`,
      payload: { housingSiteId: b.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ housingSiteId: b.id, checkIn: TONIGHT, nights: 2, people: 3 });
    expect((await occupancy(t, coordinator, TONIGHT, 2)).sites.map((s) => s.people)).toEqual([
      [0, 0],
      [3, 3],
    ]);
  });

  it('keeps weekdays and blackout dates: a stay over a closed night is refused naming it', async () => {
    // Monday 03-02, Tuesday 03-03; this host takes guests Monday to Friday, but not on 03-04.
    const site = await addHousingSite(t, coordinator, {
      weekdays: [1, 2, 3, 4, 5],
      blackoutDates: ['2026-03-04'],
    });
    const release = await metRelease(t, coordinator, 1);
    const blackout = await place(t, coordinator, {
      housingSiteId: site.id,
      releaseId: release.id,
      people: 1,
      checkIn: '2026-03-03',
      nights: 2,
    });
    expect(blackout.statusCode).toBe(409);
    expect(blackout.json().error.code).toBe('unavailable');
    expect(blackout.json().error.details).toEqual([
      { path: 'body.checkIn', message: '2026-03-04: blackout' },
    ]);
    const weekend = await place(t, coordinator, {
      housingSiteId: site.id,
      releaseId: release.id,
      people: 1,
      checkIn: '2026-03-06',
      nights: 2,
    });
    expect(weekend.statusCode).toBe(409);
    expect(weekend.json().error.details).toEqual([
      { path: 'body.checkIn', message: '2026-03-07: not_that_weekday' },
    ]);
    expect(
      (
        await place(t, coordinator, {
          housingSiteId: site.id,
          releaseId: release.id,
          people: 1,
          checkIn: '2026-03-05',
          nights: 2,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('counts nights as local dates across the spring-forward night, and knows tonight before local midnight', async () => {
    // 2026-03-08T05:30Z is 22:30 on Saturday 03-07 in Denver; the clocks spring forward that night.
    t.clock.set('2026-03-08T05:30:00Z');
    coordinator = await t.signIn('coordinator');
    const site = await addHousingSite(t, coordinator, { beds: 1 });
    const release = await metRelease(t, coordinator, 1);
    const other = await metRelease(t, coordinator, 1);
    const stay = await place(t, coordinator, {
      housingSiteId: site.id,
      releaseId: release.id,
      people: 1,
      checkIn: '2026-03-07',
      nights: 3,
    });
    expect(stay.statusCode).toBe(201);
    expect(stay.json().checkOut).toBe('2026-03-10');
    const grid = await occupancy(t, coordinator, '2026-03-07', 4);
    expect(grid.nights).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(grid.sites[0]!.people).toEqual([1, 1, 1, 0]);
    const full = await place(t, coordinator, {
      housingSiteId: site.id,
      releaseId: other.id,
      people: 1,
      checkIn: '2026-03-08',
      nights: 1,
    });
    expect(full.json().error.code).toBe('no_capacity');
    expect(
      (
        await place(t, coordinator, {
          housingSiteId: site.id,
          releaseId: other.id,
          people: 1,
          checkIn: '2026-03-10',
          nights: 1,
        })
      ).statusCode,
    ).toBe(201);
  });

  it('refuses bad input with a 400 naming the field, a past night, and a closed release, writing nothing', async () => {
    const site = await addHousingSite(t, coordinator);
    const release = await metRelease(t, coordinator, 1);
    const before = auditRows(t).length;
    const bad = await place(t, coordinator, {
      housingSiteId: site.id,
      releaseId: release.id,
      people: 0,
      checkIn: 'tomorrow',
      nights: 99,
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.people', 'body.checkIn', 'body.nights']));
    const past = await place(t, coordinator, {
      housingSiteId: site.id,
      releaseId: release.id,
      people: 1,
      checkIn: '2026-03-01',
      nights: 1,
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details).toEqual([
      { path: 'body.checkIn', message: 'must be tonight or later' },
    ]);
    const missing = await place(t, coordinator, {
      housingSiteId: 999,
      releaseId: release.id,
      people: 1,
      checkIn: TONIGHT,
      nights: 1,
    });
    expect(missing.statusCode).toBe(400);
    await t.call(coordinator, {
      method: 'POST',
      url: `/api/releases/${release.id}/status`,
      payload: { status: 'closed' },
    });
    const closed = await place(t, coordinator, {
      housingSiteId: site.id,
      releaseId: release.id,
      people: 1,
      checkIn: TONIGHT,
      nights: 1,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('release_closed');
    expect(auditRows(t).filter((a) => a.action.startsWith('stay.'))).toEqual([]);
    expect(auditRows(t).length).toBe(before + 1);
  });
});

describe('guests on a stay', () => {
  it('are purged with the release, the stay and its count kept', async () => {
    const t = await buildTestApp({ env: { RETENTION_DAYS: '7' } });
    try {
      const coordinator = await t.signIn('coordinator');
      const site = await addHousingSite(t, coordinator, { beds: 4 });
      const release = await metRelease(t, coordinator, 2);
      const stay = await place(t, coordinator, {
        housingSiteId: site.id,
        releaseId: release.id,
        people: 2,
        checkIn: TONIGHT,
        nights: 1,
        guests: 'Ana, Luis',
      });
      expect(stay.json().guests).toBe('Ana, Luis');
      await t.call(coordinator, {
        method: 'POST',
        url: `/api/releases/${release.id}/status`,
        payload: { status: 'closed' },
      });
      t.app.core.scheduler.ensureRecurring();
      await t.app.core.scheduler.runDue();
      t.clock.advance(8 * DAY);
      await t.app.core.scheduler.runDue();
      t.clock.advance(DAY);
      await t.app.core.scheduler.runDue();
      const fresh = await t.signIn('coordinator');
      const after = (
        await t.call(fresh, { method: 'GET', url: `/api/housing/stays?releaseId=${release.id}` })
      ).json();
      expect(after.items).toEqual([expect.objectContaining({ people: 2, guests: null })]);
      expect(auditRows(t, 'stay.purged')).toHaveLength(1);
      const raw = t.db.$client.prepare('select guests from stays').all();
      expect(JSON.stringify(raw)).not.toContain('Ana');
    } finally {
      await t.close();
    }
  });
});

describe('stays the board reads', () => {
  it('lists every stay holding beds tonight or later or ended this morning, and none that ended before', async () => {
    const t = await buildTestApp();
    try {
      const coordinator = await t.signIn('coordinator');
      const site = await addHousingSite(t, coordinator, { beds: 10 });
      const a = await metRelease(t, coordinator, 2);
      const b = await metRelease(t, coordinator, 1);
      await place(t, coordinator, {
        housingSiteId: site.id,
        releaseId: a.id,
        people: 2,
        checkIn: TONIGHT,
        nights: 1,
      });
      const later = (
        await place(t, coordinator, {
          housingSiteId: site.id,
          releaseId: b.id,
          people: 1,
          checkIn: '2026-03-04',
          nights: 2,
        })
      ).json();
      const viewer = await t.signIn('viewer');
      const listed = (await t.call(viewer, { method: 'GET', url: '/api/housing/stays' })).json();
      expect(listed.tonight).toBe(TONIGHT);
      const now = listed.items;
      expect(now.map((s: { releaseId: number; checkOut: string }) => [s.releaseId, s.checkOut])).toEqual([
        [a.id, '2026-03-03'],
        [b.id, '2026-03-06'],
      ]);
      await t.call(coordinator, {
        method: 'POST',
        url: `/api/housing/stays/${later.id}/checkout`,
        payload: { on: '2026-03-04' },
      });
      // The morning after, the first stay has just ended: the board still needs to see it.
      t.clock.advance(DAY);
      const fresh = await t.signIn('viewer');
      const morning = (await t.call(fresh, { method: 'GET', url: '/api/housing/stays' })).json();
      expect(morning.tonight).toBe('2026-03-03');
      expect(
        morning.items.map((s: { releaseId: number; checkOut: string }) => [s.releaseId, s.checkOut]),
      ).toEqual([[a.id, '2026-03-03']]);
      t.clock.advance(DAY);
      const dayAfter = await t.signIn('viewer');
      expect((await t.call(dayAfter, { method: 'GET', url: '/api/housing/stays' })).json().items).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
