import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itineraries } from '../../../db/schema';
import { DAY } from '../../../server/lib/clock';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { auditRows, getRelease } from '../../helpers/fixtures';
import { addItem, receive } from '../supplies/supplies.helpers';
import { addItinerary, EL_PASO_TO_ATLANTA, metFamily, share } from './travel.helpers';

describe('travel bags', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  async function bagsAt(siteId: number, qty: number) {
    const bag = await addItem(t, coordinator, { sku: 'TRAVEL-BAG', need: 'travel_bag', unit: 'bag' });
    await receive(t, coordinator, siteId, [{ itemId: bag.id, qty }]);
    return bag;
  }

  function handOutBags(id: number, body: Record<string, unknown>) {
    return t.call(coordinator, { method: 'POST', url: `/api/itineraries/${id}/travel-bags`, payload: body });
  }

  it('come out of the ledger, one per traveller, naming the itinerary, and show on the board', async () => {
    const release = await metFamily(t, coordinator);
    const bag = await bagsAt(release.siteId, 5);
    const it1 = await addItinerary(t, coordinator, release.id);
    const res = await handOutBags(it1.id, { itemId: bag.id, siteId: release.siteId });
    expect(res.statusCode).toBe(200);
    expect(res.json().travelBags).toBe(2);
    const ledger = (await t.call(coordinator, { method: 'GET', url: '/api/supplies/movements' })).json();
    const line = ledger.items.find((m: { reason: string }) => m.reason === 'hand_out');
    expect(line).toMatchObject({ delta: -2, releaseId: release.id, note: `itinerary ${it1.id}` });
    expect((await getRelease(t, coordinator, release.id)).needsMet).toContain('travel_bag');
    const board = (
      await t.call(coordinator, { method: 'GET', url: '/api/itineraries?date=2026-03-03' })
    ).json();
    expect(board.days[0].sites[0].itineraries[0].travelBags).toBe(2);
  });

  it('never take stock below zero: 409 insufficient_stock and nothing recorded', async () => {
    const release = await metFamily(t, coordinator);
    const bag = await bagsAt(release.siteId, 1);
    const it1 = await addItinerary(t, coordinator, release.id);
    const res = await handOutBags(it1.id, { itemId: bag.id, siteId: release.siteId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('insufficient_stock');
    const after = (await t.call(coordinator, { method: 'GET', url: `/api/itineraries/${it1.id}` })).json();
    expect(after.travelBags).toBe(0);
    expect(auditRows(t, 'itinerary.travel_bags')).toEqual([]);
  });
});

describe('itineraries of a purged release', () => {
  it('lose their places, legs, seats, booking code and link with the release; the counts for reports stay', async () => {
    const t = await buildTestApp({ env: { RETENTION_DAYS: '7' } });
    try {
      const coordinator = await t.signIn('coordinator');
      const release = await metFamily(t, coordinator);
      const it1 = await addItinerary(t, coordinator, release.id, {
        ticket: 'network_bought',
        seats: '14A 14B',
        confirmation: 'GX7Q2',
      });
      const kept = await metFamily(t, coordinator);
      await addItinerary(t, coordinator, kept.id, {
        people: 1,
        destination: 'Chicago',
        legs: [
          {
            carrier: 'Amtrak',
            from: 'Denver',
            departsAt: '2026-03-03T08:05',
            to: 'Chicago',
            toZone: 'America/Chicago',
            arrivesAt: '2026-03-04T14:50',
          },
        ],
      });
      const path = new URL((await share(t, coordinator, it1.id)).json().url).pathname;
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

      const raw = JSON.stringify(t.db.$client.prepare('select * from itineraries').all());
      for (const gone of ['Atlanta', 'El Paso', 'Dallas', 'Greyhound', '14A', 'GX7Q2'])
        expect(raw).not.toContain(gone);
      expect(raw).toContain('Chicago');
      const row = t.db
        .select()
        .from(itineraries)
        .all()
        .find((r) => r.id === it1.id)!;
      expect(row).toMatchObject({
        destination: null,
        legs: [],
        seats: null,
        confirmation: null,
        token: null,
        people: 2,
      });
      expect(auditRows(t, 'itinerary.purged')).toHaveLength(1);
      expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
      expect(t.app.services.travel.ticketsBought('2026-03-01', '2026-03-31')).toEqual([
        { month: '2026-03', itineraries: 1, people: 2 },
      ]);
      expect(t.app.services.travel.itineraryOf(it1.id)).toEqual({ id: it1.id, releaseId: release.id });
    } finally {
      await t.close();
    }
  });
});

describe('tickets bought, for the fund report', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('counts network-bought tickets per month of the first departure in the network’s zone', async () => {
    const release = await metFamily(t, coordinator);
    // 2026-03-31 at 20:00 in Denver is already April in UTC: it counts in March.
    await addItinerary(t, coordinator, release.id, {
      ticket: 'network_bought',
      people: 3,
      legs: [{ ...EL_PASO_TO_ATLANTA[0], departsAt: '2026-03-31T20:00', arrivesAt: '2026-04-01T12:00' }],
    });
    await addItinerary(t, coordinator, release.id, {
      ticket: 'network_bought',
      people: 1,
      legs: [{ ...EL_PASO_TO_ATLANTA[0], departsAt: '2026-04-02T09:00', arrivesAt: '2026-04-02T20:00' }],
    });
    await addItinerary(t, coordinator, release.id, { ticket: 'sponsor_bought' });
    await addItinerary(t, coordinator, release.id, { ticket: 'needed' });
    const gone = await addItinerary(t, coordinator, release.id, { ticket: 'network_bought' });
    await t.call(coordinator, { method: 'DELETE', url: `/api/itineraries/${gone.id}` });

    expect(t.app.services.travel.ticketsBought('2026-02-01', '2026-04-30')).toEqual([
      { month: '2026-02', itineraries: 0, people: 0 },
      { month: '2026-03', itineraries: 1, people: 3 },
      { month: '2026-04', itineraries: 1, people: 1 },
    ]);
    expect(t.app.services.travel.ticketsBought('2026-04-01', '2026-04-01')).toEqual([
      { month: '2026-04', itineraries: 0, people: 0 },
    ]);
    expect(t.app.services.travel.itineraryOf(gone.id)).toBeUndefined();
    expect(t.app.services.travel.itineraryOf(9999)).toBeUndefined();
  });
});
