import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';

describe('fund settings', () => {
  it('default to USD, approval above 200.00 and 3 hours per accepted dispatch', () => {
    const result = loadConfig({});
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.config).toMatchObject({
      CURRENCY: 'USD',
      FUND_APPROVAL_CENTS: 20_000,
      REPORT_HOURS_PER_DISPATCH: 3,
    });
  });

  it('take any ISO 4217 code, in any case', () => {
    const result = loadConfig({ CURRENCY: 'mxn', FUND_APPROVAL_CENTS: '0' });
    expect(result.ok && result.config.CURRENCY).toBe('MXN');
    expect(result.ok && result.config.FUND_APPROVAL_CENTS).toBe(0);
  });

  it('refuse a start with an unknown currency or a bad threshold, naming each variable', () => {
    const result = loadConfig({
      CURRENCY: 'DOLLARS',
      FUND_APPROVAL_CENTS: '-1',
      REPORT_HOURS_PER_DISPATCH: 'lots',
    });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.some((e) => e.startsWith('CURRENCY:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('FUND_APPROVAL_CENTS:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('REPORT_HOURS_PER_DISPATCH:'))).toBe(true);
    expect(loadConfig({ CURRENCY: 'XYZ' }).ok).toBe(false);
  });
});
