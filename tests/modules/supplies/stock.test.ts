import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addRelease, addSite, auditRows, getRelease } from '../../helpers/fixtures';
import { addItem, addKit, handOut, onHand, receive } from './supplies.helpers';

describe('the stock ledger', () => {
  let t: TestApp;
  let coordinator: string;
  let warehouse: number;
  let station: number;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
    warehouse = (await addSite(t, coordinator, { name: 'Warehouse', kind: 'warehouse' })).id;
    station = (await addSite(t, coordinator, { name: 'Station closet' })).id;
  });
  afterEach(() => t.close());

  it('sums receipts, adjustments and transfers per site', async () => {
    const soap = await addItem(t, coordinator, { sku: 'soap', unit: 'bar' });
    expect((await receive(t, coordinator, warehouse, [{ itemId: soap.id, qty: 10 }])).statusCode).toBe(201);
    const adjust = await t.call(coordinator, {
      method: 'POST',
      url: '/api/supplies/movements',
      payload: { itemId: soap.id, siteId: warehouse, delta: -2, reason: 'adjust', note: 'wet' },
    });
    expect(adjust.statusCode).toBe(201);
    const transfer = await t.call(coordinator, {
      method: 'POST',
      url: '/api/supplies/transfers',
      payload: { itemId: soap.id, fromSiteId: warehouse, toSiteId: station, qty: 3 },
    });
    expect(transfer.statusCode).toBe(201);
    expect(await onHand(t, coordinator, warehouse)).toEqual({ SOAP: 5 });
    expect(await onHand(t, coordinator, station)).toEqual({ SOAP: 3 });
    const ledger = (
      await t.call(coordinator, { method: 'GET', url: `/api/supplies/movements?itemId=${soap.id}` })
    ).json().items;
    expect(ledger.map((m: { reason: string; delta: number }) => [m.reason, m.delta])).toEqual([
      ['transfer_in', 3],
      ['transfer_out', -3],
      ['adjust', -2],
      ['receive', 10],
    ]);
    expect(ledger[0].batch).toBe(ledger[1].batch);
  });

  it('refuses a transfer of more than is on hand, changing neither site', async () => {
    const soap = await addItem(t, coordinator, { sku: 'soap' });
    await receive(t, coordinator, warehouse, [{ itemId: soap.id, qty: 2 }]);
    const before = auditRows(t).length;
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/supplies/transfers',
      payload: { itemId: soap.id, fromSiteId: warehouse, toSiteId: station, qty: 3 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('insufficient_stock');
    expect(res.json().error.message).toBe('Not enough in stock: soap (2 each on hand)');
    expect(await onHand(t, coordinator, warehouse)).toEqual({ SOAP: 2 });
    expect(await onHand(t, coordinator, station)).toEqual({});
    expect(auditRows(t).length).toBe(before);
  });

  it('hands out exactly what is on hand under 12 simultaneous hand-outs, never below zero', async () => {
    const bag = await addItem(t, coordinator, { sku: 'bag', category: 'travel', need: 'travel_bag' });
    await receive(t, coordinator, station, [{ itemId: bag.id, qty: 5 }]);
    const site = await addSite(t, coordinator, { name: 'Greyhound' });
    const release = await addRelease(t, coordinator, { siteId: site.id, adults: 12, needs: ['travel_bag'] });
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        handOut(t, coordinator, release.id, { kitId: bag.id, siteId: station, count: 1 }),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)).toEqual(
      Array(7).fill('insufficient_stock'),
    );
    expect(await onHand(t, coordinator, station)).toEqual({ BAG: 0 });
    expect((await getRelease(t, coordinator, release.id)).needsMet).toEqual(['travel_bag']);
  });

  it('assembles kits all or nothing and says how many each site can build', async () => {
    const soap = await addItem(t, coordinator, { sku: 'soap' });
    const mask = await addItem(t, coordinator, { sku: 'mask' });
    const kit = await addKit(t, coordinator, {
      sku: 'hyg',
      need: 'hygiene_kit',
      components: [
        { itemId: soap.id, qty: 1 },
        { itemId: mask.id, qty: 2 },
      ],
    });
    await receive(t, coordinator, warehouse, [
      { itemId: soap.id, qty: 10 },
      { itemId: mask.id, qty: 7 },
    ]);
    const kits = (await t.call(coordinator, { method: 'GET', url: '/api/supplies/kits' })).json().items;
    expect(kits[0].buildable).toEqual([
      { siteId: station, siteName: 'Station closet', count: 0 },
      { siteId: warehouse, siteName: 'Warehouse', count: 3 },
    ]);
    const tooMany = await t.call(coordinator, {
      method: 'POST',
      url: `/api/supplies/kits/${kit.id}/assemble`,
      payload: { siteId: warehouse, count: 4 },
    });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error.message).toContain('mask (7 each on hand)');
    expect(await onHand(t, coordinator, warehouse)).toEqual({ SOAP: 10, MASK: 7 });
    const built = await t.call(coordinator, {
      method: 'POST',
      url: `/api/supplies/kits/${kit.id}/assemble`,
      payload: { siteId: warehouse, count: 3 },
    });
    expect(built.statusCode).toBe(201);
    expect(await onHand(t, coordinator, warehouse)).toEqual({ SOAP: 7, MASK: 1, HYG: 3 });
  });

  it('turns a stock count into adjustments for the differences only', async () => {
    const soap = await addItem(t, coordinator, { sku: 'soap' });
    const mask = await addItem(t, coordinator, { sku: 'mask' });
    await receive(t, coordinator, warehouse, [
      { itemId: soap.id, qty: 10 },
      { itemId: mask.id, qty: 4 },
    ]);
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/supplies/counts',
      payload: {
        siteId: warehouse,
        lines: [
          { itemId: soap.id, counted: 8 },
          { itemId: mask.id, counted: 4 },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ adjusted: [{ itemId: soap.id, delta: -2 }] });
    expect(await onHand(t, coordinator, warehouse)).toEqual({ SOAP: 8, MASK: 4 });
  });

  it('refuses bad input naming the field, and leaves stock to operators', async () => {
    const soap = await addItem(t, coordinator, { sku: 'soap' });
    const bad = await t.call(coordinator, {
      method: 'POST',
      url: '/api/supplies/movements',
      payload: { itemId: soap.id, siteId: warehouse, delta: -5, reason: 'receive' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: 'body.delta', message: 'must be positive for receive' },
    ]);
    const weird = await t.call(coordinator, {
      method: 'POST',
      url: '/api/supplies/items',
      payload: { sku: 'a b', name: '' },
    });
    expect(weird.statusCode).toBe(400);
    expect(weird.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.sku', 'body.name']),
    );
    const dup = await t.call(coordinator, {
      method: 'POST',
      url: '/api/supplies/items',
      payload: { sku: 'SOAP', name: 'Again' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('duplicate_sku');
    const viewer = await t.signIn('viewer');
    expect((await receive(t, viewer, warehouse, [{ itemId: soap.id, qty: 1 }])).statusCode).toBe(403);
    expect((await t.call(viewer, { method: 'GET', url: '/api/supplies/stock' })).statusCode).toBe(200);
  });
});
