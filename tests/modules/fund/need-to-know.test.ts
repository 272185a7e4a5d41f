import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../helpers/app';
import { connectLive } from '../../helpers/ws';
import { addFund, addIncome, disburse } from './fund.helpers';

describe('who reads the fund', () => {
  it('gives the ledger and its live events to coordinators and admins only; everyone reads the report', async () => {
    const t = await buildTestApp();
    try {
      const coordinator = await t.signIn('coordinator');
      const fund = await addFund(t, coordinator);
      await addIncome(t, coordinator, fund.id, 10_000);
      for (const role of ['viewer', 'medical'] as const) {
        const cookie = await t.signIn(role);
        for (const url of ['/api/funds', `/api/funds/${fund.id}`, '/api/funds/ledger']) {
          const res = await t.call(cookie, { method: 'GET', url });
          expect(res.statusCode, `${role} ${url}`).toBe(403);
        }
        const report = await t.call(cookie, { method: 'GET', url: '/api/reports/fund' });
        expect(report.statusCode).toBe(200);
        expect(report.json().totals.moneyInCents).toBe(10_000);
      }

      const viewerLive = await connectLive(t.app, { cookie: await t.signIn('viewer') });
      const coordinatorLive = await connectLive(t.app, { cookie: await t.signIn('coordinator') });
      await disburse(t, coordinator, fund.id, { amountCents: 500, purpose: 'food', note: 'Sandwiches' });
      // A site change reaches everyone; it marks the point by which the viewer would have had the fund's event.
      await t.call(coordinator, {
        method: 'POST',
        url: '/api/sites',
        payload: { name: 'Depot', kind: 'warehouse' },
      });
      const seen = await coordinatorLive.waitFor(2);
      expect(seen.map((e) => e.type)).toEqual(['disbursement.created', 'site.created']);
      const viewerSaw = await viewerLive.waitFor(1);
      expect(viewerSaw.map((e) => e.type)).toEqual(['site.created']);
      expect(JSON.stringify(seen)).not.toContain('Sandwiches');
      viewerLive.socket.close();
      coordinatorLive.socket.close();
    } finally {
      await t.close();
    }
  });
});
