import { describe, expect, it } from 'vitest';
import { SENSITIVITY_OUTPUTS } from '../../../sim/index';
import { formatHours, outputFormatter } from './output-format';

describe('how each sensitivity output reads', () => {
  it('has a formatter for every output, in both locales', () => {
    for (const locale of ['en', 'zh-CN'] as const)
      for (const o of SENSITIVITY_OUTPUTS)
        expect([o, typeof outputFormatter(o, locale)(1)]).toEqual([o, 'string']);
  });

  it('reads pilot power as a percentage, staff hours in hours, contacts per customer with two decimals', () => {
    expect(outputFormatter('pilotPowerConversion', 'en')(0.8)).toBe('80%');
    expect(outputFormatter('pilotPowerAum', 'zh-CN')(0.35)).toBe('35%');
    expect(outputFormatter('staffHours', 'en')(1234.4)).toBe('1,234 h');
    expect(outputFormatter('staffHours', 'zh-CN')(1234.4)).toBe('1,234 小时');
    expect(outputFormatter('staffHoursPerBranchWeek', 'en')(3.254)).toBe('3.25 h');
    expect(outputFormatter('contactsPerCustomer', 'en')(2.5)).toBe('2.50');
    expect(outputFormatter('policySuppressed', 'en')(12_345)).toBe('12,345');
    expect(formatHours(Number.NaN, 'en')).toBe('—');
  });
});
