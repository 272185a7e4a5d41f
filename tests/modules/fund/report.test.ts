import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../../server/lib/clock';
import type { TestApp } from '../../helpers/app';
import { addShift, auditRows, signUp, walk } from '../../helpers/fixtures';
import {
  buildDispatchApp,
  crowd,
  dispatch,
  type Network,
  network,
  offerOf,
  release,
  reply,
} from '../dispatch/dispatch.helpers';
import { addHousingSite, place } from '../housing/housing.helpers';
import { addItem, addKit, handOut, receive } from '../supplies/supplies.helpers';
import { addFund, addIncome, approve, disburse } from './fund.helpers';

const NOTE = 'Ticket for Maria Lopez, receipt 0042';

/**
 * One network's February and March 2026 (Denver): a release met, sheltered, given kits and a ticket,
 * volunteers on shifts and answering a dispatch, and a fund paying for some of it.
 */
describe('the donor report', () => {
  let t: TestApp;
  let n: Network;
  let viewer: string;
  let month: (report: { months: { month: string }[] }, m: string) => Record<string, unknown>;

  beforeAll(async () => {
    t = await buildDispatchApp();
    n = await network(t);
    month = (report, m) => report.months.find((x) => x.month === m) as Record<string, unknown>;
    const c = n.coordinator;
    const [v1, v2, v3] = await crowd(n, 3);

    // Shifts: 2 people × 5 h and 1 × 4 h end in March; one in April has not ended yet, so it counts for nothing.
    const a = await addShift(t, c, {
      siteId: n.siteId,
      startsAt: '2026-03-02T18:00',
      endsAt: '2026-03-02T23:00',
      needed: 2,
    });
    const b = await addShift(t, c, {
      siteId: n.siteId,
      startsAt: '2026-03-03T08:00',
      endsAt: '2026-03-03T12:00',
    });
    const later = await addShift(t, c, {
      siteId: n.siteId,
      startsAt: '2026-04-01T10:00',
      endsAt: '2026-04-01T14:00',
    });
    for (const [shift, v] of [
      [a, v1],
      [a, v2],
      [b, v3],
      [later, v1],
    ] as const) {
      const res = await signUp(t, c, shift.id, v!.id);
      if (res.statusCode !== 201 && res.statusCode !== 200)
        throw new Error(`signup: ${res.statusCode} ${res.body}`);
    }

    // A group of 5 met, two YES to its dispatch, 5 people sheltered 2 nights, 3 kits handed out.
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 2 });
    await reply(n, v1!, `YES ${offerOf(d, v1!.id).code}`);
    await reply(n, v2!, `YES ${offerOf(d, v2!.id).code}`);
    await walk(t, c, r.id, ['met']);
    const hall = await addHousingSite(t, c, { beds: 10 });
    const stay = await place(t, c, {
      housingSiteId: hall.id,
      releaseId: r.id,
      people: 5,
      checkIn: '2026-03-02',
      nights: 2,
    });
    if (stay.statusCode !== 201) throw new Error(`stay: ${stay.body}`);
    const soap = await addItem(t, c, { sku: 'SOAP' });
    const kit = await addKit(t, c, { sku: 'HYG', components: [{ itemId: soap.id, qty: 1 }] });
    await receive(t, c, n.siteId, [{ itemId: soap.id, qty: 10 }]);
    await t.call(c, {
      method: 'POST',
      url: `/api/supplies/kits/${kit.id}/assemble`,
      payload: { siteId: n.siteId, count: 4 },
    });
    const given = await handOut(t, c, r.id, { kitId: kit.id, siteId: n.siteId, count: 3 });
    if (given.statusCode !== 201 && given.statusCode !== 200) throw new Error(`hand out: ${given.body}`);

    // Money: in in February and March; out for a ticket and food; one pending, one rejected.
    const fund = await addFund(t, c);
    await addIncome(t, c, fund.id, 5_000, '2026-02-15');
    await addIncome(t, c, fund.id, 100_000, '2026-03-01');
    await disburse(t, c, fund.id, { amountCents: 4_500, purpose: 'ticket', releaseId: r.id, note: NOTE });
    await disburse(t, c, fund.id, { amountCents: 3_000, purpose: 'food' });
    await disburse(t, c, fund.id, { amountCents: 2_000, purpose: 'food' });
    const pending = (await disburse(t, c, fund.id, { amountCents: 25_000, purpose: 'cash' })).json();
    const refused = (await disburse(t, c, fund.id, { amountCents: 30_000, purpose: 'lodging' })).json();
    const other = await t.signIn('coordinator');
    await t.call(other, {
      method: 'POST',
      url: `/api/disbursements/${refused.id}/reject`,
      payload: { reason: 'no' },
    });

    t.clock.advance(8 * DAY); // 2026-03-10: the March shifts have ended
    viewer = await t.signIn('viewer');
    n.coordinator = await t.signIn('coordinator');
    // Approved on 10 March, so it is money out in March.
    expect((await approve(t, await t.signIn('coordinator'), pending.id)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const get = (cookie: string, url: string) => t.call(cookie, { method: 'GET', url });

  it('sums each month: people met, nights, kits, money in and out by purpose, volunteer hours', async () => {
    const res = await get(viewer, '/api/reports/fund?from=2026-02-01&to=2026-04-30');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      from: '2026-02-01',
      to: '2026-04-30',
      currency: 'USD',
      hoursPerDispatch: 3,
    });
    expect(report.months.map((m: { month: string }) => m.month)).toEqual(['2026-02', '2026-03', '2026-04']);
    expect(month(report, '2026-02')).toMatchObject({
      moneyInCents: 5_000,
      moneyOutCents: 0,
      peopleMet: 0,
      volunteerHours: 0,
    });
    expect(month(report, '2026-03')).toMatchObject({
      peopleMet: 5,
      nightsSheltered: 10,
      kitsHandedOut: 3,
      moneyInCents: 100_000,
      moneyOutCents: 34_500,
      moneyOutByPurpose: { ticket: 4_500, food: 5_000, cash: 25_000, lodging: 0, phone: 0, other: 0 },
      shiftHours: 14,
      dispatchHours: 6,
      volunteerHours: 20,
    });
    expect(month(report, '2026-04')).toMatchObject({ shiftHours: 0, volunteerHours: 0, moneyInCents: 0 });
    expect(report.totals).toMatchObject({
      moneyInCents: 105_000,
      moneyOutCents: 34_500,
      volunteerHours: 20,
      peopleMet: 5,
    });
  });

  it('counts an accepted dispatch for REPORT_HOURS_PER_DISPATCH hours', async () => {
    // Same data, read through a report whose dispatch estimate is left to the default (3 h × 2 YES).
    const report = (await get(viewer, '/api/reports/fund?from=2026-03-01&to=2026-03-31')).json();
    expect(report.months).toHaveLength(1);
    expect(report.months[0].dispatchHours).toBe(6);
  });

  it('holds no personal data: no notes, names, phones or release codes', async () => {
    const body = (await get(viewer, '/api/reports/fund?from=2026-02-01&to=2026-04-30')).body;
    const csv = (await get(viewer, '/api/reports/fund.csv?from=2026-02-01&to=2026-04-30')).body;
    for (const text of [body, csv]) {
      expect(text).not.toContain('Maria');
      expect(text).not.toContain('Volunteer');
      expect(text).not.toMatch(/R-\d{4}/);
      expect(text).not.toMatch(/\+1303/);
    }
  });

  it('downloads as CSV, a row per month and a total, money in dollars; every download audited', async () => {
    const before = auditRows(t, 'report.exported').length;
    const res = await get(viewer, '/api/reports/fund.csv?from=2026-02-01&to=2026-04-30');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('fund-report-2026-02-01-2026-04-30.csv');
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'month,people_met,nights_sheltered,kits_handed_out,ticket_itineraries,ticket_people,money_in_USD,money_out_USD,out_ticket_USD,out_food_USD,out_cash_USD,out_lodging_USD,out_phone_USD,out_other_USD,shift_hours,dispatch_hours,volunteer_hours',
    );
    expect(lines[2]).toBe('2026-03,5,10,3,0,0,1000.00,345.00,45.00,50.00,250.00,0.00,0.00,0.00,14,6,20');
    expect(lines.at(-1)).toMatch(/^total,5,10,3,0,0,1050.00,345.00,/);
    const same = await get(viewer, '/api/reports/fund?from=2026-02-01&to=2026-04-30&format=csv');
    expect(same.body).toBe(res.body);
    expect(auditRows(t, 'report.exported').length).toBe(before + 2);
  });

  it('refuses a range backwards or longer than ten years, and a download another site triggers', async () => {
    expect((await get(viewer, '/api/reports/fund?from=2026-03-01&to=2026-02-01')).statusCode).toBe(400);
    expect((await get(viewer, '/api/reports/fund?from=2010-01-01&to=2026-02-01')).statusCode).toBe(400);
    expect((await get(viewer, '/api/reports/fund?from=March')).statusCode).toBe(400);
    const cross = await t.call(viewer, {
      method: 'GET',
      url: '/api/reports/fund.csv',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(cross.statusCode).toBe(403);
  });

  it('covers the last twelve months by default', async () => {
    const report = (await get(viewer, '/api/reports/fund')).json();
    expect(report.months).toHaveLength(12);
    expect(report.months.at(-1).month).toBe('2026-03');
    expect(report.to).toBe('2026-03-10');
  });

  it('counts tickets the network bought from travel', async () => {
    const c = n.coordinator;
    const r = await release(n, { adults: 2, children: 0 });
    const res = await t.call(c, {
      method: 'POST',
      url: `/api/releases/${r.id}/itineraries`,
      payload: {
        people: 2,
        destination: 'Atlanta',
        ticket: 'network_bought',
        legs: [
          {
            carrier: 'Greyhound',
            from: 'Denver',
            departsAt: '2026-03-12T08:00',
            to: 'Atlanta',
            toZone: 'America/New_York',
            arrivesAt: '2026-03-13T20:00',
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    // Paying for it names the itinerary; the release comes from it, and another release's id is refused.
    const fund = (await get(c, '/api/funds')).json().items[0];
    const paid = await disburse(t, c, fund.id, { amountCents: 9_000, itineraryId: res.json().id });
    expect(paid.json()).toMatchObject({ itineraryId: res.json().id, releaseId: r.id, releaseCode: r.code });
    const other = await release(n, { adults: 1, children: 0 });
    const mismatch = await disburse(t, c, fund.id, {
      amountCents: 100,
      itineraryId: res.json().id,
      releaseId: other.id,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details[0].path).toBe('body.itineraryId');
    const march = month(
      (await get(viewer, '/api/reports/fund?from=2026-03-01&to=2026-03-31')).json(),
      '2026-03',
    );
    expect(march).toMatchObject({ ticketItineraries: 1, ticketPeople: 2 });
  });
});
