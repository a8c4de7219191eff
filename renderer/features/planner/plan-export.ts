// The plan as a file: one long CSV (analytic inputs and answer, the simulated curves and design
// point, the branches and their balance, the rollout forecast); the PDF goes through the shell's
// print path with the planner on screen.
import { catalogueT, noteText, type Translate } from '../../../messages/index';
import {
  type CsvCell,
  type PilotPlanReport,
  type RolloutForecast,
  type Stat,
  toCsv,
} from '../../../sim/index';
import { fieldErrorText, type PlannerInputs, type Solved } from './analytic-plan';

export const PLAN_CSV_HEADER = [
  'section',
  'strategy',
  'stage',
  'branches_per_arm',
  'weeks',
  'metric',
  'value',
  'p05',
  'p95',
];

type Row = {
  section: string;
  strategy?: string;
  stage?: string;
  k?: number;
  weeks?: number;
  metric: string;
  value: CsvCell;
  p05?: number;
  p95?: number;
};

export type PlanExport = {
  inputs: PlannerInputs;
  solved: Solved;
  report: PilotPlanReport | null;
  rollout: RolloutForecast[] | null;
};

function analyticRows(inputs: PlannerInputs, solved: Solved): Row[] {
  const rows: Row[] = Object.entries(inputs).map(([k, v]) => ({ section: 'input', metric: k, value: v }));
  if (!solved.ok) {
    // Exports are in English, like their metric names.
    const value = fieldErrorText(solved.error, catalogueT('en'), 'required');
    return [...rows, { section: 'analytic', metric: 'error', value }];
  }
  const r = solved.result;
  return [
    ...rows,
    { section: 'analytic', metric: 'branches_per_arm', value: r.clustersPerArmRounded },
    { section: 'analytic', metric: 'branches_per_arm_unrounded', value: r.clustersPerArm },
    { section: 'analytic', metric: 'customers_per_arm', value: r.nPerArmRounded },
    { section: 'analytic', metric: 'design_effect', value: r.designEffect },
    { section: 'analytic', metric: 'df', value: r.df },
    { section: 'analytic', metric: 'weeks', value: r.weeks },
  ];
}

function simulatedRows(report: PilotPlanReport, t: Translate): Row[] {
  const rows: Row[] = [
    { section: 'simulated', metric: 'replications_per_point', value: report.replications },
    { section: 'simulated', metric: 'seed', value: report.seed },
    { section: 'simulated', metric: 'level', value: report.level },
    { section: 'simulated', metric: 'selection_method', value: report.method },
    { section: 'simulated', metric: 'mde_method', value: report.mdeMethod },
    { section: 'selection', metric: 'pilot_branches', value: report.selection.pilot.join(' ') },
    { section: 'selection', metric: 'control_branches', value: report.selection.control.join(' ') },
    { section: 'selection', metric: 'cv_selected', value: report.cv.selected },
    { section: 'selection', metric: 'cv_all', value: report.cv.all },
  ];
  for (const b of report.selection.balance) {
    rows.push({ section: 'balance', metric: `${b.key}_pilot`, value: b.treatment });
    rows.push({ section: 'balance', metric: `${b.key}_control`, value: b.control });
    rows.push({ section: 'balance', metric: `${b.key}_std_diff`, value: b.stdDiff });
  }
  for (const st of report.strategies) {
    for (const [section, points] of [
      ['curve_branches', st.byBranches],
      ['curve_weeks', st.byWeeks],
    ] as const) {
      for (const p of points) {
        const at = { section, strategy: st.id, k: p.branchesPerArm, weeks: p.weeks };
        rows.push({ ...at, metric: 'power_conversion', value: p.powerConversion });
        rows.push({ ...at, metric: 'power_conversion_se', value: p.powerConversionSe });
        rows.push({ ...at, metric: 'power_conversion_formula', value: p.analyticPowerConversion });
        rows.push({ ...at, metric: 'mde_conversion_pp', value: p.mdeConversionPp });
        rows.push({ ...at, metric: 'mde_conversion_pp_formula', value: p.analyticMdeConversionPp });
        rows.push({ ...at, metric: 'power_aum', value: p.powerAum });
        rows.push({ ...at, metric: 'power_aum_formula', value: p.analyticPowerAum });
        rows.push({ ...at, metric: 'mde_aum_cny', value: p.mdeAumCny });
        rows.push({ ...at, metric: 'mde_aum_cny_formula', value: p.analyticMdeAumCny });
      }
    }
    const d = st.design;
    const at = { section: 'design', strategy: st.id, k: d.branchesPerArm, weeks: d.weeks };
    rows.push({ ...at, metric: 'icc_conversion', value: d.conversion.icc.icc });
    rows.push({ ...at, metric: 'icc_conversion_se', value: d.conversion.icc.se });
    rows.push({ ...at, metric: 'icc_aum', value: d.aum.icc.icc });
    rows.push({ ...at, metric: 'customers_per_branch', value: d.customersPerBranch });
    rows.push({ ...at, metric: 'branches_for_80_conversion', value: st.branchesFor80.conversion.value });
    rows.push({ ...at, metric: 'branches_for_80_aum', value: st.branchesFor80.aum.value });
    for (const n of d.notes) {
      rows.push({ ...at, metric: `note_${n.outcome}`, value: n.code });
      rows.push({ ...at, metric: `note_${n.outcome}_text`, value: noteText(n, t) });
    }
  }
  return rows;
}

function rolloutRows(forecasts: RolloutForecast[]): Row[] {
  const rows: Row[] = [];
  const stat = (base: Omit<Row, 'value' | 'p05' | 'p95'>, s: Stat): Row => ({
    ...base,
    value: s.mean,
    p05: s.p05,
    p95: s.p95,
  });
  for (const f of forecasts) {
    const at = { section: 'rollout', stage: f.stageId, weeks: f.weeks };
    rows.push({ ...at, metric: 'branches', value: f.branches.join(' ') });
    rows.push({ ...at, metric: 'customers', value: f.customers });
    for (const s of f.strategies) {
      const a = { ...at, strategy: s.id };
      rows.push(stat({ ...a, metric: 'conversion_treatment' }, s.conversionTreatment));
      rows.push(stat({ ...a, metric: 'conversion_uplift_pp' }, s.upliftPp));
      rows.push(stat({ ...a, metric: 'new_money_uplift_total_cny' }, s.newMoneyUpliftTotalCny));
      rows.push(stat({ ...a, metric: 'cost_cny' }, s.costCny));
      rows.push(stat({ ...a, metric: 'roi' }, s.roi));
      rows.push({ ...a, metric: 'roi_p_above_1', value: s.roi.pAbove1 });
    }
    for (const c of f.capacity) {
      rows.push({
        ...at,
        section: 'capacity',
        metric: `${c.channelId}_used_share`,
        value: c.usedShare,
        p95: c.usedShareP95,
      });
      rows.push({
        ...at,
        section: 'capacity',
        metric: `${c.channelId}_available_attempts`,
        value: c.availableAttempts,
      });
      rows.push({ ...at, section: 'capacity', metric: `${c.channelId}_overloaded`, value: c.isOverloaded });
    }
  }
  return rows;
}

/**
 * The whole plan as CSV (UTF-8 with a byte-order mark, CRLF, one figure per row). Metric names and
 * codes are English; the notes' sentences are in `t`'s language (the studio's).
 */
export function planToCsv(plan: PlanExport, t: Translate = catalogueT('en')): string {
  const rows = [
    ...analyticRows(plan.inputs, plan.solved),
    ...(plan.report ? simulatedRows(plan.report, t) : []),
    ...(plan.rollout ? rolloutRows(plan.rollout) : []),
  ];
  const lines = rows.map((r) => [
    r.section,
    r.strategy,
    r.stage,
    r.k,
    r.weeks,
    r.metric,
    r.value,
    r.p05,
    r.p95,
  ]);
  return toCsv([PLAN_CSV_HEADER, ...lines], { hasBom: true });
}
