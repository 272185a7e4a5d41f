import { describe, expect, it } from 'vitest';
import { gapsIn, rotationTurn, turnAt } from '../../../server/modules/medical/medical.rotation';

const ZONE = 'America/Denver';
const daily = {
  participants: [1, 2, 3],
  handoff: 'daily' as const,
  handoffTime: '08:00',
  startsOn: '2026-03-01',
};

describe('on-call rotation math', () => {
  it('hands off at 08:00 local time every day, before and after the spring-forward night', () => {
    // 2026-03-07 08:00 MST is 15:00Z; 2026-03-08 08:00 MDT is 14:00Z: that turn is 23 hours long.
    const sat = rotationTurn(daily, new Date('2026-03-07T20:00:00Z'), ZONE)!;
    expect(sat).toMatchObject({ contactId: 1, nextContactId: 2 });
    expect(sat.startsAt.toISOString()).toBe('2026-03-07T15:00:00.000Z');
    expect(sat.endsAt.toISOString()).toBe('2026-03-08T14:00:00.000Z');
    expect(rotationTurn(daily, new Date('2026-03-08T13:59:59Z'), ZONE)!.contactId).toBe(1);
    expect(rotationTurn(daily, new Date('2026-03-08T14:00:00Z'), ZONE)!.contactId).toBe(2);
  });

  it('keeps the handoff at local 08:00 across the fall-back night (a 25-hour turn)', () => {
    const r = { ...daily, startsOn: '2026-10-30' };
    const sat = rotationTurn(r, new Date('2026-10-31T20:00:00Z'), ZONE)!;
    expect(sat.startsAt.toISOString()).toBe('2026-10-31T14:00:00.000Z');
    expect(sat.endsAt.toISOString()).toBe('2026-11-01T15:00:00.000Z');
    expect(rotationTurn(r, new Date('2026-11-01T14:30:00Z'), ZONE)!.contactId).toBe(sat.contactId);
  });

  it('moves a handoff in the skipped hour to the next valid minute', () => {
    const r = {
      participants: [1, 2],
      handoff: 'daily' as const,
      handoffTime: '02:30',
      startsOn: '2026-03-07',
    };
    // 02:30 does not exist on 2026-03-08 in Denver; the turn starts at 03:30 MDT (09:30Z).
    const turn = rotationTurn(r, new Date('2026-03-08T10:00:00Z'), ZONE)!;
    expect(turn.contactId).toBe(2);
    expect(turn.startsAt.toISOString()).toBe('2026-03-08T09:30:00.000Z');
  });

  it('rotates weekly and answers nobody before the first turn', () => {
    const weekly = { ...daily, handoff: 'weekly' as const, startsOn: '2026-03-02' };
    expect(rotationTurn(weekly, new Date('2026-03-02T14:00:00Z'), ZONE)).toBeNull();
    expect(rotationTurn(weekly, new Date('2026-03-05T12:00:00Z'), ZONE)!.contactId).toBe(1);
    expect(rotationTurn(weekly, new Date('2026-03-10T12:00:00Z'), ZONE)!.contactId).toBe(2);
    expect(rotationTurn(weekly, new Date('2026-03-24T12:00:00Z'), ZONE)!.contactId).toBe(1);
  });

  it('lets an override cover a stretch, and ends the turn early when one starts during it', () => {
    const cover = {
      contactId: 9,
      startsAt: new Date('2026-03-03T02:00:00Z'),
      endsAt: new Date('2026-03-03T10:00:00Z'),
    };
    const during = turnAt(daily, [cover], new Date('2026-03-03T05:00:00Z'), ZONE)!;
    expect(during).toMatchObject({ contactId: 9, override: true, nextContactId: 2 });
    expect(during.endsAt).toEqual(cover.endsAt);
    const before = turnAt(daily, [cover], new Date('2026-03-02T20:00:00Z'), ZONE)!;
    expect(before).toMatchObject({ contactId: 2, nextContactId: 9, override: false });
    expect(before.endsAt).toEqual(cover.startsAt);
    expect(turnAt(daily, [cover], new Date('2026-03-03T11:00:00Z'), ZONE)!.contactId).toBe(2);
  });

  it('finds the hours with nobody on call, merged into stretches', () => {
    const from = new Date('2026-03-02T00:00:00Z');
    const covered = (at: Date) => at.getUTCHours() < 20;
    expect(gapsIn(covered, from, 48)).toEqual([
      { from: new Date('2026-03-02T20:00:00Z'), to: new Date('2026-03-03T00:00:00Z') },
      { from: new Date('2026-03-03T20:00:00Z'), to: new Date('2026-03-04T00:00:00Z') },
    ]);
  });
});
