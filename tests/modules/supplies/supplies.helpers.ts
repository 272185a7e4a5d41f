import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../helpers/app';

function ok<T>(what: string, res: LightMyRequestResponse, status = 201): T {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export async function addItem(
  t: TestApp,
  cookie: string,
  body: {
    sku: string;
    name?: string;
    unit?: string;
    category?: string;
    need?: string;
    lowStockThreshold?: number;
  },
): Promise<{ id: number; sku: string }> {
  return ok(
    'item',
    await t.call(cookie, {
      method: 'POST',
      url: '/api/supplies/items',
      payload: { name: body.sku, ...body },
    }),
  );
}

export async function addKit(
  t: TestApp,
  cookie: string,
  body: {
    sku: string;
    name?: string;
    need?: string;
    lowStockThreshold?: number;
    components: { itemId: number; qty: number }[];
  },
): Promise<{ id: number; buildable: { siteId: number; count: number }[] }> {
  return ok(
    'kit',
    await t.call(cookie, { method: 'POST', url: '/api/supplies/kits', payload: { name: body.sku, ...body } }),
  );
}

export function receive(
  t: TestApp,
  cookie: string,
  siteId: number,
  lines: { itemId: number; qty: number; expiresOn?: string }[],
) {
  return t.call(cookie, { method: 'POST', url: '/api/supplies/receipts', payload: { siteId, lines } });
}

export function handOut(
  t: TestApp,
  cookie: string,
  releaseId: number,
  body: { kitId: number; siteId: number; count: number },
) {
  return t.call(cookie, { method: 'POST', url: `/api/releases/${releaseId}/kits`, payload: body });
}

/** On hand per item at a site, as the stock view answers it. */
export async function onHand(t: TestApp, cookie: string, siteId: number): Promise<Record<string, number>> {
  const res = await t.call(cookie, { method: 'GET', url: `/api/supplies/stock?siteId=${siteId}` });
  const items = ok<{ items: { sku: string; qty: number }[] }>('stock', res, 200).items;
  return Object.fromEntries(items.map((i) => [i.sku, i.qty]));
}
