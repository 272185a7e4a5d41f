import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAmount, parseDate } from '../../../server/modules/fund/fund.import';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { auditRows } from '../../helpers/fixtures';
import { addFund, fundOf, importCsv } from './fund.helpers';

/** A PayPal activity export: US dates, gross, fee and net, a status, a transaction id, donors' details. */
const PAYPAL = [
  '"Date","Time","TimeZone","Name","Type","Status","Currency","Gross","Fee","Net","From Email Address","Transaction ID"',
  '"03/01/2026","10:12:00","MST","Jane Donor","Donation Payment","Completed","USD","50.00","-1.75","48.25","jane@example.org","1AB23456CD7890123"',
  '"03/02/2026","11:00:00","MST","John Giver","Donation Payment","Completed","USD","1,200.00","-35.10","1,164.90","john@example.org","2AB23456CD7890124"',
  '"03/03/2026","09:30:00","MST","Pat Pending","Donation Payment","Pending","USD","20.00","-0.88","19.12","pat@example.org","3AB23456CD7890125"',
  '"03/04/2026","09:30:00","MST","Eve Euro","Donation Payment","Completed","EUR","20.00","-0.88","19.12","eve@example.org","4AB23456CD7890126"',
  '"03/05/2026","09:30:00","MST","Ref Und","Refund","Completed","USD","-50.00","1.75","-48.25","jane@example.org","5AB23456CD7890127"',
  '"not a date","09:30:00","MST","Odd Row","Donation Payment","Completed","USD","abc","","abc","x@example.org","6AB23456CD7890128"',
].join('\r\n');

describe('importing income from a platform export', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('imports the good rows whole, reports each bad row with its reasons, and writes nothing for a bad row', async () => {
    const fund = await addFund(t, coordinator, 'PayPal giving');
    const res = await importCsv(t, coordinator, fund.id, PAYPAL);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ imported: 2, duplicates: 0, refused: 4, importedCents: 4_825 + 116_490 });
    const byRow = new Map(report.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ status: 'imported', amountCents: 4_825, receivedOn: '2026-03-01' });
    expect(byRow.get(3)).toMatchObject({
      status: 'imported',
      amountCents: 116_490,
      receivedOn: '2026-03-02',
    });
    expect(byRow.get(4)).toMatchObject({
      status: 'refused',
      errors: [{ path: 'status', message: expect.stringContaining('Pending') }],
    });
    expect(byRow.get(5)).toMatchObject({
      status: 'refused',
      errors: [{ path: 'currency', message: 'is EUR, not USD' }],
    });
    expect(byRow.get(6)).toMatchObject({
      status: 'refused',
      errors: [{ path: 'amount', message: 'is not money in (zero or negative)' }],
    });
    expect((byRow.get(7) as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual([
      'amount',
      'date',
    ]);
    expect((await fundOf(t, coordinator, fund.id)).balanceCents).toBe(121_315);
    const stored = t.db.$client.prepare('select * from fund_income').all();
    expect(stored).toHaveLength(2);
    // Donors' names and emails never enter the database.
    expect(JSON.stringify(stored)).not.toMatch(/Jane|John|example\.org/);
    expect(auditRows(t, 'fund.income_recorded')).toHaveLength(2);
  });

  it('counts nothing twice when the same export is imported again, with or without transaction ids', async () => {
    const fund = await addFund(t, coordinator);
    await importCsv(t, coordinator, fund.id, PAYPAL);
    const again = (await importCsv(t, coordinator, fund.id, PAYPAL)).json();
    expect(again).toMatchObject({ imported: 0, duplicates: 2, refused: 4, importedCents: 0 });
    expect((await fundOf(t, coordinator, fund.id)).balanceCents).toBe(121_315);

    // A hand-made sheet with no ids: two real $25 gifts on one day stay two, and a re-import adds none.
    const sheet = 'date,amount\n2026-03-01,25.00\n2026-03-01,25.00\n2026-03-02,$10\n';
    const other = await addFund(t, coordinator, 'Cash jar');
    expect((await importCsv(t, coordinator, other.id, sheet)).json()).toMatchObject({
      imported: 3,
      importedCents: 6_000,
    });
    expect((await importCsv(t, coordinator, other.id, sheet)).json()).toMatchObject({
      imported: 0,
      duplicates: 3,
    });
    // The same file with one more row imports just that row.
    expect((await importCsv(t, coordinator, other.id, `${sheet}2026-03-03,5\n`)).json()).toMatchObject({
      imported: 1,
      duplicates: 3,
    });
    expect((await fundOf(t, coordinator, other.id)).balanceCents).toBe(6_500);
  });

  it('reads a Venmo statement: title lines above the header, signed amounts, ISO date-times', async () => {
    const fund = await addFund(t, coordinator, 'Venmo');
    const venmo = [
      'Account Statement - (@bienvenida-network) ,,,,,,,,',
      'Account Activity,,,,,,,,',
      ',ID,Datetime,Type,Status,Note,From,To,Amount (total)',
      ',3912345678901234567,2026-03-07T21:14:02,Payment,Complete,for bus tickets,Maria R,Bienvenida,+ $40.00',
      ',3912345678901234568,2026-03-08T08:00:00,Payment,Complete,pizza,Bienvenida,Luis T,- $12.50',
      ',,,,,,,,',
    ].join('\n');
    const report = (await importCsv(t, coordinator, fund.id, venmo)).json();
    expect(report).toMatchObject({ imported: 1, refused: 1, importedCents: 4_000 });
    expect(report.rows[0]).toMatchObject({ row: 4, receivedOn: '2026-03-07' });
    expect(JSON.stringify(t.db.$client.prepare('select * from fund_income').all())).not.toContain('Maria');
  });

  it('refuses a file it cannot read as a whole: no header, not CSV, unknown fund, wrong type', async () => {
    const fund = await addFund(t, coordinator);
    const noHeader = await importCsv(t, coordinator, fund.id, 'name,email\nA,b@example.org\n');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.details[0].path).toBe('body');
    expect((await importCsv(t, coordinator, fund.id, 'date,amount\n"2026-03-01,25\n')).statusCode).toBe(400);
    expect((await importCsv(t, coordinator, 999, 'date,amount\n2026-03-01,25\n')).statusCode).toBe(400);
    const json = await t.call(coordinator, {
      method: 'POST',
      url: `/api/funds/income/import?fundId=${fund.id}`,
      payload: { date: '2026-03-01' },
    });
    expect(json.statusCode).toBe(400);
    expect((await fundOf(t, coordinator, fund.id)).balanceCents).toBe(0);
  });
});

describe('reading amounts and dates as platforms write them', () => {
  it.each([
    ['25', 2500],
    ['$25.00', 2500],
    ['+ $40.00', 4000],
    ['- $12.50', -1250],
    ['(12.50)', -1250],
    ['1,200.00', 120000],
    ['1,000', 100000],
    ['1.234,56 €', 123456],
    ['12.5', 1250],
  ])('%s is %i cents', (raw, cents) => {
    expect(parseAmount(raw, 2)).toBe(cents);
  });

  it('refuses what is not an amount, or has more decimals than the currency', () => {
    expect(parseAmount('abc', 2)).toBeNull();
    expect(parseAmount('25.1234', 2)).toBeNull();
  });

  it.each([
    ['2026-03-07', '2026-03-07'],
    ['2026-03-07T21:14:02', '2026-03-07'],
    ['2026-03-07 21:14:02', '2026-03-07'],
    ['3/7/2026', '2026-03-07'],
    ['03/07/2026 9:14', '2026-03-07'],
    ['Mar 7, 2026', '2026-03-07'],
  ])('%s is %s', (raw, date) => {
    expect(parseDate(raw)).toBe(date);
  });

  it('refuses impossible dates', () => {
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('13/45/2026')).toBeNull();
  });
});
