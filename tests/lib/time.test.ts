import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { toIso } from '../../server/lib/time';

describe('toIso', () => {
  it('writes every instant exactly as luxon does, in zones with odd offsets, with and without milliseconds', () => {
    const zones = ['America/Denver', 'UTC', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          expect(toIso(new Date(ms), zone)).toBe(
            DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('gives the offset in force at each instant, across the spring-forward and fall-back nights', () => {
    const zone = 'America/Denver';
    const start = Date.UTC(2026, 2, 8, 6, 0); // 2026-03-08 midnight in Denver, before spring-forward
    for (let ms = start; ms < start + 6 * 3_600_000; ms += 7 * 60_000) {
      const expected = DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
      expect(toIso(new Date(ms), zone)).toBe(expected);
    }
    expect(toIso(new Date('2026-11-01T07:30:00Z'), zone)).toBe('2026-11-01T01:30:00-06:00');
    expect(toIso(new Date('2026-11-01T08:30:00Z'), zone)).toBe('2026-11-01T01:30:00-07:00');
  });

  it('handles zones with half-hour offsets', () => {
    expect(toIso(new Date('2026-06-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-06-01T17:30:00+05:30');
  });
});
