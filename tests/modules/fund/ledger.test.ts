import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addRelease, addSite, auditRows, eventRows, outbound } from '../../helpers/fixtures';
import {
  addFund,
  addIncome,
  approve,
  type DisbursementView,
  disburse,
  fundOf,
  postIncome,
} from './fund.helpers';

describe('the fund ledger', () => {
  let t: TestApp;
  let coordinator: string;
  let other: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
    other = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('keeps a balance of income minus what is paid out, with an audit line and a live event each', async () => {
    const fund = await addFund(t, coordinator);
    expect(fund).toMatchObject({ balanceCents: 0, pendingCents: 0, currency: 'USD' });
    await addIncome(t, coordinator, fund.id, 50_000);
    await addIncome(t, coordinator, fund.id, 2_550);
    const paid = await disburse(t, coordinator, fund.id, { amountCents: 12_000, purpose: 'food' });
    expect(paid.statusCode).toBe(201);
    expect(paid.json()).toMatchObject({ status: 'approved', amountCents: 12_000, purpose: 'food' });
    expect((await fundOf(t, coordinator, fund.id)).balanceCents).toBe(40_550);
    const list = (await t.call(coordinator, { method: 'GET', url: '/api/funds' })).json();
    expect(list).toMatchObject({ currency: 'USD', approvalCents: 20_000 });
    expect(list.items).toEqual([expect.objectContaining({ id: fund.id, balanceCents: 40_550 })]);
    expect(auditRows(t, 'fund.created')).toHaveLength(1);
    expect(auditRows(t, 'fund.income_recorded')).toHaveLength(2);
    expect(auditRows(t, 'disbursement.created')).toHaveLength(1);
    expect(eventRows(t, { prefix: 'fund.' }).map((e) => e.type)).toEqual([
      'fund.created',
      'fund.income_recorded',
      'fund.income_recorded',
    ]);
    expect(eventRows(t, 'disbursement.created')).toHaveLength(1);
  });

  it('approves at and below FUND_APPROVAL_CENTS at once and holds one cent above it for a coordinator', async () => {
    const fund = await addFund(t, coordinator);
    await addIncome(t, coordinator, fund.id, 100_000);
    const below = (await disburse(t, coordinator, fund.id, { amountCents: 19_999 })).json();
    const at = (await disburse(t, coordinator, fund.id, { amountCents: 20_000 })).json();
    const above = (await disburse(t, coordinator, fund.id, { amountCents: 20_001 })).json();
    expect([below.status, at.status, above.status]).toEqual(['approved', 'approved', 'pending']);
    expect(at.decidedAt).not.toBeNull();
    expect(above.decidedAt).toBeNull();
    // The pending one holds its money: the balance already leaves it out.
    expect(await fundOf(t, coordinator, fund.id)).toMatchObject({
      balanceCents: 100_000 - 19_999 - 20_000 - 20_001,
      pendingCents: 20_001,
    });
  });

  it('follows a lower threshold from the setting', async () => {
    const low = await buildTestApp({ env: { FUND_APPROVAL_CENTS: '500' } });
    try {
      const c = await low.signIn('coordinator');
      const fund = await addFund(low, c);
      await addIncome(low, c, fund.id, 10_000);
      expect((await disburse(low, c, fund.id, { amountCents: 500 })).json().status).toBe('approved');
      expect((await disburse(low, c, fund.id, { amountCents: 501 })).json().status).toBe('pending');
    } finally {
      await low.close();
    }
  });

  it('lets another coordinator approve or reject a pending one, never the one who asked, and only once', async () => {
    const fund = await addFund(t, coordinator);
    await addIncome(t, coordinator, fund.id, 100_000);
    const big: DisbursementView = (await disburse(t, coordinator, fund.id, { amountCents: 45_000 })).json();
    const own = await approve(t, coordinator, big.id);
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('own_disbursement');
    const ok = await approve(t, other, big.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: expect.any(String) });
    const again = await approve(t, other, big.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('not_pending');
    expect((await fundOf(t, coordinator, fund.id)).balanceCents).toBe(55_000);

    const second: DisbursementView = (
      await disburse(t, coordinator, fund.id, { amountCents: 30_000 })
    ).json();
    expect((await fundOf(t, coordinator, fund.id)).balanceCents).toBe(25_000);
    const noReason = await t.call(other, {
      method: 'POST',
      url: `/api/disbursements/${second.id}/reject`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await t.call(other, {
      method: 'POST',
      url: `/api/disbursements/${second.id}/reject`,
      payload: { reason: 'The sponsor bought the ticket' },
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decisionReason: 'The sponsor bought the ticket',
    });
    // A rejection frees the money it held.
    expect((await fundOf(t, coordinator, fund.id)).balanceCents).toBe(55_000);
    expect(auditRows(t, 'disbursement.approved')).toHaveLength(1);
    expect(auditRows(t, 'disbursement.rejected')).toHaveLength(1);
    expect(eventRows(t, 'disbursement.rejected')).toHaveLength(1);
  });

  it('counts a pending disbursement against the balance, so approving it can never overdraw', async () => {
    const fund = await addFund(t, coordinator);
    await addIncome(t, coordinator, fund.id, 30_000);
    const pending: DisbursementView = (
      await disburse(t, coordinator, fund.id, { amountCents: 25_000 })
    ).json();
    expect(pending.status).toBe('pending');
    const more = await disburse(t, coordinator, fund.id, { amountCents: 6_000 });
    expect(more.statusCode).toBe(409);
    expect(more.json().error).toMatchObject({
      code: 'insufficient_funds',
      details: [{ path: 'body.amountCents', message: 'at most 5000' }],
    });
    expect((await approve(t, other, pending.id)).statusCode).toBe(200);
    expect((await fundOf(t, coordinator, fund.id)).balanceCents).toBe(5_000);
  });

  it('texts the coordinators with phones when a disbursement waits, in their language, in one GSM-7 segment', async () => {
    const admin = await t.signIn('admin');
    const me = await t.createUser('coordinator');
    const patch = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${me.id}`,
      payload: { phone: '+13035550177', smsLanguage: 'es' },
    });
    expect(patch.statusCode).toBe(200);
    const fund = await addFund(t, coordinator);
    await addIncome(t, coordinator, fund.id, 100_000);
    await disburse(t, coordinator, fund.id, { amountCents: 10_000 });
    expect(outbound(t)).toHaveLength(0);
    await disburse(t, coordinator, fund.id, { amountCents: 25_000, purpose: 'lodging' });
    const texts = outbound(t);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ phone: '+13035550177', language: 'es' });
    expect(texts[0]!.body).toContain('250.00 USD para alojamiento');
  });

  it('pays once for a retried request with the same Idempotency-Key', async () => {
    const fund = await addFund(t, coordinator);
    await addIncome(t, coordinator, fund.id, 10_000);
    const send = () =>
      t.call(coordinator, {
        method: 'POST',
        url: `/api/funds/${fund.id}/disbursements`,
        headers: { 'idempotency-key': 'pay-taxi-1' },
        payload: { amountCents: 3_000, purpose: 'other' },
      });
    const first = await send();
    const again = await send();
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect((await fundOf(t, coordinator, fund.id)).balanceCents).toBe(7_000);
  });

  it('ties a disbursement to a release and refuses one that does not exist', async () => {
    const siteId = (await addSite(t, coordinator)).id;
    const release = await addRelease(t, coordinator, { siteId });
    const fund = await addFund(t, coordinator);
    await addIncome(t, coordinator, fund.id, 10_000);
    const tied = await disburse(t, coordinator, fund.id, {
      amountCents: 4_500,
      releaseId: release.id,
      note: 'Greyhound ticket to Atlanta, receipt 0042',
    });
    expect(tied.json()).toMatchObject({ releaseId: release.id, releaseCode: release.code });
    const missing = await disburse(t, coordinator, fund.id, { amountCents: 100, releaseId: 9999 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ path: 'body.releaseId', message: 'no such release' }]);
    const noItinerary = await disburse(t, coordinator, fund.id, { amountCents: 100, itineraryId: 9999 });
    expect(noItinerary.statusCode).toBe(400);
    const ledger = (
      await t.call(coordinator, { method: 'GET', url: `/api/funds/ledger?fundId=${fund.id}` })
    ).json();
    expect(ledger.disbursements).toEqual([
      expect.objectContaining({ note: 'Greyhound ticket to Atlanta, receipt 0042' }),
    ]);
    expect(ledger.income).toEqual([expect.objectContaining({ amountCents: 10_000, imported: false })]);
  });

  it('refuses bad amounts and types with 400 naming the field, and writes nothing', async () => {
    const fund = await addFund(t, coordinator);
    await addIncome(t, coordinator, fund.id, 10_000);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ amountCents: -5 }, 'amountCents'],
      [{ amountCents: 0 }, 'amountCents'],
      [{ amountCents: 12.5 }, 'amountCents'],
      [{ amountCents: '100' }, 'amountCents'],
      [{ amountCents: 100_000_001 }, 'amountCents'],
      [{ amountCents: Number.MAX_SAFE_INTEGER }, 'amountCents'],
      [{ amountCents: 100, purpose: 'bribe' }, 'purpose'],
      [{ amountCents: 100, releaseId: 'R-0001' }, 'releaseId'],
      [{ amountCents: 100, note: 'x'.repeat(301) }, 'note'],
      [{ amountCents: 100, extra: true }, ''],
    ];
    for (const [payload, field] of bad) {
      const res = await disburse(t, coordinator, fund.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      if (field) expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
    const badIncome: Array<Record<string, unknown>> = [
      { amountCents: -100, receivedOn: '2026-03-01' },
      { amountCents: 100, receivedOn: '2026-02-30' },
      { amountCents: 100 },
      { amountCents: 1e12, receivedOn: '2026-03-01' },
      { amountCents: null, receivedOn: '2026-03-01' },
    ];
    for (const payload of badIncome) {
      expect((await postIncome(t, coordinator, fund.id, payload)).statusCode, JSON.stringify(payload)).toBe(
        400,
      );
    }
    expect(
      (await t.call(coordinator, { method: 'POST', url: '/api/funds', payload: { name: '' } })).statusCode,
    ).toBe(400);
    expect((await disburse(t, coordinator, 999, { amountCents: 100 })).statusCode).toBe(404);
    expect(
      (await postIncome(t, coordinator, 999, { amountCents: 100, receivedOn: '2026-03-01' })).statusCode,
    ).toBe(404);
    expect((await approve(t, other, 999)).statusCode).toBe(404);
    expect((await fundOf(t, coordinator, fund.id)).balanceCents).toBe(10_000);
    expect(auditRows(t, 'disbursement.created')).toHaveLength(0);
  });
});

describe('balances under concurrent disbursements', () => {
  it('approves exactly what the fund can pay when many arrive at once; the rest get 409 insufficient_funds', async () => {
    const t = await buildTestApp();
    try {
      const coordinators = await Promise.all(Array.from({ length: 4 }, () => t.signIn('coordinator')));
      const fund = await addFund(t, coordinators[0]!);
      await addIncome(t, coordinators[0]!, fund.id, 100_000);
      // 25 requests of 7,000 against 100,000: 14 fit (98,000), 11 must be refused.
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          disburse(t, coordinators[i % 4]!, fund.id, { amountCents: 7_000, purpose: 'food' }),
        ),
      );
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(14);
      expect(codes.filter((c) => c === 409)).toHaveLength(11);
      for (const r of results.filter((x) => x.statusCode === 409)) {
        expect(r.json().error.code).toBe('insufficient_funds');
      }
      expect((await fundOf(t, coordinators[0]!, fund.id)).balanceCents).toBe(2_000);
      const stored = t.db.$client
        .prepare("select sum(amount_cents) as out from disbursements where status = 'approved'")
        .get() as { out: number };
      expect(stored.out).toBe(98_000);
    } finally {
      await t.close();
    }
  });

  it('never holds more than the balance in pending ones either, whatever mix of sizes', async () => {
    const t = await buildTestApp();
    try {
      const c = await t.signIn('coordinator');
      const fund = await addFund(t, c);
      await addIncome(t, c, fund.id, 90_000);
      const sizes = [30_000, 25_000, 20_000, 15_000, 30_000, 25_000, 20_000, 15_000, 5_000, 5_000];
      const results = await Promise.all(sizes.map((amountCents) => disburse(t, c, fund.id, { amountCents })));
      const held = results
        .filter((r) => r.statusCode === 201)
        .reduce((n, r) => n + (r.json() as DisbursementView).amountCents, 0);
      expect(held).toBeLessThanOrEqual(90_000);
      expect((await fundOf(t, c, fund.id)).balanceCents).toBe(90_000 - held);
      expect((await fundOf(t, c, fund.id)).balanceCents).toBeGreaterThanOrEqual(0);
    } finally {
      await t.close();
    }
  });
});
