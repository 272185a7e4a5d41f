import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../server/demo/seed';
import { buildTestApp } from '../../helpers/app';

describe('the demo fund', () => {
  it('has two funds with money in, spending tied to the family, and tickets waiting for approval', async () => {
    const t = await buildTestApp();
    try {
      expect(seedDemo(t.app.services, t.clock.now())).toBe(true);
      const cookie = await t.signIn('coordinator');
      const funds = (await t.call(cookie, { method: 'GET', url: '/api/funds' })).json();
      expect(funds.items.map((f: { name: string }) => f.name).sort()).toEqual([
        'GoFundMe spring drive',
        'St. Mark second collection',
      ]);
      for (const f of funds.items) expect(f.balanceCents).toBeGreaterThan(0);
      const ledger = (await t.call(cookie, { method: 'GET', url: '/api/funds/ledger' })).json();
      expect(ledger.disbursements[0]).toMatchObject({
        status: 'pending',
        purpose: 'ticket',
        amountCents: 56_800,
      });
      // Anyone may approve it: the demo asked for it, not a coordinator.
      const approved = await t.call(cookie, {
        method: 'POST',
        url: `/api/disbursements/${ledger.disbursements[0].id}/approve`,
        payload: {},
      });
      expect(approved.statusCode).toBe(200);
      const report = (await t.call(cookie, { method: 'GET', url: '/api/reports/fund' })).json();
      expect(report.totals.moneyInCents).toBe(185_000 + 42_000 + 9_500 + 30_000);
      expect(report.totals.moneyOutByPurpose).toMatchObject({ food: 3_850, phone: 2_500, ticket: 56_800 });
    } finally {
      await t.close();
    }
  });
});
