import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { concatBlocks, type RunSettings, simApi } from '../api';
import { GROUP_FIELDS, recordLayout } from '../engine/layout';
import { loadScenarioText, type Scenario, validateScenario } from '../scenario';
import { type BranchInfo, branchInfos } from './branch-selection';
import {
  anovaIcc,
  branchIcc,
  crossing,
  mdeMultiplier,
  type PilotRun,
  type PilotRunner,
  pilotGrid,
  pilotNoteHeading,
  pilotNoteText,
  pilotScenario,
  restrictToBranches,
  simulatePilotPlan,
  sizeCv,
} from './pilot-sim';

function load(file: string): Scenario {
  const r = loadScenarioText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} is not valid`);
  return r.scenario;
}

const omni = load('scenarios/omnichannel-referral-pilot.json');
const tiny = load('tests/fixtures/tiny.json');

/** Runs in this thread: the simulation API as the workers run it. */
const inProcess: PilotRunner = async (scenario, settings) => {
  const block = simApi.runBlock(scenario, settings, 0, settings.replications);
  return {
    summary: simApi.summarize(scenario, settings, [block]),
    records: concatBlocks([block], recordLayout(scenario).length),
  };
};

const bank = (n: number, customers = (k: number) => 1000 + 100 * k): BranchInfo[] =>
  Array.from({ length: n }, (_, k) => ({
    name: `B${String(k + 1).padStart(2, '0')}`,
    region: 'east',
    customers: customers(k),
    wealthManagers: 1,
    remoteAgents: 1,
  }));

describe('pilotScenario', () => {
  it('restricts every strategy to the pilot branches, holds out half the branches and shortens the horizon', () => {
    const branches = bank(40, () => 2500);
    const names = ['B01', 'B02', 'B03', 'B04'];
    const s = pilotScenario(omni, { branches: names, weeks: 8, replications: 50 }, branches);
    expect(s.calendar.weeks).toBe(8);
    expect(s.monteCarlo.replications).toBe(50);
    s.strategies.forEach((st, i) => {
      const before = omni.strategies[i];
      expect(st.target.rules).toEqual([...before.target.rules, { attr: 'branch', op: 'in', values: names }]);
      expect(st.holdout).toEqual({ level: 'branch', share: 0.5 });
      // 4 of 40 equal branches: budgets scale to 10%.
      expect(st.budgetCny).toBeCloseTo(before.budgetCny * 0.1, 6);
    });
    expect(validateScenario(s).ok).toBe(true);
    // The input is untouched.
    expect(omni.calendar.weeks).toBe(26);
    expect(omni.strategies[0].holdout.level).toBe('customer');
  });

  it('clamps batch trigger weeks inside a short horizon, and can hold out customers instead', () => {
    const s = pilotScenario(
      omni,
      {
        branches: ['B05', 'B06'],
        weeks: 1,
        replications: 5,
        level: 'customer',
        holdoutShare: 0.3,
        isBudgetScaled: false,
      },
      bank(40),
    );
    const batch = s.strategies.filter((st) => st.trigger.type === 'batch');
    expect(batch.length).toBeGreaterThan(0);
    for (const st of batch) expect(st.trigger).toMatchObject({ type: 'batch', week: 0 });
    for (const st of s.strategies) expect(st.holdout).toEqual({ level: 'customer', share: 0.3 });
    expect(s.strategies.map((st) => st.budgetCny)).toEqual(omni.strategies.map((st) => st.budgetCny));
    expect(validateScenario(s).ok).toBe(true);
  });

  it('refuses an empty branch list and a horizon out of range', () => {
    expect(() => restrictToBranches(omni, [], { holdout: { level: 'branch', share: 0.5 } })).toThrow(
      /selects no branch/,
    );
    expect(() =>
      restrictToBranches(omni, ['B01'], { holdout: { level: 'branch', share: 0.5 }, weeks: 0 }),
    ).toThrow(/weeks: 0 is not a horizon/);
  });
});

describe('anovaIcc', () => {
  // Raw data of three branches in one arm: [1, 0], [1, 1, 1], [0, 0, 0, 1].
  // N = 9, K = 3; Σ sumᵢ²/nᵢ = 1/2 + 9/3 + 1/4 = 3.75; S²/N = 25/9.
  // SSB = 3.75 − 25/9 = 0.97222, MSB = 0.48611; SSW = 5 − 3.75 = 1.25, MSW = 1.25/6 = 0.20833;
  // n₀ = (9 − 29/9)/2 = 2.88889; ICC = (0.48611 − 0.20833)/(0.48611 + 1.88889·0.20833) = 6/19.
  it('matches a hand computation for one arm (6/19)', () => {
    const groups = [
      { arm: 0, n: 2, sum: 1 },
      { arm: 0, n: 3, sum: 3 },
      { arm: 0, n: 4, sum: 1 },
    ];
    expect(anovaIcc(groups, [5])).toBeCloseTo(6 / 19, 12);
  });

  it('removes the arm difference: two arms (numpy ANOVA on the raw data: 0.4356961869)', () => {
    // Arm 1 adds [1, 1], [0, 1, 0], [0, 0, 0].
    const groups = [
      { arm: 0, n: 2, sum: 1 },
      { arm: 0, n: 3, sum: 3 },
      { arm: 0, n: 4, sum: 1 },
      { arm: 1, n: 2, sum: 2 },
      { arm: 1, n: 3, sum: 1 },
      { arm: 1, n: 3, sum: 0 },
    ];
    expect(anovaIcc(groups, [5, 3])).toBeCloseTo(0.43569618688585376, 12);
  });

  it('works for a continuous outcome from sums and the arm sums of squares (numpy: 0.1840890076)', () => {
    // Arm 0: [10, 20, 0], [500, 0]; arm 1: [30, 40, 50, 60], [5, 5], [100, 0, 0].
    const groups = [
      { arm: 0, n: 3, sum: 30 },
      { arm: 0, n: 2, sum: 500 },
      { arm: 1, n: 4, sum: 180 },
      { arm: 1, n: 2, sum: 10 },
      { arm: 1, n: 3, sum: 100 },
    ];
    const sq0 = 100 + 400 + 0 + 250000 + 0;
    const sq1 = 900 + 1600 + 2500 + 3600 + 25 + 25 + 10000;
    expect(anovaIcc(groups, [sq0, sq1])).toBeCloseTo(0.18408900757856406, 12);
  });

  it('is NaN without a spare degree of freedom and ignores empty groups', () => {
    expect(anovaIcc([{ arm: 0, n: 3, sum: 1 }], [1])).toBeNaN();
    expect(
      anovaIcc(
        [
          { arm: 0, n: 2, sum: 1 },
          { arm: 0, n: 0, sum: 0 },
          { arm: 0, n: 3, sum: 3 },
          { arm: 0, n: 4, sum: 1 },
        ],
        [5],
      ),
    ).toBeCloseTo(6 / 19, 12);
  });
});

describe('branchIcc', () => {
  it('reads the per-branch records of each replication and averages the estimates', () => {
    const L = recordLayout(tiny);
    const lay = L.strategies[1];
    const GF = GROUP_FIELDS.length;
    const records = new Float64Array(2 * L.length);
    // The hand example of anovaIcc (6/19): in control (arm 1) in replication 0, in treatment in replication 1.
    const put = (r: number, b: number, arm: number, n: number, buyers: number) => {
      const o = r * L.length + lay.branches + b * GF;
      records[o + arm] = n;
      records[o + 2 + arm] = buyers;
    };
    put(0, 0, 1, 2, 1);
    put(0, 1, 1, 3, 3);
    put(0, 2, 1, 4, 1);
    put(1, 0, 0, 2, 1);
    put(1, 1, 0, 3, 3);
    put(1, 2, 0, 4, 1);
    const est = branchIcc(tiny, records, 1, 'conversion');
    expect(est.replications).toBe(2);
    expect(est.icc).toBeCloseTo(6 / 19, 12);
    expect(est.se).toBe(0);
  });
});

describe('mdeMultiplier, sizeCv, pilotGrid, crossing', () => {
  it('z: 1.959964 + 0.841621 = 2.801585; t with 8 df (SciPy): 2.306004 + 0.888890 = 3.194894', () => {
    expect(mdeMultiplier(0.05, 0.8, null)).toBeCloseTo(2.8015852, 6);
    expect(mdeMultiplier(0.05, 0.8, 8)).toBeCloseTo(3.194893652971186, 6);
  });

  it('CV is the sample SD over the mean', () => {
    // 100, 200, 300: mean 200, SD 100 → 0.5.
    expect(sizeCv([100, 200, 300])).toBeCloseTo(0.5, 12);
    expect(sizeCv([5])).toBe(0);
  });

  it('grids around a centre, clamped and unique', () => {
    expect(pilotGrid(5, 2, 20)).toEqual([3, 5, 8, 10]);
    expect(pilotGrid(8, 1, 104)).toEqual([4, 8, 12, 16]);
    expect(pilotGrid(15, 2, 20)).toEqual([8, 15, 20]);
    expect(pilotGrid(2, 2, 20)).toEqual([2, 3, 4]);
  });

  it('finds where power reaches the target by linear interpolation', () => {
    const pts = [
      { x: 3, power: 0.4 },
      { x: 5, power: 0.7 },
      { x: 8, power: 0.9 },
    ];
    // 0.7 → 0.9 over 5 → 8: 0.8 at 5 + 0.5·3 = 6.5.
    const at80 = crossing(pts, 0.8);
    expect(at80.bound).toBe('interpolated');
    expect(at80.value).toBeCloseTo(6.5, 12);
    expect(crossing(pts, 0.3)).toEqual({ value: 3, bound: 'at-most' });
    expect(crossing(pts, 0.95)).toEqual({ value: null, bound: 'beyond-grid' });
  });
});

describe('simulatePilotPlan (tiny fixture: 3,000 customers, 8 branches)', () => {
  const branches = branchInfos(simApi.populationSummary(tiny));

  it('runs each grid point once, with nested branch selections, and reports curves, ICC, CV and the formula', async () => {
    const seen: Array<{ weeks: number; branches: string[]; settings: RunSettings; run: PilotRun }> = [];
    const run: PilotRunner = async (scenario, settings, point) => {
      expect(point.count).toBe(6);
      const result = await inProcess(scenario, settings, point);
      seen.push({
        weeks: scenario.calendar.weeks,
        branches: scenario.strategies[0].target.rules.at(-1)!.values!,
        settings,
        run: result,
      });
      return result;
    };
    /** Simulated conversion power of one strategy in the run with k branches per arm and w weeks. */
    const powerOfRun = (id: string, k: number, w: number) =>
      seen
        .find((s) => s.branches.length === 2 * k && s.weeks === w)!
        .run.summary.strategies.find((x) => x.id === id)!.pilot.powerConversion;
    const report = await simulatePilotPlan(
      tiny,
      branches,
      { branchesPerArm: 3, weeks: 4, replications: 6, seed: 'plan' },
      run,
    );
    // Branch grid around 3, capped at 8/2 = 4: [2, 3, 4]; weeks around 4: [2, 4, 6, 8] → 3 + 4 runs − (3, 4) shared = 6.
    expect(report.grids).toEqual({ branches: [2, 3, 4], weeks: [2, 4, 6, 8] });
    expect(seen.map((s) => s.weeks)).toEqual([4, 4, 4, 2, 6, 8]);
    expect(seen[1].branches).toEqual(expect.arrayContaining(seen[0].branches));
    expect(seen[1].branches).toHaveLength(6);
    for (const s of seen) expect(s.settings).toEqual({ seed: 'plan', replications: 6 });
    expect(report.selection.pilot).toHaveLength(3);
    expect(report.strategies).toHaveLength(tiny.strategies.length);
    for (const st of report.strategies) {
      expect(st.byBranches.map((p) => p.branchesPerArm)).toEqual([2, 3, 4]);
      expect(st.byWeeks.map((p) => p.weeks)).toEqual([2, 4, 6, 8]);
      expect(st.design.branchesPerArm).toBe(3);
      expect(st.design.weeks).toBe(4);
      // Each curve point carries the power of its own run (k per arm at 4 weeks; 3 per arm at w weeks).
      for (const p of st.byBranches) expect(p.powerConversion).toBe(powerOfRun(st.id, p.branchesPerArm, 4));
      for (const p of st.byWeeks) expect(p.powerConversion).toBe(powerOfRun(st.id, 3, p.weeks));
      // The MDE is the multiplier (t, df 4) times the SD of the uplift.
      expect(st.design.conversion.mde).toBeCloseTo(
        mdeMultiplier(0.05, 0.8, 4) * st.design.conversion.upliftSd,
        9,
      );
      // Replications with no buyer at all (rare offers in 3,000 customers) have no ICC.
      expect(st.design.conversion.icc.replications).toBeLessThanOrEqual(6);
      expect(st.design.srmFlagShare).toBeNull();
      expect(st.design.notes.length).toBeGreaterThan(0);
      for (const n of st.design.notes) {
        // The sentence (or, for a disagreement, its heading) quotes the design point's simulated power.
        const quoted = n.code === 'agree' ? pilotNoteText(n) : pilotNoteHeading(n);
        expect(quoted).toContain(`(${Number(st.design[n.outcome].power.toFixed(2))} ± `);
        expect(pilotNoteHeading(n)).toMatch(/^For (conversion|net new money)/);
      }
    }
    expect(report.strategies[0].design.conversion.icc.replications).toBe(6);
    expect(report.cv.all).toBeCloseTo(sizeCv(branches.map((b) => b.customers)), 12);
  });

  it('is reproducible for a seed', async () => {
    const opts = {
      branchesPerArm: 2,
      weeks: 2,
      replications: 4,
      seed: 'again',
      branchGrid: [2],
      weekGrid: [2],
    };
    const a = await simulatePilotPlan(tiny, branches, opts, inProcess);
    const b = await simulatePilotPlan(tiny, branches, opts, inProcess);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('checks the options before running anything', async () => {
    const never: PilotRunner = async () => {
      throw new Error('should not run');
    };
    const base = { weeks: 4, replications: 5, seed: 'x' };
    await expect(simulatePilotPlan(tiny, branches, { ...base, branchesPerArm: 5 }, never)).rejects.toThrow(
      /needs 10 branches but the scenario has 8/,
    );
    await expect(simulatePilotPlan(tiny, branches, { ...base, branchesPerArm: 1 }, never)).rejects.toThrow(
      /at least 2 branches per arm/,
    );
    await expect(
      simulatePilotPlan(tiny, branches, { ...base, branchesPerArm: 2, replications: 1 }, never),
    ).rejects.toThrow(/replications: 1/);
  });

  it('flags sample ratio mismatches only rarely in a customer-randomized pilot', async () => {
    const report = await simulatePilotPlan(
      tiny,
      branches,
      {
        branchesPerArm: 2,
        weeks: 3,
        replications: 6,
        seed: 'srm',
        level: 'customer',
        holdoutShare: 0.5,
        branchGrid: [2],
        weekGrid: [3],
      },
      inProcess,
    );
    for (const st of report.strategies) {
      // Customers are randomized 50/50 by the engine: a flag at p < 0.001 is a 1-in-1000 event.
      expect(st.design.srmFlagShare).toBe(0);
    }
  });
});
