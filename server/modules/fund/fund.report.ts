import { DateTime } from 'luxon';
import { type DisbursementPurpose, disbursementPurposes } from '../../../shared/fund';
import type { Core } from '../../deps';
import { ValidationError } from '../../errors';
import { HOUR } from '../../lib/clock';
import { csvRow } from '../../lib/csv';
import { minorDigits } from '../../lib/money';
import type { FundPorts } from './fund.ports';
import { approvedBetween, incomeBetween } from './fund.repo';
import type { FundReport, FundReportMonth } from './report.schemas';

const MAX_MONTHS = 120;

type Counts = Omit<FundReportMonth, 'month'>;

function emptyCounts(): Counts {
  return {
    peopleMet: 0,
    nightsSheltered: 0,
    kitsHandedOut: 0,
    ticketItineraries: 0,
    ticketPeople: 0,
    moneyInCents: 0,
    moneyOutCents: 0,
    moneyOutByPurpose: Object.fromEntries(disbursementPurposes.map((p) => [p, 0])) as Record<
      DisbursementPurpose,
      number
    >,
    shiftHours: 0,
    dispatchHours: 0,
    volunteerHours: 0,
  };
}

const tenth = (n: number) => Math.round(n * 10) / 10;

/**
 * What the network did, month by month in NETWORK_TZ, for donors and funders: counts and sums from
 * every domain, never a person. Volunteer hours are the signed-up people times the length of shifts
 * that have ended, plus REPORT_HOURS_PER_DISPATCH for every YES to a dispatch that was not cancelled.
 */
export class FundReports {
  constructor(
    private readonly core: Core,
    private readonly ports: FundPorts,
  ) {}

  range(q: { from?: string; to?: string }): { from: string; to: string } {
    const zone = this.core.config.NETWORK_TZ;
    const today = DateTime.fromJSDate(this.core.clock.now(), { zone });
    const to = q.to ?? today.toISODate()!;
    const from = q.from ?? DateTime.fromISO(to).minus({ months: 11 }).startOf('month').toISODate()!;
    if (from > to) throw new ValidationError([{ path: 'querystring.from', message: 'must not be after to' }]);
    const months = DateTime.fromISO(to)
      .startOf('month')
      .diff(DateTime.fromISO(from).startOf('month'), 'months').months;
    if (months >= MAX_MONTHS) {
      throw new ValidationError([{ path: 'querystring.from', message: 'a report covers at most ten years' }]);
    }
    return { from, to };
  }

  build(q: { from?: string; to?: string }): FundReport {
    const { from, to } = this.range(q);
    const { NETWORK_TZ: zone, REPORT_HOURS_PER_DISPATCH: perDispatch, CURRENCY } = this.core.config;
    const start = DateTime.fromISO(from, { zone }).startOf('day');
    const end = DateTime.fromISO(to, { zone }).plus({ days: 1 }).startOf('day');
    const startAt = start.toJSDate();
    const endAt = end.toJSDate();
    const now = this.core.clock.now();
    const monthOf = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM');

    const months = new Map<string, Counts>();
    for (let m = start.startOf('month'); m < end; m = m.plus({ months: 1 })) {
      months.set(m.toFormat('yyyy-MM'), emptyCounts());
    }
    const at = (month: string) => months.get(month);

    for (const { release } of this.ports.releases.forReports()) {
      if (!release.metAt || release.metAt < startAt || release.metAt >= endAt) continue;
      const m = at(monthOf(release.metAt));
      if (m) m.peopleMet += release.adults + release.children;
    }
    for (const [night, people] of this.ports.housing.peopleNights(from, to)) {
      const m = at(night.slice(0, 7));
      if (m) m.nightsSheltered += people;
    }
    for (const handOut of this.ports.supplies.kitsHandedOut(startAt, endAt)) {
      const m = at(monthOf(handOut.at));
      if (m) m.kitsHandedOut += handOut.qty;
    }
    for (const row of this.ports.travel.ticketsBought(from, to)) {
      const m = at(row.month);
      if (m) {
        m.ticketItineraries += row.itineraries;
        m.ticketPeople += row.people;
      }
    }
    for (const income of incomeBetween(this.core.db, from, to)) {
      const m = at(income.receivedOn.slice(0, 7));
      if (m) m.moneyInCents += income.amountCents;
    }
    for (const out of approvedBetween(this.core.db, startAt, endAt)) {
      const m = at(monthOf(out.decidedAt!));
      if (!m) continue;
      m.moneyOutCents += out.amountCents;
      m.moneyOutByPurpose[out.purpose] += out.amountCents;
    }
    for (const shift of this.ports.shifts.staffedShifts(startAt, endAt)) {
      if (shift.endsAt > now) continue;
      const m = at(monthOf(shift.startsAt));
      if (m) m.shiftHours += (shift.people * (shift.endsAt.getTime() - shift.startsAt.getTime())) / HOUR;
    }
    for (const yes of this.ports.dispatch.acceptedBetween(startAt, endAt)) {
      const m = at(monthOf(yes));
      if (m) m.dispatchHours += perDispatch;
    }

    const totals = emptyCounts();
    const rows: FundReportMonth[] = [];
    for (const [month, m] of months) {
      m.shiftHours = tenth(m.shiftHours);
      m.dispatchHours = tenth(m.dispatchHours);
      m.volunteerHours = tenth(m.shiftHours + m.dispatchHours);
      rows.push({ month, ...m });
      for (const k of Object.keys(m) as (keyof Counts)[]) {
        if (k === 'moneyOutByPurpose') {
          for (const p of disbursementPurposes) totals.moneyOutByPurpose[p] += m.moneyOutByPurpose[p];
        } else totals[k] = tenth(totals[k] + m[k]);
      }
    }
    return { from, to, currency: CURRENCY, hoursPerDispatch: perDispatch, months: rows, totals };
  }

  /** The same report as CSV, one row per month and a total; money in the currency's units. */
  csv(report: FundReport): string {
    const digits = minorDigits(report.currency);
    const money = (cents: number) => (cents / 10 ** digits).toFixed(digits);
    const c = report.currency;
    const header = [
      'month',
      'people_met',
      'nights_sheltered',
      'kits_handed_out',
      'ticket_itineraries',
      'ticket_people',
      `money_in_${c}`,
      `money_out_${c}`,
      ...disbursementPurposes.map((p) => `out_${p}_${c}`),
      'shift_hours',
      'dispatch_hours',
      'volunteer_hours',
    ];
    const line = (label: string, m: Counts) =>
      csvRow([
        label,
        m.peopleMet,
        m.nightsSheltered,
        m.kitsHandedOut,
        m.ticketItineraries,
        m.ticketPeople,
        money(m.moneyInCents),
        money(m.moneyOutCents),
        ...disbursementPurposes.map((p) => money(m.moneyOutByPurpose[p])),
        m.shiftHours,
        m.dispatchHours,
        m.volunteerHours,
      ]);
    const lines = [
      header.join(','),
      ...report.months.map((m) => line(m.month, m)),
      line('total', report.totals),
    ];
    return `${lines.join('\r\n')}\r\n`;
  }
}
