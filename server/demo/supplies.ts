import type { systemActor } from '../lib/commands';
import type { Services } from '../modules';

export function warehouseId(services: Services): number {
  return services.sites.list().find((x) => x.kind === 'warehouse')?.id ?? services.sites.list()[0]!.id;
}

/** Items, two kits, stock at the station and the warehouse, and three weeks of hand-outs behind them. */
export function seedSupplies(
  services: Services,
  actor: typeof systemActor,
  [station, warehouse]: number[],
  now: Date,
): void {
  const { supplies } = services;
  const item = (sku: string, name: string, unit: string, category: 'hygiene' | 'travel' | 'food' | 'water') =>
    supplies.createItem(actor, { sku, name, unit, category });
  const soap = item('SOAP', 'Soap', 'bar', 'hygiene');
  const gel = item('GEL60', 'Hand sanitizer 60%', 'bottle', 'hygiene');
  const masks = item('MASK', 'Masks', 'each', 'hygiene');
  const brush = item('BRUSH', 'Toothbrush', 'each', 'travel');
  const snacks = item('SNACK', 'Snack pack', 'pack', 'food');
  const water = item('WATER', 'Water bottle', 'bottle', 'water');
  const hygiene = supplies.createKit(actor, {
    sku: 'HYGIENE',
    name: 'Hygiene kit',
    category: 'hygiene',
    need: 'hygiene_kit',
    lowStockThreshold: 6,
    components: [
      { itemId: soap.id, qty: 1 },
      { itemId: gel.id, qty: 1 },
      { itemId: masks.id, qty: 4 },
    ],
  });
  const travel = supplies.createKit(actor, {
    sku: 'TRAVEL',
    name: 'Travel bag',
    category: 'travel',
    need: 'travel_bag',
    lowStockThreshold: 5,
    components: [
      { itemId: brush.id, qty: 1 },
      { itemId: snacks.id, qty: 2 },
      { itemId: water.id, qty: 2 },
    ],
  });
  const soon = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  supplies.ledger.receive(actor, {
    siteId: warehouse!,
    lines: [
      { itemId: soap.id, qty: 60 },
      { itemId: gel.id, qty: 40, expiresOn: soon(20) },
      { itemId: masks.id, qty: 200 },
      { itemId: brush.id, qty: 50 },
      { itemId: snacks.id, qty: 80, expiresOn: soon(90) },
      { itemId: water.id, qty: 100 },
    ],
    note: 'church donation drive',
  });
  supplies.ledger.assemble(actor, hygiene.id, { siteId: warehouse!, count: 20 });
  supplies.ledger.assemble(actor, travel.id, { siteId: warehouse!, count: 15 });
  supplies.ledger.transfer(actor, {
    itemId: hygiene.id,
    fromSiteId: warehouse!,
    toSiteId: station!,
    qty: 12,
  });
  supplies.ledger.transfer(actor, { itemId: travel.id, fromSiteId: warehouse!, toSiteId: station!, qty: 8 });
  // Three weeks of hand-outs at the station, so the forecast has a pace to read.
  const day = 86_400_000;
  supplies.ledger.recordPastHandOuts(
    actor,
    Array.from({ length: 21 }, (_, i) => i + 1)
      .flatMap((daysAgo) => [
        {
          itemId: hygiene.id,
          siteId: station!,
          count: daysAgo % 3 === 0 ? 1 : 0,
          at: new Date(now.getTime() - daysAgo * day),
        },
        {
          itemId: travel.id,
          siteId: station!,
          count: daysAgo % 4 === 0 ? 1 : 0,
          at: new Date(now.getTime() - daysAgo * day),
        },
      ])
      .filter((l) => l.count > 0),
  );
}
