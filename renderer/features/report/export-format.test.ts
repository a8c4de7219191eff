import { describe, expect, it } from 'vitest';
import { runSummaryFixture } from '../results/fixtures';
import { summaryToCsv } from './export-format';

describe('results CSV', () => {
  it('one row per strategy with the verdict, the modelled ROI and the domain outcomes’ uplift and naive ratio', () => {
    const summary = runSummaryFixture();
    const [header, ...rows] = summaryToCsv(summary)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const columns = header.split(',');
    expect(rows).toHaveLength(summary.strategies.length);
    const cell = (row: string, name: string) => row.split(',')[columns.indexOf(name)];
    const s = summary.strategies[0];
    expect(cell(rows[0], 'verdict_code')).toBe(s.verdict.code);
    expect(Number(cell(rows[0], 'modelled_roi_mean'))).toBe(s.modelled.roi.mean);
    expect(Number(cell(rows[0], 'app_logins_per_month_uplift_mean'))).toBe(s.appLoginsPerMonth.uplift.mean);
    expect(Number(cell(rows[0], 'attrition_rate_naive_ratio_mean'))).toBe(s.attritionRate.naiveRatio.mean);
    expect(Number(cell(rows[0], 'conversion_uplift_mc_se'))).toBe(s.conversionRate.uplift.mcSe);
  });
});
