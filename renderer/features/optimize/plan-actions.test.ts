import { describe, expect, it } from 'vitest';
import type { Variant } from '../../state/store';
import { planOverrides, withPlanVariant } from './plan-actions';

const spec = {
  variables: [
    { param: 'strategies[omni_fund].holdout.share', from: 0.05, to: 0.2, step: 0.05 },
    { param: 'strategies[omni_fund].journey.steps[ai].channel', choices: ['ai_call', 'wecom'] },
  ],
};
const plan = { name: "Optimizer's plan", overrides: planOverrides(spec, [0.05, 'wecom']) };

describe('the optimizer plan as a Compare variant', () => {
  it('sets each variable at its path', () => {
    expect(plan.overrides).toEqual([
      { path: 'strategies[omni_fund].holdout.share', value: 0.05 },
      { path: 'strategies[omni_fund].journey.steps[ai].channel', value: 'wecom' },
    ]);
  });

  it('starts from the current plan when no variant is saved, and keeps the user’s variants otherwise', () => {
    expect(withPlanVariant([], plan, 'Current')).toEqual([
      { id: 'v1', name: 'Current', overrides: [] },
      { id: 'v2', ...plan },
    ]);
    const mine: Variant[] = [
      { id: 'v1', name: 'Base', overrides: [] },
      { id: 'v3', name: 'Mine', overrides: [{ path: 'x', value: 1 }] },
    ];
    expect(withPlanVariant(mine, plan, 'Current')).toEqual([...mine, { id: 'v4', ...plan }]);
  });

  it('refuses a fifth variant rather than drop one of the user’s', () => {
    const four: Variant[] = ['v1', 'v2', 'v3', 'v4'].map((id) => ({ id, name: id, overrides: [] }));
    expect(withPlanVariant(four, plan, 'Current')).toBeNull();
  });
});
