import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { auditRows, eventRows } from '../../helpers/fixtures';
import { addHousingSite, metRelease, place } from './housing.helpers';

describe('housing sites and who may read where people sleep', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('shows the address and host phone to coordinators and admins only, in lists and single reads', async () => {
    const site = await addHousingSite(t, coordinator, {
      name: 'Casa Lopez',
      kind: 'volunteer_home',
      beds: 3,
      address: '12 Elm St',
      contactName: 'Rosa',
      contactPhone: '(303) 555-0177',
    });
    expect(site).toMatchObject({ address: '12 Elm St', contactPhone: '+13035550177', freeTonight: 3 });
    for (const role of ['admin', 'coordinator'] as const) {
      const cookie = await t.signIn(role);
      const list = (await t.call(cookie, { method: 'GET', url: '/api/housing/sites' })).json().items;
      expect(list[0]).toMatchObject({ address: '12 Elm St', contactPhone: '+13035550177' });
    }
    for (const role of ['viewer', 'medical'] as const) {
      const cookie = await t.signIn(role);
      const list = await t.call(cookie, { method: 'GET', url: '/api/housing/sites' });
      const one = await t.call(cookie, { method: 'GET', url: `/api/housing/sites/${site.id}` });
      for (const body of [list.body, one.body]) {
        expect(body).not.toContain('Elm');
        expect(body).not.toContain('555');
      }
      expect(one.json()).toMatchObject({
        name: 'Casa Lopez',
        address: null,
        contactPhone: null,
        contactName: 'Rosa',
      });
    }
    // Neither the audit log nor the live feed keeps the address.
    expect(JSON.stringify(auditRows(t, 'housing_site.created'))).not.toContain('Elm');
    expect(JSON.stringify(eventRows(t, { prefix: 'housing_site.' }))).not.toContain('Elm');
  });

  it('lets only coordinators and admins add or change sites, and refuses bad input naming the field', async () => {
    const viewer = await t.signIn('viewer');
    const refused = await t.call(viewer, {
      method: 'POST',
      url: '/api/housing/sites',
      payload: { name: 'X', kind: 'shelter', beds: 2 },
    });
    expect(refused.statusCode).toBe(403);
    const bad = await t.call(coordinator, {
      method: 'POST',
      url: '/api/housing/sites',
      payload: { name: '', kind: 'castle', beds: -1, weekdays: [9], blackoutDates: ['someday'], secret: 1 },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.name',
        'body.kind',
        'body.beds',
        'body.weekdays.0',
        'body.blackoutDates.0',
      ]),
    );
    expect((await t.call(coordinator, { method: 'GET', url: '/api/housing/sites' })).json().items).toEqual(
      [],
    );
  });

  it('refuses fewer beds than people already placed on a night ahead', async () => {
    const site = await addHousingSite(t, coordinator, { beds: 6 });
    const release = await metRelease(t, coordinator, 4);
    await place(t, coordinator, {
      housingSiteId: site.id,
      releaseId: release.id,
      people: 4,
      checkIn: '2026-03-03',
      nights: 1,
    });
    const fewer = await t.call(coordinator, {
      method: 'PATCH',
      url: `/api/housing/sites/${site.id}`,
      payload: { beds: 3 },
    });
    expect(fewer.statusCode).toBe(409);
    expect(fewer.json().error.code).toBe('no_capacity');
    const enough = await t.call(coordinator, {
      method: 'PATCH',
      url: `/api/housing/sites/${site.id}`,
      payload: { beds: 4 },
    });
    expect(enough.statusCode).toBe(200);
    expect(enough.json().beds).toBe(4);
  });
});

describe('suggestions for a release', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('ranks sites that can take everyone first, then by fit, each with its reasons', async () => {
    const shelter = await addHousingSite(t, coordinator, {
      name: 'Shelter',
      kind: 'shelter',
      beds: 50,
      languages: ['en'],
    });
    const family = await addHousingSite(t, coordinator, {
      name: 'Family hall',
      beds: 6,
      familyFriendly: true,
      languages: ['es'],
    });
    const tiny = await addHousingSite(t, coordinator, {
      name: 'Tiny',
      kind: 'volunteer_home',
      beds: 2,
      familyFriendly: true,
      languages: ['es'],
    });
    const closed = await addHousingSite(t, coordinator, {
      name: 'Closed',
      beds: 20,
      familyFriendly: true,
      languages: ['es'],
      blackoutDates: ['2026-03-02'],
    });
    const release = await metRelease(t, coordinator, 2, 2, { languages: ['es'] });
    const res = await t.call(coordinator, {
      method: 'GET',
      url: `/api/releases/${release.id}/housing/suggestions?nights=2`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ checkIn: '2026-03-02', nights: 2, people: 4 });
    const order = body.items.map((s: { housingSiteId: number }) => s.housingSiteId);
    expect(order).toEqual([family.id, shelter.id, closed.id, tiny.id]);
    expect(body.items[0]).toMatchObject({
      fits: true,
      rank: 1,
      misfits: [],
      why: '6 of 6 beds free · family-friendly · speaks es',
    });
    expect(body.items[1]).toMatchObject({
      fits: true,
      rank: 2,
      misfits: ['not_family_friendly', 'no_shared_language'],
    });
    expect(body.items[2]).toMatchObject({ fits: false, rank: null, misfits: ['blackout'] });
    expect(body.items[3]).toMatchObject({ fits: false, rank: null, misfits: ['no_capacity'], freeBeds: 2 });
  });
});
