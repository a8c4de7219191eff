import { describe, expect, it } from 'vitest';
import {
  formatCny,
  formatCount,
  formatPercent,
  formatPp,
  formatProbability,
  formatRange,
  formatRatio,
  MISSING,
  toNumberLocale,
} from './format';

describe('formatPp', () => {
  it('shows two decimals and a sign', () => {
    expect(formatPp(1.234, 'en')).toBe('+1.23 pp');
    expect(formatPp(-0.5, 'en')).toBe('-0.50 pp');
    expect(formatPp(0, 'en')).toBe('0.00 pp');
    expect(formatPp(3, 'zh-CN')).toBe('+3.00个百分点');
    expect(formatPp(3, 'en', { signed: false })).toBe('3.00 pp');
  });
  it('shows a dash for missing values', () => {
    expect(formatPp(Number.NaN, 'en')).toBe(MISSING);
    expect(formatPp(Number.POSITIVE_INFINITY, 'zh-CN')).toBe(MISSING);
  });
});

describe('formatPercent and formatProbability', () => {
  it('formats rates as percentages', () => {
    expect(formatPercent(0.365, 'en')).toBe('36.5%');
    expect(formatPercent(0.928, 'zh-CN', 0)).toBe('93%');
    expect(formatPercent(0.02, 'en', 1, { signed: true })).toBe('+2.0%');
    expect(formatPercent(Number.NaN, 'en')).toBe(MISSING);
  });
  it('never rounds an uncertain probability to 0% or 100%', () => {
    expect(formatProbability(0.973, 'en')).toBe('97%');
    expect(formatProbability(0.998, 'en')).toBe('>99%');
    expect(formatProbability(0.001, 'en')).toBe('<1%');
    expect(formatProbability(1, 'en')).toBe('100%');
    expect(formatProbability(0, 'en')).toBe('0%');
  });
});

describe('formatCny', () => {
  it('uses 万 and 亿 in zh-CN', () => {
    expect(formatCny(856.4, 'zh-CN')).toBe('856元');
    expect(formatCny(9_999, 'zh-CN')).toBe('9,999元');
    expect(formatCny(12_345, 'zh-CN')).toBe('1.23万元');
    expect(formatCny(123_456, 'zh-CN')).toBe('12.3万元');
    expect(formatCny(45_600_000, 'zh-CN')).toBe('4,560万元');
    expect(formatCny(456_000_000, 'zh-CN')).toBe('4.56亿元');
    expect(formatCny(-12_345, 'zh-CN')).toBe('-1.23万元');
  });
  it('uses K, M and B in en', () => {
    expect(formatCny(856.4, 'en')).toBe('¥856');
    expect(formatCny(9_999, 'en')).toBe('¥9,999');
    expect(formatCny(12_345, 'en')).toBe('¥12.3K');
    expect(formatCny(4_560_000, 'en')).toBe('¥4.56M');
    expect(formatCny(1_200_000_000, 'en')).toBe('¥1.20B');
    expect(formatCny(2_500, 'en', { signed: true })).toBe('+¥2,500');
    expect(formatCny(-2_500, 'en')).toBe('-¥2,500');
  });
  it('shows a dash for missing values', () => {
    expect(formatCny(Number.NaN, 'en')).toBe(MISSING);
  });
});

describe('other formatters', () => {
  it('formats ratios, counts and ranges', () => {
    expect(formatRatio(1.857, 'en')).toBe('1.86');
    expect(formatRatio(-0.2, 'en')).toBe('-0.20');
    expect(formatCount(16_200, 'en')).toBe('16,200');
    expect(formatCount(120_000, 'en')).toBe('120,000');
    expect(formatCount(120_000, 'zh-CN')).toBe('12.0万');
    expect(formatCount(Number.NaN, 'en')).toBe(MISSING);
    expect(formatRange(1, 2, (v) => formatPp(v, 'en'))).toBe('+1.00 pp – +2.00 pp');
    expect(formatRange(Number.NaN, 2, String)).toBe(MISSING);
  });
  it('maps i18n languages to number locales', () => {
    expect(toNumberLocale('zh-CN')).toBe('zh-CN');
    expect(toNumberLocale('zh')).toBe('zh-CN');
    expect(toNumberLocale('en-US')).toBe('en');
    expect(toNumberLocale(undefined)).toBe('en');
  });
});
