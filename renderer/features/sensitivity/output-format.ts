// How each sensitivity output reads: money as money (万/亿 in zh-CN), ROI as a ratio, conversion
// uplift in percentage points, staff hours and held-back contacts as counts, pilot power as a
// percentage, contacts per customer and staff hours per branch-week with two decimals.
import type { SensitivityOutput } from '../../../sim/index';
import {
  formatCny,
  formatCount,
  formatPercent,
  formatPp,
  formatRatio,
  type NumberLocale,
} from '../results/format';

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
    case 'policySuppressed':
      return (v) => formatCount(v, locale);
    case 'pilotPowerConversion':
    case 'pilotPowerAum':
      return (v) => formatPercent(v, locale, 0);
    case 'contactsPerCustomer':
    case 'staffHoursPerBranchWeek':
      return (v) => formatRatio(v, locale);
  }
}
