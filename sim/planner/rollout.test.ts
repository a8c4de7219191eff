import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thrownWords } from '../../messages/testing';
import { simApi } from '../api';
import type { RunSummary } from '../results';
import { loadScenarioText, type Scenario, validateScenario } from '../scenario';
import { type BranchInfo, branchInfos } from './branch-selection';
import {
  defaultRolloutStages,
  forecastRollout,
  MIN_ROLLOUT_HOLDOUT,
  rolloutForecast,
  rolloutHoldoutShare,
  rolloutScenario,
} from './rollout';
import { inProcessRunner } from './test-runner';

function load(file: string): Scenario {
  const r = loadScenarioText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} is not valid`);
  return r.scenario;
}

const tiny = load('tests/fixtures/tiny.json');
const branches = branchInfos(simApi.populationSummary(tiny));

const inProcess = inProcessRunner;

describe('defaultRolloutStages', () => {
  const bank: BranchInfo[] = Array.from({ length: 10 }, (_, k) => ({
    name: `B${String(k + 1).padStart(2, '0')}`,
    region: 'east',
    customers: 100 * (k + 1),
    wealthManagers: 1,
    remoteAgents: 1,
  }));

  it('goes pilot → sprint (pilot branches first, then the largest) → all', () => {
    const stages = defaultRolloutStages({ pilot: ['B01', 'B02'], control: ['B03', 'B04'] }, bank);
    expect(stages).toEqual([
      { id: 'pilot', branches: ['B01', 'B02'] },
      { id: 'sprint', branches: ['B01', 'B02', 'B03', 'B04', 'B10'] },
      { id: 'all', branches: bank.map((b) => b.name) },
    ]);
  });

  it('drops a sprint that would be as large as the whole bank', () => {
    const stages = defaultRolloutStages({ pilot: ['B01'], control: ['B02'] }, bank.slice(0, 2));
    expect(stages.map((s) => s.id)).toEqual(['pilot', 'all']);
  });
});

describe('rolloutScenario', () => {
  it('keeps each strategy’s customer holdout, never below 5%, and scales budgets to the stage', () => {
    const stage = { id: 'sprint', branches: branches.slice(0, 4).map((b) => b.name) };
    const s = rolloutScenario(tiny, stage, branches, { replications: 8 });
    const share =
      branches.slice(0, 4).reduce((a, b) => a + b.customers, 0) /
      branches.reduce((a, b) => a + b.customers, 0);
    s.strategies.forEach((st, i) => {
      expect(st.holdout).toEqual({
        level: 'customer',
        share: Math.max(MIN_ROLLOUT_HOLDOUT, tiny.strategies[i].holdout.share),
      });
      expect(st.target.rules.at(-1)).toEqual({ attr: 'branch', op: 'in', values: stage.branches });
      expect(st.budgetCny).toBeCloseTo(tiny.strategies[i].budgetCny * share, 6);
    });
    expect(s.monteCarlo.replications).toBe(8);
    expect(validateScenario(s).ok).toBe(true);
  });

  it('does not allow a rollout without a holdout', () => {
    const st = tiny.strategies[0];
    expect(rolloutHoldoutShare(st, 0)).toBe(MIN_ROLLOUT_HOLDOUT);
    expect(rolloutHoldoutShare({ ...st, holdout: { level: 'branch', share: 0.5 } })).toBe(0.1);
    expect(rolloutHoldoutShare(st, 0.2)).toBe(0.2);
  });

  it('names unknown branches', () => {
    expect(
      thrownWords(() => rolloutScenario(tiny, { id: 'x', branches: ['B99'] }, branches, { replications: 2 })),
    ).toMatch(/B99 are not branches of the scenario/);
  });
});

describe('rolloutForecast', () => {
  it('reports intervals per strategy and capacity against the stage’s own staff', async () => {
    const stages = [
      { id: 'pilot', branches: ['B01', 'B02'] },
      { id: 'all', branches: branches.map((b) => b.name) },
    ];
    const forecasts = await forecastRollout(
      tiny,
      branches,
      stages,
      { replications: 4, seed: 'roll' },
      inProcess,
    );
    expect(forecasts.map((f) => f.stageId)).toEqual(['pilot', 'all']);
    const [pilot, all] = forecasts;
    expect(all.customers).toBe(tiny.population.size);
    expect(pilot.customers).toBe(branches[0].customers + branches[1].customers);
    for (const f of forecasts) {
      expect(f.replications).toBe(4);
      for (const st of f.strategies) {
        expect(st.conversionTreatment.p05).toBeLessThanOrEqual(st.conversionTreatment.p95);
        expect(st.roi).toHaveProperty('pAbove1');
      }
    }
    // Wealth managers: capacity 25 attempts per person-week in the fixture's channel list.
    const wmChannel = tiny.channels.find((c) => c.capacity?.staff === 'wealth_manager')!;
    const perStaff = (wmChannel.capacity as { attemptsPerStaffPerWeek: number }).attemptsPerStaffPerWeek;
    const wm = pilot.capacity.find((c) => c.channelId === wmChannel.id)!;
    const staff = branches[0].wealthManagers + branches[1].wealthManagers;
    expect(wm.availableAttempts).toBe(staff * perStaff * tiny.calendar.weeks);
    expect(wm.usedShare).toBeCloseTo(wm.attempts.mean / wm.availableAttempts, 12);
    expect(wm.isOverloaded).toBe(wm.usedShare > 0.9);
  });

  it('flags a channel above 90% of capacity', () => {
    const stage = { id: 'pilot', branches: ['B01'] };
    const s = rolloutScenario(tiny, stage, branches, { replications: 2, weeks: 4 });
    const wmIndex = s.channels.findIndex((c) => c.capacity?.staff === 'wealth_manager');
    const perStaff = (s.channels[wmIndex].capacity as { attemptsPerStaffPerWeek: number })
      .attemptsPerStaffPerWeek;
    const available = branches[0].wealthManagers * perStaff * 4;
    const stat = (mean: number) => ({ mean, median: mean, p05: mean, p95: mean, sd: 0 });
    const summary = {
      strategies: [],
      channels: s.channels.map((c, i) => ({
        id: c.id,
        attempts: stat(i === wmIndex ? 0.95 * available : 0),
        leadsDropped: stat(i === wmIndex ? 12 : 0),
      })),
      replicationsDone: 2,
    } as unknown as RunSummary;
    const f = rolloutForecast(s, summary, stage, branches);
    const wm = f.capacity.find((c) => c.staff === 'wealth_manager')!;
    expect(wm.usedShare).toBeCloseTo(0.95, 12);
    expect(wm.isOverloaded).toBe(true);
    expect(wm.leadsDropped).toBe(12);
    expect(f.hasCapacityFlag).toBe(true);
  });
});
