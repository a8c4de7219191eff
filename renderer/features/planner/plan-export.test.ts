import { describe, expect, it } from 'vitest';
import { catalogueT } from '../../../messages/index';
import type { PilotPlanReport, RolloutForecast } from '../../../sim/index';
import { DEFAULT_INPUTS, solveDesign } from './analytic-plan';
import { PLAN_CSV_HEADER, planToCsv } from './plan-export';

const stat = (mean: number) => ({ mean, median: mean, p05: mean - 1, p95: mean + 1, sd: 0.5, mcSe: 0.05 });

describe('planToCsv', () => {
  it('writes the inputs and the formula answer, one figure per row, with a BOM and CRLF', () => {
    const csv = planToCsv({
      inputs: DEFAULT_INPUTS,
      solved: solveDesign(DEFAULT_INPUTS),
      report: null,
      rollout: null,
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${PLAN_CSV_HEADER.join(',')}`);
    expect(lines).toContain('input,,,,,outcome,binary,,');
    expect(lines).toContain('input,,,,,icc,0.01,,');
    // Equal-weight branch means: DE = 1 + 499 × 0.01 + 0.36 × 0.99 = 6.3464 (to floating-point dust).
    const de = lines.find((l) => l.startsWith('analytic,,,,,design_effect,'))!.split(',')[6];
    expect(Number(de)).toBeCloseTo(6.3464, 12);
    expect(lines).toContain('analytic,,,,,weeks,9,,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes the formula error', () => {
    const solved = solveDesign({ ...DEFAULT_INPUTS, pTreat: 0.05 });
    const csv = planToCsv({ inputs: DEFAULT_INPUTS, solved, report: null, rollout: null });
    expect(csv).toMatch(/\r\nanalytic,,,,,error,0\.05 equals pControl; expected .*,,\r\n/);
  });

  it('writes rollout intervals and capacity flags', () => {
    const rollout = [
      {
        stageId: 'all',
        branches: ['B01', 'B02'],
        customers: 1000,
        weeks: 8,
        replications: 10,
        strategies: [
          {
            id: 's1',
            label: 'S, one',
            holdoutShare: 0.1,
            targetedTreatment: 90,
            targetedControl: 10,
            conversionTreatment: stat(0.1),
            conversionControl: stat(0.08),
            upliftPp: { ...stat(2), pPositive: 0.9 },
            newMoneyUpliftPerCustomerCny: { ...stat(100), pPositive: 0.8 },
            newMoneyUpliftTotalCny: { ...stat(9000), pPositive: 0.8 },
            costCny: stat(500),
            roi: { ...stat(1.5), pAbove1: 0.7 },
          },
        ],
        capacity: [
          {
            channelId: 'wm',
            label: 'WM',
            staff: 'wealth_manager',
            attempts: stat(95),
            availableAttempts: 100,
            usedShare: 0.95,
            usedShareP95: 0.96,
            leadsDropped: 3,
            isOverloaded: true,
          },
        ],
        hasCapacityFlag: true,
      },
    ] satisfies RolloutForecast[];
    const lines = planToCsv({
      inputs: DEFAULT_INPUTS,
      solved: solveDesign(DEFAULT_INPUTS),
      report: null,
      rollout,
    }).split('\r\n');
    expect(lines).toContain('rollout,,all,,8,branches,B01 B02,,');
    expect(lines).toContain('rollout,s1,all,,8,conversion_uplift_pp,2,1,3');
    expect(lines).toContain('rollout,s1,all,,8,roi_p_above_1,0.7,,');
    expect(lines).toContain('capacity,,all,,8,wm_used_share,0.95,,0.96');
    expect(lines).toContain('capacity,,all,,8,wm_overloaded,true,,');
  });

  it('writes the simulated curves and the design point', () => {
    const point = {
      branchesPerArm: 3,
      weeks: 8,
      customersPerArm: 600,
      powerConversion: 0.55,
      powerConversionSe: 0.05,
      powerAum: 0.1,
      powerAumSe: 0.03,
      mdeConversionPp: 1.5,
      mdeAumCny: 900,
      analyticPowerConversion: 0.6,
      analyticMdeConversionPp: 1.4,
      analyticPowerAum: null,
      analyticMdeAumCny: null,
    };
    const report = {
      replications: 20,
      seed: 's',
      level: 'branch',
      method: 'random',
      mdeMethod: 'SD, "over" replications',
      selection: {
        pilot: ['B01'],
        control: ['B02'],
        balance: [
          { key: 'customers', kind: 'mean', treatment: 1, control: 2, stdDiff: -0.5, isImbalanced: true },
        ],
      },
      cv: { selected: 0.3, all: 0.5 },
      strategies: [
        {
          id: 's1',
          byBranches: [point],
          byWeeks: [point],
          branchesFor80: {
            conversion: { value: 4.5, bound: 'interpolated' },
            aum: { value: null, bound: 'beyond-grid' },
          },
          design: {
            branchesPerArm: 3,
            weeks: 8,
            customersPerBranch: 200,
            conversion: { icc: { icc: 0.01, se: 0.002 } },
            aum: { icc: { icc: 0.001, se: 0.001 } },
            notes: [
              {
                outcome: 'conversion',
                code: 'agree',
                direction: 'same',
                params: { simulated: 0.55, se: 0.05, analytic: 0.57 },
              },
            ],
          },
        },
      ],
    } as unknown as PilotPlanReport;
    const lines = planToCsv({
      inputs: DEFAULT_INPUTS,
      solved: solveDesign(DEFAULT_INPUTS),
      report,
      rollout: null,
    }).split('\r\n');
    expect(lines).toContain('simulated,,,,,mde_method,"SD, ""over"" replications",,');
    expect(lines).toContain('curve_branches,s1,,3,8,power_conversion,0.55,,');
    expect(lines).toContain('curve_weeks,s1,,3,8,power_aum_formula,,,');
    expect(lines).toContain('balance,,,,,customers_std_diff,-0.5,,');
    expect(lines).toContain('design,s1,,3,8,icc_conversion,0.01,,');
    expect(lines).toContain('design,s1,,3,8,branches_for_80_conversion,4.5,,');
    expect(lines).toContain('design,s1,,3,8,note_conversion,agree,,');
    // The note's sentence goes beside its code, in the language asked for.
    const zh = planToCsv(
      { inputs: DEFAULT_INPUTS, solved: solveDesign(DEFAULT_INPUTS), report, rollout: null },
      catalogueT('zh-CN'),
    );
    const zhNote = zh.split('\r\n').find((l) => l.startsWith('design,s1,,3,8,note_conversion_text,'));
    expect(zhNote).toMatch(/[\u4e00-\u9fff]/);
    expect(zhNote).not.toMatch(/agree/);
  });
});
