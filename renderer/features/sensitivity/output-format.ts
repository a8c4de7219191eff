// How each sensitivity output reads: money as money (万/亿 in zh-CN), ROI as a ratio, conversion
// uplift in percentage points, staff hours as a count.
import type { SensitivityOutput } from '../../../sim/index';
import { formatCny, formatCount, formatPp, formatRatio, type NumberLocale } from '../results/format';

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
      return (v) => formatCount(v, locale);
  }
}
