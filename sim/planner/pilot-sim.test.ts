import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rejectedWords } from '../../messages/testing';
import { type RunSettings, simApi } from '../api';
import { GROUP, GROUP_FIELDS, recordLayout } from '../engine/layout';
import type { ReplicationBlock } from '../run-settings';
import { loadScenarioText, type Scenario } from '../scenario';
import { sizeCv } from '../stats/icc';
import { branchInfos } from './branch-selection';
import { mdeMultiplier } from './pilot-analysis';
import { crossing, pilotGrid, simulatePilotPlan } from './pilot-sim';
import type { PilotRun, PilotRunner } from './pilot-types';
import { inProcessRunner } from './test-runner';

function load(file: string): Scenario {
  const r = loadScenarioText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} is not valid`);
  return r.scenario;
}

const _omni = load('scenarios/omnichannel-referral-pilot.json');
const tiny = load('tests/fixtures/tiny.json');

const inProcess = inProcessRunner;

describe('pilotGrid, crossing', () => {
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
    const seen: Array<{
      weeks: number;
      branches: string[];
      settings: RunSettings;
      run: PilotRun;
      buyers: (si: number, rep: number) => number;
    }> = [];
    // The in-process runner, keeping each run's records to count its buyers.
    const run: PilotRunner = async (scenario, settings, point) => {
      expect(point.count).toBe(6);
      const blocks: ReplicationBlock[] = [simApi.runBlock(scenario, settings, 0, settings.replications)];
      const result = simApi.readPlanRun(scenario, settings, blocks, point);
      const L = recordLayout(scenario);
      seen.push({
        weeks: scenario.calendar.weeks,
        branches: scenario.strategies[0].target.rules.at(-1)!.values!,
        settings,
        run: result,
        buyers: (si, rep) => {
          const o = rep * L.length + L.strategies[si].branches;
          let n = 0;
          for (let b = 0; b < L.nBranches; b++) {
            const g = o + b * GROUP_FIELDS.length;
            n += blocks[0].data[g + GROUP.buyersT] + blocks[0].data[g + GROUP.buyersC];
          }
          return n;
        },
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
      const design = seen.find((x) => x.branches.length === 6 && x.weeks === 4)!;
      const si = report.strategies.indexOf(st);
      const withBuyers = [0, 1, 2, 3, 4, 5].filter((rep) => design.buyers(si, rep) > 0).length;
      expect(st.design.conversion.icc.replications).toBeLessThanOrEqual(withBuyers);
      expect(st.design.srmFlagShare).toBeNull();
      expect(st.design.notes.length).toBeGreaterThan(0);
      for (const outcome of ['conversion', 'aum'] as const) {
        const codes = st.design.notes.filter((n) => n.outcome === outcome).map((n) => n.code);
        // No formula answer, no comparison; else the two agree (one note), or the causes that
        // apply: 3 branches per arm in a branch design is always "few branches"; net new money
        // is always heavy-tailed.
        if (st.design[outcome].analytic.power === null) expect(codes).toEqual([]);
        else if (codes[0] === 'agree') expect(codes).toEqual(['agree']);
        else {
          expect(codes).toContain('small-k');
          if (outcome === 'aum') expect(codes).toContain('skewed-aum');
        }
      }
    }
    // A common offer has an ICC in every replication: app_activation's design run had 26 buyers a
    // replication on average and never fewer than 9 in 60 replications (10 seeds), so a replication
    // without one is a ~e^−9 event at worst (omni_fund, ~4 a replication, has none in ~2 %).
    const app = report.strategies.find((st) => st.id === 'app_activation')!;
    expect(app.design.conversion.icc.replications).toBe(6);
    // And some strategy lacks an ICC in a replication, so the bound above was not met by counting
    // every replication: inflow_wm has buyers in ~30 % of replications (17 of 60), all six a ~1e-3 event.
    expect(report.strategies.some((st) => st.design.conversion.icc.replications < 6)).toBe(true);
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
    expect(
      await rejectedWords(simulatePilotPlan(tiny, branches, { ...base, branchesPerArm: 5 }, never)),
    ).toMatch(/needs 10 branches but the scenario has 8/);
    expect(
      await rejectedWords(simulatePilotPlan(tiny, branches, { ...base, branchesPerArm: 1 }, never)),
    ).toMatch(/at least 2 branches per arm/);
    expect(
      await rejectedWords(
        simulatePilotPlan(tiny, branches, { ...base, branchesPerArm: 2, replications: 1 }, never),
      ),
    ).toMatch(/replications: 1/);
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
