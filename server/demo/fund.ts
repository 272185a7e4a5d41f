import { DateTime } from 'luxon';
import type { systemActor } from '../lib/commands';
import type { Services } from '../modules';

/**
 * Two funds as a network keeps them: a spring GoFundMe drive paid out in batches and a church's second
 * collection. Out of them: food and a SIM card for the family at the church hall, and their bus tickets
 * to Chicago, which are above the approval threshold and wait for a coordinator.
 */
export function seedFund(services: Services, actor: typeof systemActor, family: { id: number }): void {
  const { fund } = services;
  const today = DateTime.fromISO(services.housing.stays.tonight());
  const daysAgo = (n: number) => today.minus({ days: n }).toISODate()!;
  const drive = fund.create(actor, { name: 'GoFundMe spring drive', source: 'GoFundMe' });
  const church = fund.create(actor, { name: 'St. Mark second collection', source: 'St. Mark parish' });
  for (const [amountCents, receivedOn, note] of [
    [185_000, daysAgo(40), 'GoFundMe payout, week 1'],
    [42_000, daysAgo(26), 'GoFundMe payout, week 3'],
    [9_500, daysAgo(5), 'GoFundMe payout, week 6'],
  ] as const) {
    fund.recordIncome(actor, drive.id, { amountCents, receivedOn, note });
  }
  fund.recordIncome(actor, church.id, {
    amountCents: 30_000,
    receivedOn: daysAgo(12),
    note: 'Sunday collection',
  });
  fund.disburse(actor, church.id, {
    amountCents: 3_850,
    purpose: 'food',
    releaseId: family.id,
    note: 'Groceries for the hall, receipt 7741',
  });
  fund.disburse(actor, drive.id, {
    amountCents: 2_500,
    purpose: 'phone',
    releaseId: family.id,
    note: 'Prepaid SIM card',
  });
  fund.disburse(actor, drive.id, {
    amountCents: 56_800,
    purpose: 'ticket',
    releaseId: family.id,
    note: 'Greyhound to Chicago, 4 seats, booking GH-20931',
  });
}
