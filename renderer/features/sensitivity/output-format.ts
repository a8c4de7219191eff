// How each sensitivity output reads: money as money (万/亿 in zh-CN), ROI as a ratio, conversion
// uplift in percentage points, staff hours in hours ("1,234 h", per branch-week "3.25 h"),
// held-back contacts as a count, pilot power as a percentage, contacts per customer with two decimals.
import type { SensitivityOutput } from '../../../sim/index';
import {
  formatCny,
  formatCount,
  formatPercent,
  formatPp,
  formatRatio,
  MISSING,
  type NumberLocale,
} from '../results/format';

/** Hours: "1,234 h" / "1,234 小时" (two decimals below 100, as an average per branch-week reads). */
export function formatHours(h: number, locale: NumberLocale): string {
  const n = Math.abs(h) < 100 ? formatRatio(h, locale) : formatCount(h, locale);
  return n === MISSING ? n : `${n}${locale === 'zh-CN' ? ' 小时' : ' h'}`;
}

export function outputFormatter(output: SensitivityOutput, locale: NumberLocale): (v: number) => string {
  switch (output) {
    case 'modelledNewMoney':
    case 'modelledValue':
    case 'cost':
      return (v) => formatCny(v, locale);
    case 'roi':
      return (v) => formatRatio(v, locale);
    case 'conversionUplift':
      return (v) => formatPp(v, locale, { signed: false });
    case 'staffHours':
    case 'staffHoursPerBranchWeek':
      return (v) => formatHours(v, locale);
    case 'policySuppressed':
      return (v) => formatCount(v, locale);
    case 'pilotPowerConversion':
    case 'pilotPowerAum':
      return (v) => formatPercent(v, locale, 0);
    case 'contactsPerCustomer':
      return (v) => formatRatio(v, locale);
  }
}
