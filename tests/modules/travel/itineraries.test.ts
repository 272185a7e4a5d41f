import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itineraries } from '../../../db/schema';
import { HOUR } from '../../../server/lib/clock';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { auditRows, eventRows, getRelease } from '../../helpers/fixtures';
import { addItinerary, EL_PASO_TO_ATLANTA, metFamily, postItinerary } from './travel.helpers';

describe('itineraries across time zones', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('reads each time in its own stop’s zone and shows it there: El Paso in Mountain, Dallas in Central, Atlanta in Eastern', async () => {
    const release = await metFamily(t, coordinator);
    const it1 = await addItinerary(t, coordinator, release.id);
    expect(it1.legs.map((l) => [l.departsAt, l.arrivesAt])).toEqual([
      ['2026-03-03T13:00:00-07:00', '2026-03-04T00:30:00-06:00'],
      ['2026-03-04T02:00:00-06:00', '2026-03-04T17:45:00-05:00'],
    ]);
    expect(it1.legs.map((l) => l.transferMinutes)).toEqual([90, null]);
    expect(it1.departsAt).toBe('2026-03-03T13:00:00-07:00');
    expect(it1.arrivesAt).toBe('2026-03-04T17:45:00-05:00');
    const row = t.db.select().from(itineraries).get()!;
    expect(row.departsAt.toISOString()).toBe('2026-03-03T20:00:00.000Z');
    expect(row.arrivesAt.toISOString()).toBe('2026-03-04T22:45:00.000Z');
  });

  it('gets a bus right across the spring-forward night: 17 hours from El Paso at 20:00 MST to Atlanta at 16:00 EDT', async () => {
    const release = await metFamily(t, coordinator);
    const overnight = await addItinerary(t, coordinator, release.id, {
      legs: [
        {
          carrier: 'Greyhound 1552',
          from: 'El Paso',
          fromZone: 'America/Denver',
          departsAt: '2026-03-07T20:00',
          to: 'Atlanta',
          toZone: 'America/New_York',
          arrivesAt: '2026-03-08T16:00',
        },
      ],
    });
    expect(overnight.legs[0]!.departsAt).toBe('2026-03-07T20:00:00-07:00');
    expect(overnight.legs[0]!.arrivesAt).toBe('2026-03-08T16:00:00-04:00');
    const row = t.db.select().from(itineraries).get()!;
    expect(row.arrivesAt.getTime() - row.departsAt.getTime()).toBe(17 * HOUR);
  });

  it('takes the network’s zone for a stop given none, and an explicit offset as written', async () => {
    const release = await metFamily(t, coordinator);
    const local = await addItinerary(t, coordinator, release.id, {
      legs: [
        {
          carrier: 'Amtrak',
          from: 'Denver',
          departsAt: '2026-03-03T08:05',
          to: 'Chicago',
          toZone: 'America/Chicago',
          arrivesAt: '2026-03-04T14:50:00-06:00',
        },
      ],
    });
    expect(local.legs[0]).toMatchObject({
      fromZone: 'America/Denver',
      departsAt: '2026-03-03T08:05:00-07:00',
      arrivesAt: '2026-03-04T14:50:00-06:00',
    });
  });

  it.each([
    [
      'a time the clocks skip',
      [{ ...EL_PASO_TO_ATLANTA[0], departsAt: '2026-03-08T02:30', arrivesAt: '2026-03-08T20:00' }],
      'body.legs.0.departsAt',
    ],
    ['an unknown zone', [{ ...EL_PASO_TO_ATLANTA[0], fromZone: 'Mars/Olympus' }], 'body.legs.0.fromZone'],
    [
      'an arrival before the departure',
      [{ ...EL_PASO_TO_ATLANTA[0], arrivesAt: '2026-03-03T13:30' }],
      'body.legs.0.arrivesAt',
    ],
    [
      'a transfer that leaves before the bus arrives',
      [EL_PASO_TO_ATLANTA[0], { ...EL_PASO_TO_ATLANTA[1], departsAt: '2026-03-04T00:15' }],
      'body.legs.1.departsAt',
    ],
    [
      'a date without a time',
      [{ ...EL_PASO_TO_ATLANTA[0], departsAt: '2026-03-03' }],
      'body.legs.0.departsAt',
    ],
  ])('refuses %s with a 400 naming the field, writing nothing', async (_, legs, path) => {
    const release = await metFamily(t, coordinator);
    const before = auditRows(t).length;
    const res = await postItinerary(t, coordinator, release.id, { people: 2, destination: 'Atlanta', legs });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(t.db.select().from(itineraries).all()).toEqual([]);
    expect(auditRows(t).length).toBe(before);
  });

  it.each([
    ['no legs', { people: 1, destination: 'Atlanta', legs: [] }],
    [
      'a leg time that is no time',
      { people: 1, destination: 'X', legs: [{ ...EL_PASO_TO_ATLANTA[0], departsAt: 'soon' }] },
    ],
    [
      'a zone that is not a string',
      { people: 1, destination: 'X', legs: [{ ...EL_PASO_TO_ATLANTA[0], toZone: 7 }] },
    ],
    [
      'a year 0026 typed by mistake',
      { people: 1, destination: 'X', legs: [{ ...EL_PASO_TO_ATLANTA[0], departsAt: '0026-03-03T13:00' }] },
    ],
    ['an unknown ticket status', { people: 1, destination: 'X', legs: EL_PASO_TO_ATLANTA, ticket: 'stolen' }],
    ['an unknown field', { people: 1, destination: 'X', legs: EL_PASO_TO_ATLANTA, name: 'Maria' }],
    [
      'nine legs',
      { people: 1, destination: 'X', legs: Array.from({ length: 9 }, () => EL_PASO_TO_ATLANTA[0]) },
    ],
  ])('answers 400 to %s, never a 500', async (_, body) => {
    const release = await metFamily(t, coordinator);
    const res = await postItinerary(t, coordinator, release.id, body);
    expect(res.statusCode).toBe(400);
  });

  it('refuses more people than the group has, and a release that is closed', async () => {
    const release = await metFamily(t, coordinator);
    const tooMany = await postItinerary(t, coordinator, release.id, {
      people: 4,
      destination: 'Atlanta',
      legs: EL_PASO_TO_ATLANTA,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details).toEqual([
      { path: 'body.people', message: 'the group has 3 people' },
    ]);
    await t.call(coordinator, {
      method: 'POST',
      url: `/api/releases/${release.id}/status`,
      payload: { status: 'closed' },
    });
    const closed = await postItinerary(t, coordinator, release.id, {
      people: 1,
      destination: 'Atlanta',
      legs: EL_PASO_TO_ATLANTA,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('release_closed');
    const missing = await postItinerary(t, coordinator, 999, {
      people: 1,
      destination: 'X',
      legs: EL_PASO_TO_ATLANTA,
    });
    expect(missing.statusCode).toBe(404);
  });
});

interface BoardView {
  days: { date: string; sites: { siteName: string; itineraries: { id: number }[] }[] }[];
}

/** Per day, the ids leaving, site after site. */
function idsOn(board: BoardView): number[][] {
  return board.days.map((d) => d.sites.flatMap((s) => s.itineraries.map((i) => i.id)));
}

describe('tickets, changes and the board', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('ticks travel_tickets only once a ticket is bought, by the network or a sponsor', async () => {
    const release = await metFamily(t, coordinator);
    const it1 = await addItinerary(t, coordinator, release.id, { ticket: 'needed' });
    expect((await getRelease(t, coordinator, release.id)).needsMet).not.toContain('travel_tickets');
    const res = await t.call(coordinator, {
      method: 'PATCH',
      url: `/api/itineraries/${it1.id}`,
      payload: { ticket: 'sponsor_bought', seats: '14A 14B' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ticket: 'sponsor_bought', seats: '14A 14B' });
    expect((await getRelease(t, coordinator, release.id)).needsMet).toContain('travel_tickets');
    expect(eventRows(t, 'itinerary.updated')).toHaveLength(1);
  });

  it('ticks it at once for an itinerary created with a ticket the network bought', async () => {
    const release = await metFamily(t, coordinator);
    await addItinerary(t, coordinator, release.id, { ticket: 'network_bought' });
    expect((await getRelease(t, coordinator, release.id)).needsMet).toContain('travel_tickets');
  });

  it('shows who leaves today and tomorrow, per site in name order, and drops a deleted itinerary', async () => {
    const release = await metFamily(t, coordinator);
    const other = await metFamily(t, coordinator);
    const today = await addItinerary(t, coordinator, release.id, {
      legs: [{ ...EL_PASO_TO_ATLANTA[0], departsAt: '2026-03-02T18:00', arrivesAt: '2026-03-03T05:00' }],
    });
    const fifth = await addItinerary(t, coordinator, other.id, {
      legs: [{ ...EL_PASO_TO_ATLANTA[0], departsAt: '2026-03-05T09:00', arrivesAt: '2026-03-05T20:00' }],
    });
    const tomorrow = await addItinerary(t, coordinator, release.id, { people: 1 });
    const alsoTomorrow = await addItinerary(t, coordinator, other.id, { people: 1 });
    const viewer = await t.signIn('viewer');
    const board = (await t.call(viewer, { method: 'GET', url: '/api/itineraries' })).json();
    expect(board.days.map((d: { date: string }) => d.date)).toEqual(['2026-03-02', '2026-03-03']);
    const byName = [
      [release.siteName, tomorrow.id],
      [other.siteName, alsoTomorrow.id],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(board.days[1].sites.map((s: { siteName: string }) => s.siteName)).toEqual(byName.map((b) => b[0]));
    expect(idsOn(board)).toEqual([[today.id], byName.map((b) => b[1])]);
    const onFifth = (await t.call(viewer, { method: 'GET', url: '/api/itineraries?date=2026-03-05' })).json();
    expect(idsOn(onFifth)).toEqual([[fifth.id], []]);

    const del = await t.call(coordinator, { method: 'DELETE', url: `/api/itineraries/${today.id}` });
    expect(del.statusCode).toBe(204);
    const after = (await t.call(viewer, { method: 'GET', url: '/api/itineraries' })).json();
    expect(idsOn(after)).toEqual([[], byName.map((b) => b[1])]);
    expect((await t.call(viewer, { method: 'GET', url: `/api/itineraries/${today.id}` })).statusCode).toBe(
      404,
    );
    expect(eventRows(t, 'itinerary.deleted')).toHaveLength(1);
  });

  it('lets viewers read itineraries but not change them, nor see the booking code', async () => {
    const release = await metFamily(t, coordinator);
    const it1 = await addItinerary(t, coordinator, release.id, { confirmation: 'GX7Q2' });
    expect(it1.confirmation).toBe('GX7Q2');
    const viewer = await t.signIn('viewer');
    const read = await t.call(viewer, { method: 'GET', url: `/api/releases/${release.id}/itineraries` });
    expect(read.json().items).toEqual([expect.objectContaining({ id: it1.id, confirmation: null })]);
    const patch = await t.call(viewer, {
      method: 'PATCH',
      url: `/api/itineraries/${it1.id}`,
      payload: { people: 1 },
    });
    expect(patch.statusCode).toBe(403);
    const medical = await t.signIn('medical');
    const share = await t.call(medical, {
      method: 'POST',
      url: `/api/itineraries/${it1.id}/share`,
      payload: {},
    });
    expect(share.statusCode).toBe(403);
  });

  it('keeps places and booking codes out of the audit and the live events', async () => {
    const release = await metFamily(t, coordinator);
    await addItinerary(t, coordinator, release.id, { confirmation: 'GX7Q2', seats: '14A' });
    const kept = JSON.stringify([
      ...auditRows(t, { prefix: 'itinerary.' }),
      ...eventRows(t, { prefix: 'itinerary.' }),
    ]);
    expect(kept).toContain('itinerary.created');
    for (const word of ['Atlanta', 'El Paso', 'Dallas', 'GX7Q2', '14A']) expect(kept).not.toContain(word);
  });
});
