import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { thrownWords } from '../../messages/testing';
import { loadScenarioText, type Scenario, validateScenario } from '../scenario';
import type { BranchInfo } from './branch-selection';
import { pilotScenario, restrictToBranches } from './pilot-scenario';

function load(file: string): Scenario {
  const r = loadScenarioText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} is not valid`);
  return r.scenario;
}

const omni = load('scenarios/omnichannel-referral-pilot.json');

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
    expect(
      thrownWords(() => restrictToBranches(omni, [], { holdout: { level: 'branch', share: 0.5 } })),
    ).toMatch(/selects no branch/);
    expect(
      thrownWords(() =>
        restrictToBranches(omni, ['B01'], { holdout: { level: 'branch', share: 0.5 }, weeks: 0 }),
      ),
    ).toMatch(/weeks: 0 is not a horizon/);
  });
});
