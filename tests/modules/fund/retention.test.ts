import { describe, expect, it } from 'vitest';
import { DAY } from '../../../server/lib/clock';
import { buildTestApp } from '../../helpers/app';
import { addRelease, addSite, auditRows, walk } from '../../helpers/fixtures';
import { addFund, addIncome, disburse } from './fund.helpers';

describe('disbursement notes tied to a release', () => {
  it('are purged with the release; amounts, purposes and untied notes stay', async () => {
    const t = await buildTestApp({ env: { RETENTION_DAYS: '7' } });
    try {
      const c = await t.signIn('coordinator');
      const siteId = (await addSite(t, c)).id;
      const closed = await addRelease(t, c, { siteId });
      const open = await addRelease(t, c, { siteId });
      const fund = await addFund(t, c);
      await addIncome(t, c, fund.id, 100_000);
      await disburse(t, c, fund.id, {
        amountCents: 4_500,
        releaseId: closed.id,
        note: 'Bus ticket for Rosa Perez',
      });
      const pending = (
        await disburse(t, c, fund.id, { amountCents: 30_000, purpose: 'lodging', releaseId: closed.id })
      ).json();
      const reject = await t.call(await t.signIn('coordinator'), {
        method: 'POST',
        url: `/api/disbursements/${pending.id}/reject`,
        payload: { reason: 'Rosa stays with her cousin instead' },
      });
      expect(reject.statusCode).toBe(200);
      await disburse(t, c, fund.id, {
        amountCents: 1_000,
        purpose: 'food',
        releaseId: open.id,
        note: 'Tacos for Jose',
      });
      await disburse(t, c, fund.id, {
        amountCents: 2_000,
        purpose: 'phone',
        note: 'Prepaid SIM cards, pack of 10',
      });
      await walk(t, c, closed.id, ['met', 'closed']);

      t.app.core.scheduler.ensureRecurring();
      await t.app.core.scheduler.runDue();
      t.clock.advance(8 * DAY);
      await t.app.core.scheduler.runDue();
      t.clock.advance(DAY);
      await t.app.core.scheduler.runDue();

      const fresh = await t.signIn('coordinator');
      const ledger = (await t.call(fresh, { method: 'GET', url: '/api/funds/ledger' })).json();
      const byAmount = new Map(ledger.disbursements.map((d: { amountCents: number }) => [d.amountCents, d]));
      expect(byAmount.get(4_500)).toMatchObject({
        note: null,
        purpose: 'ticket',
        status: 'approved',
        releaseId: closed.id,
      });
      expect(byAmount.get(30_000)).toMatchObject({ decisionReason: null, status: 'rejected' });
      expect(byAmount.get(1_000)).toMatchObject({ note: 'Tacos for Jose' });
      expect(byAmount.get(2_000)).toMatchObject({ note: 'Prepaid SIM cards, pack of 10' });
      expect((await t.call(fresh, { method: 'GET', url: `/api/funds/${fund.id}` })).json().balanceCents).toBe(
        100_000 - 4_500 - 1_000 - 2_000,
      );
      expect(auditRows(t, 'disbursement.purged')).toHaveLength(2);
      const raw = JSON.stringify(t.db.$client.prepare('select * from disbursements').all());
      expect(raw).not.toContain('Rosa');
      const audit = JSON.stringify(auditRows(t));
      expect(audit).not.toContain('Rosa');
    } finally {
      await t.close();
    }
  });
});
