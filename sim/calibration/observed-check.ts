// Checks of an observed pilot that need more than one cell: counts that must nest, rows that
// repeat, weeks, arm totals that must add up, and the scenario it claims to come from (strategy,
// branches, branch sizes). The result is the pilot's design and per-arm totals the calibration fits.
import type { BranchInfo } from '../planner/branch-selection';
import type { Scenario } from '../scenario/schema';
import {
  ALL_BRANCHES,
  type Arm,
  type FigureKey,
  OBSERVED_COLUMNS,
  type ObservedFigures,
  type ObservedPilot,
  type ObservedRow,
} from './observed-format';
import type { ObservedIssue } from './observed-read';

/** Per-arm totals over the pilot: required figures always, optional ones null when the file lacks them. */
export type ArmTotals = ObservedFigures;

/** A checked pilot: its design and the per-arm totals. */
export type CheckedPilot = {
  strategy: string;
  startDate: string;
  weeks: number;
  /** 'branch': each branch in one arm; 'customer': customers of every branch in both arms. */
  level: 'branch' | 'customer';
  treatmentBranches: string[];
  controlBranches: string[];
  treatment: ArmTotals;
  control: ArmTotals;
};

export type ObservedCheck = { ok: true; pilot: CheckedPilot } | { ok: false; issues: ObservedIssue[] };

const col = (key: string) => OBSERVED_COLUMNS.find((c) => c.key === key)?.en ?? key;
const where = (r: ObservedRow) => ('line' in r.at ? `line ${r.at.line}` : r.at.path);

/** Counts that must not exceed another count of the same row. */
const NESTED: ReadonlyArray<[FigureKey, FigureKey]> = [
  ['reached', 'targeted'],
  ['responded', 'reached'],
  ['buyers', 'targeted'],
  ['activeAppUsers', 'targeted'],
];

function rowChecks(r: ObservedRow, issues: ObservedIssue[]): void {
  for (const [a, b] of NESTED) {
    const x = r[a];
    const y = r[b];
    if (x !== null && y !== null && x > y)
      issues.push({
        code: 'exceeds',
        params: { value: x, other: col(b), limit: y },
        at: r.at,
        column: col(a),
      });
  }
  if (r.arm === 'control') {
    for (const k of ['reached', 'responded'] as const) {
      const v = r[k];
      if (v !== null && v > 0)
        issues.push({ code: 'control-contacted', params: { value: v }, at: r.at, column: col(k) });
    }
  }
  if (r.netNewMoneySq !== null && r.week === null && r.targeted > 0) {
    const min = (r.netNewMoneyCny * r.netNewMoneyCny) / r.targeted;
    if (r.netNewMoneySq < min * (1 - 1e-9) - 1e-6)
      issues.push({
        code: 'sumsq-too-small',
        params: { value: r.netNewMoneySq, min: Number(min.toPrecision(6)) },
        at: r.at,
        column: col('netNewMoneySq'),
      });
  }
}

/**
 * Checks an observed pilot against itself and against `scenario` (its branches as `branches`,
 * from the population summary of the scenario's seed), and adds it up per arm.
 */
export function checkObserved(
  pilot: ObservedPilot,
  scenario: Scenario,
  branches: readonly BranchInfo[],
): ObservedCheck {
  const issues: ObservedIssue[] = [];
  const first = pilot.rows[0];
  const ids = scenario.strategies.map((s) => s.id);
  if (!ids.includes(pilot.strategy))
    issues.push({
      code: 'unknown-strategy',
      params: { value: pilot.strategy, known: ids.join(', ') },
      at: first.at,
      column: col('strategy'),
    });
  const byName = new Map(branches.map((b) => [b.name, b]));
  const hasWeek = pilot.rows.map((r) => r.week !== null);
  if (hasWeek.some((x) => x) && hasWeek.some((x) => !x)) {
    const odd = pilot.rows.find((r) => r.week === null) ?? first;
    issues.push({ code: 'week-mixed', params: {}, at: odd.at, column: col('week') });
  }
  const seen = new Map<string, ObservedRow>();
  const targetedOf = new Map<string, ObservedRow>();
  for (const r of pilot.rows) {
    rowChecks(r, issues);
    if (r.week !== null && r.week > pilot.weeks)
      issues.push({
        code: 'week-out-of-range',
        params: { value: r.week, weeks: pilot.weeks },
        at: r.at,
        column: col('week'),
      });
    if (r.branch !== ALL_BRANCHES && !byName.has(r.branch))
      issues.push({
        code: 'unknown-branch',
        params: { value: r.branch, last: branches.at(-1)?.name ?? '', count: branches.length },
        at: r.at,
        column: col('branch'),
      });
    const key = `${r.branch}|${r.arm}|${r.week ?? ''}`;
    const dup = seen.get(key);
    if (dup)
      issues.push({
        code: 'duplicate-row',
        params: {
          value: `${r.branch} ${r.arm}${r.week !== null ? ` week ${r.week}` : ''}`,
          first: where(dup),
        },
        at: r.at,
      });
    else seen.set(key, r);
    const cohort = targetedOf.get(`${r.branch}|${r.arm}`);
    if (cohort && cohort.targeted !== r.targeted)
      issues.push({
        code: 'targeted-changes',
        params: { value: r.targeted, first: cohort.targeted, firstAt: where(cohort) },
        at: r.at,
        column: col('targeted'),
      });
    else if (!cohort) targetedOf.set(`${r.branch}|${r.arm}`, r);
  }
  // Customers per branch (one week's cohort; both arms) within the branch's size in the scenario.
  const perBranch = new Map<string, { n: number; row: ObservedRow }>();
  for (const r of targetedOf.values()) {
    if (r.branch === ALL_BRANCHES || !byName.has(r.branch)) continue;
    const e = perBranch.get(r.branch);
    perBranch.set(r.branch, { n: (e?.n ?? 0) + r.targeted, row: r });
  }
  for (const [name, { n, row }] of perBranch) {
    const size = byName.get(name)?.customers ?? 0;
    if (n > size)
      issues.push({
        code: 'branch-too-small',
        params: { value: n, branch: name, customers: size },
        at: row.at,
        column: col('targeted'),
      });
  }
  const branchRows = pilot.rows.filter((r) => r.branch !== ALL_BRANCHES);
  if (branchRows.length === 0) issues.push({ code: 'no-branch-rows', params: {}, at: first.at });
  for (const arm of ['treatment', 'control'] as const)
    if (!branchRows.some((r) => r.arm === arm)) issues.push({ code: 'missing-arm', params: { value: arm } });
  const armsOf = new Map<string, Set<Arm>>();
  for (const r of branchRows) armsOf.set(r.branch, (armsOf.get(r.branch) ?? new Set()).add(r.arm));
  const inBoth = [...armsOf].filter(([, s]) => s.size === 2).map(([b]) => b);
  if (inBoth.length > 0 && inBoth.length < armsOf.size) {
    const single = [...armsOf].find(([, s]) => s.size === 1)?.[0] ?? '';
    const row = branchRows.find((r) => r.branch === single) ?? first;
    issues.push({
      code: 'mixed-design',
      params: { value: single, both: inBoth[0] },
      at: row.at,
      column: col('branch'),
    });
  }
  if (issues.length) return { ok: false, issues };
  const totals = (arm: Arm): ArmTotals | ObservedIssue => armTotals(pilot.rows, arm);
  const t = totals('treatment');
  const c = totals('control');
  const bad = [t, c].filter((x): x is ObservedIssue => 'code' in x);
  if (bad.length) return { ok: false, issues: bad };
  const armBranches = (arm: Arm) => [...armsOf].filter(([, s]) => s.has(arm)).map(([b]) => b);
  return {
    ok: true,
    pilot: {
      strategy: pilot.strategy,
      startDate: pilot.startDate,
      weeks: pilot.weeks,
      level: inBoth.length > 0 ? 'customer' : 'branch',
      treatmentBranches: armBranches('treatment'),
      controlBranches: armBranches('control'),
      treatment: t as ArmTotals,
      control: c as ArmTotals,
    },
  };
}

/** Figures that add over weeks (targeted is the cohort; active app users are read at the last week). */
const FLOW: readonly FigureKey[] = [
  'reached',
  'responded',
  'buyers',
  'netNewMoneyCny',
  'netNewMoneySq',
  'productsGained',
];

/** One branch's figures over the pilot: flows summed over its weeks, cohort and app users from the last week. */
function overWeeks(rows: ObservedRow[]): ObservedFigures {
  const sorted = [...rows].sort((a, b) => (a.week ?? 0) - (b.week ?? 0));
  const last = sorted.at(-1)!;
  const out = { ...last } as Record<FigureKey, number | null>;
  for (const k of FLOW) {
    const vs = sorted.map((r) => r[k]);
    out[k] = vs.some((v) => v === null) ? null : (vs as number[]).reduce((a, b) => a + b, 0);
  }
  // A per-week sum of squares is not the sum of squares of the pilot's per-customer totals.
  if (sorted.length > 1) out.netNewMoneySq = null;
  return out as ObservedFigures;
}

/**
 * Per-arm totals: each figure summed over branch rows when every branch row has it; else taken
 * from the arm's `*` row; a `*` row must agree with the branch rows where both are given.
 */
function armTotals(rows: ObservedRow[], arm: Arm): ArmTotals | ObservedIssue {
  const mine = rows.filter((r) => r.arm === arm);
  const groups = new Map<string, ObservedRow[]>();
  for (const r of mine) groups.set(r.branch, [...(groups.get(r.branch) ?? []), r]);
  const star = groups.get(ALL_BRANCHES);
  const starFig = star ? overWeeks(star) : null;
  const perBranch = [...groups]
    .filter(([b]) => b !== ALL_BRANCHES)
    .map(([, rs]) => ({ rs, f: overWeeks(rs) }));
  const out = {} as Record<FigureKey, number | null>;
  const keys: FigureKey[] = [
    'targeted',
    'reached',
    'responded',
    'buyers',
    'netNewMoneyCny',
    'netNewMoneySq',
    'productsGained',
    'activeAppUsers',
  ];
  for (const k of keys) {
    const missing = perBranch.find((b) => b.f[k] === null);
    const isPartial = missing !== undefined && perBranch.some((b) => b.f[k] !== null);
    if (isPartial && missing)
      return {
        code: 'partial-column',
        params: {},
        at: missing.rs.find((r) => r[k] === null)?.at ?? missing.rs[0].at,
        column: col(k),
      };
    const sum = missing ? null : perBranch.reduce((a, b) => a + (b.f[k] as number), 0);
    const given = starFig?.[k] ?? null;
    if (sum !== null && given !== null && Math.abs(sum - given) > 0.5 + 1e-6 * Math.abs(sum))
      return {
        code: 'total-mismatch',
        params: { value: given, sum },
        at: star?.[0].at,
        column: col(k),
      };
    out[k] = sum ?? given;
  }
  return out as ArmTotals;
}
