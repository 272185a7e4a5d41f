import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../../server/lib/clock';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addRelease, addSite, eventRows, outbound, signedInUser } from '../../helpers/fixtures';
import { addItem, handOut, receive } from './supplies.helpers';

const ALERTED = '+13035550188';
const NOT_ALERTED = '+13035550189';

describe('low stock', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
    const admin = await t.signIn('admin');
    const me = await signedInUser(t, coordinator);
    await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      payload: { phone: ALERTED, alerts: ['stock'] },
    });
    const other = await t.signIn('coordinator');
    const them = await signedInUser(t, other);
    await t.call(admin, { method: 'PATCH', url: `/api/users/${them.id}`, payload: { phone: NOT_ALERTED } });
  });
  afterEach(() => t.close());

  it('texts the people who asked once per crossing below the threshold, and again after a restock', async () => {
    const closet = await addSite(t, coordinator, { name: 'Station closet' });
    const kit = await addItem(t, coordinator, {
      sku: 'hyg',
      name: 'hygiene kits',
      unit: 'kits',
      lowStockThreshold: 5,
    });
    const release = await addRelease(t, coordinator, { siteId: closet.id, adults: 40 });
    await receive(t, coordinator, closet.id, [{ itemId: kit.id, qty: 8 }]);
    const alerts = () => outbound(t).filter((m) => m.phone === ALERTED || m.phone === NOT_ALERTED);

    await handOut(t, coordinator, release.id, { kitId: kit.id, siteId: closet.id, count: 3 });
    expect(alerts()).toEqual([]);
    await handOut(t, coordinator, release.id, { kitId: kit.id, siteId: closet.id, count: 1 });
    expect(alerts().map((m) => [m.phone, m.body])).toEqual([
      [ALERTED, 'Bienvenida: hygiene kits is running low at Station closet: 4 kits left.'],
    ]);
    await handOut(t, coordinator, release.id, { kitId: kit.id, siteId: closet.id, count: 2 });
    expect(alerts()).toHaveLength(1);
    expect(eventRows(t, 'stock.low')).toHaveLength(1);

    // The first receipt filled the item above its threshold; this restock clears the low state again.
    expect(eventRows(t, 'stock.ok')).toHaveLength(1);
    await receive(t, coordinator, closet.id, [{ itemId: kit.id, qty: 10 }]);
    expect(eventRows(t, 'stock.ok')).toHaveLength(2);
    expect(
      (await t.call(coordinator, { method: 'GET', url: `/api/supplies/stock?siteId=${closet.id}` })).json()
        .items[0],
    ).toMatchObject({ qty: 12, low: false });
    await handOut(t, coordinator, release.id, { kitId: kit.id, siteId: closet.id, count: 9 });
    expect(alerts()).toHaveLength(2);
    expect(eventRows(t, 'stock.low')).toHaveLength(2);
  });
});

describe('a site’s own threshold', () => {
  it('warns at the station closet below its own threshold, while the warehouse keeps the item’s', async () => {
    const t = await buildTestApp();
    try {
      const coordinator = await t.signIn('coordinator');
      const closet = await addSite(t, coordinator, { name: 'Station closet' });
      const warehouse = await addSite(t, coordinator, { name: 'Warehouse', kind: 'warehouse' });
      const kit = await addItem(t, coordinator, { sku: 'hyg', lowStockThreshold: 20 });
      const set = await t.call(coordinator, {
        method: 'POST',
        url: `/api/supplies/items/${kit.id}/thresholds`,
        payload: { siteId: closet.id, threshold: 3 },
      });
      expect(set.statusCode).toBe(200);
      await receive(t, coordinator, closet.id, [{ itemId: kit.id, qty: 5 }]);
      await receive(t, coordinator, warehouse.id, [{ itemId: kit.id, qty: 5 }]);
      const low = async () =>
        Object.fromEntries(
          (await t.call(coordinator, { method: 'GET', url: '/api/supplies/stock' }))
            .json()
            .items.map((i: { siteName: string; low: boolean; threshold: number }) => [
              i.siteName,
              [i.low, i.threshold],
            ]),
        );
      expect(await low()).toEqual({ 'Station closet': [false, 3], Warehouse: [true, 20] });
      const release = await addRelease(t, coordinator, { siteId: closet.id, adults: 5 });
      await handOut(t, coordinator, release.id, { kitId: kit.id, siteId: closet.id, count: 3 });
      expect(await low()).toEqual({ 'Station closet': [true, 3], Warehouse: [true, 20] });
      expect(eventRows(t, 'stock.low').map((e) => (e.data as { siteId: number }).siteId)).toEqual([
        closet.id,
      ]);
      await t.call(coordinator, {
        method: 'POST',
        url: `/api/supplies/items/${kit.id}/thresholds`,
        payload: { siteId: closet.id, threshold: null },
      });
      expect((await low())['Station closet']).toEqual([true, 20]);
    } finally {
      await t.close();
    }
  });
});

describe('expiry and the forecast on the clock', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('flags lots expiring within 30 days, and a later lot once the clock gets near it', async () => {
    const site = await addSite(t, coordinator, { name: 'Warehouse', kind: 'warehouse' });
    const gel = await addItem(t, coordinator, { sku: 'gel', category: 'hygiene' });
    const water = await addItem(t, coordinator, { sku: 'water', category: 'water' });
    await receive(t, coordinator, site.id, [
      { itemId: gel.id, qty: 10, expiresOn: '2026-03-20' },
      { itemId: water.id, qty: 10, expiresOn: '2026-05-01' },
    ]);
    const flags = async () =>
      Object.fromEntries(
        (await t.call(coordinator, { method: 'GET', url: '/api/supplies/stock' }))
          .json()
          .items.map((i: { sku: string; expiringSoon: boolean; expiresOn: string | null }) => [
            i.sku,
            [i.expiringSoon, i.expiresOn],
          ]),
      );
    expect(await flags()).toEqual({ GEL: [true, '2026-03-20'], WATER: [false, null] });
    t.clock.advance(31 * DAY);
    coordinator = await t.signIn('coordinator');
    expect(await flags()).toEqual({ GEL: [true, '2026-03-20'], WATER: [true, '2026-05-01'] });
  });

  it('forecasts days left and what covers the next week from the last four weeks of hand-outs', async () => {
    const site = await addSite(t, coordinator, { name: 'Station closet' });
    const bag = await addItem(t, coordinator, { sku: 'bag' });
    const release = await addRelease(t, coordinator, { siteId: site.id, adults: 100 });
    await receive(t, coordinator, site.id, [{ itemId: bag.id, qty: 100 }]);
    // 56 handed out over four weeks: 2 a day.
    for (let week = 0; week < 4; week += 1) {
      await handOut(t, coordinator, release.id, { kitId: bag.id, siteId: site.id, count: 14 });
      t.clock.advance(7 * DAY);
      coordinator = await t.signIn('coordinator');
    }
    const lines = (await t.call(coordinator, { method: 'GET', url: '/api/supplies/forecast' })).json();
    expect(lines).toMatchObject({ days: 7, historyDays: 28 });
    // 56 in the last 28 days, the first hand-out exactly 28 days ago included: 2 a day, 22 days left.
    expect(lines.items).toEqual([
      expect.objectContaining({ sku: 'BAG', qty: 44, perDay: 2, daysLeft: 22, toCover: 0 }),
    ]);
    await handOut(t, coordinator, release.id, { kitId: bag.id, siteId: site.id, count: 41 });
    const low = (await t.call(coordinator, { method: 'GET', url: '/api/supplies/forecast' })).json();
    // 97 in 28 days: about 3.46 a day; 3 left last under a day; a week needs 25, so 22 more.
    expect(low.items[0]).toMatchObject({ qty: 3, perDay: 3.46, daysLeft: 0.8, toCover: 22 });
    t.clock.advance(1);
    coordinator = await t.signIn('coordinator');
    // A moment later the first week's 14 fall out of the window.
    const later = (await t.call(coordinator, { method: 'GET', url: '/api/supplies/forecast' })).json();
    expect(later.items[0]).toMatchObject({ qty: 3, perDay: 2.96 });
  });
});
