import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '.';
import { addEntity, deleteEntity, deletionChanges, idsOf, moveEntity } from './references';

type Json = Record<string, unknown>;
const omni = JSON.parse(
  readFileSync(new URL('../../scenarios/omnichannel-referral-pilot.json', import.meta.url), 'utf8'),
) as Json;
type Pop = {
  tiers: Array<{ id: string; minAumCny: number }>;
  lifeStages: Array<{ id: string; share: number }>;
  reachability: Record<string, { byTier: Record<string, number> }>;
  app: { userShareByTier: Record<string, number> };
};
const pop = (doc: Json) => doc.population as Pop;
const rulesOf = (doc: Json, i: number) =>
  (doc.strategies as Array<{ target: { rules: Array<{ attr: string; values?: string[] }> } }>)[i].target
    .rules;

describe('deleting a tier', () => {
  it('lists every tier-keyed multiplier and rule value naming it, and removes exactly those', () => {
    const changes = deletionChanges(omni, 'tier', 'wealth');
    const paths = changes.map((c) => c.path);
    expect(paths).toContain('population.app.userShareByTier.wealth');
    expect(paths).toContain('population.reachability.phone.byTier.wealth');
    expect(paths).toContain('strategies[0].target.rules[0].values');
    expect(paths).toContain('strategies[3].target.rules[0].values');
    expect(changes.every((c) => c.action === 'remove')).toBe(true);
    const next = deleteEntity(omni, 'tier', 'wealth');
    expect(idsOf(next, 'tier')).toEqual(['long_tail', 'mass', 'affluent', 'private']);
    expect(pop(next).app.userShareByTier).not.toHaveProperty('wealth');
    expect(pop(next).reachability.phone.byTier).toEqual({ long_tail: 0.8, private: 1.3 });
    expect(rulesOf(next, 0)[0].values).toEqual(['mass', 'affluent']);
    // No reference to the deleted tier is left: the scenario validates.
    expect(JSON.stringify(next)).not.toMatch(/"wealth"/);
    expect(validateScenario(next).ok).toBe(true);
  });

  it('takes a ledger entry on the tier with it (listed, then removed)', () => {
    const doc = {
      ...omni,
      ledger: [
        { param: 'population.app.userShareByTier.wealth', source: 'guess' },
        { param: 'channels[sms].responseEffect', source: 'guess' },
      ],
    };
    expect(deletionChanges(doc, 'tier', 'wealth').map((c) => c.path)).toContain('ledger[0]');
    const next = deleteEntity(doc, 'tier', 'wealth');
    expect((next.ledger as Array<{ param: string }>).map((e) => e.param)).toEqual([
      'channels[sms].responseEffect',
    ]);
    expect(validateScenario(next).ok).toBe(true);
  });

  it('starts the next tier at 0 when the first is deleted, and drops a rule left with no value', () => {
    const changes = deletionChanges(omni, 'tier', 'long_tail');
    expect(changes).toContainEqual({ path: 'population.tiers[1].minAumCny', action: 'replace', to: '0' });
    const next = deleteEntity(omni, 'tier', 'long_tail');
    expect(pop(next).tiers[0]).toMatchObject({ id: 'mass', minAumCny: 0 });
    // Strategy 2 targeted the long tail alone: that rule goes.
    expect(rulesOf(next, 2).map((r) => r.attr)).not.toContain('tier');
    expect(validateScenario(next).ok).toBe(true);
  });
});

describe('deleting a life stage or an occupation', () => {
  it('rescales the other shares to keep their sum, and removes rule values naming it', () => {
    const withRule = JSON.parse(JSON.stringify(omni)) as Json;
    rulesOf(withRule, 0).push({ attr: 'life_stage', values: ['family', 'young'] } as never);
    const changes = deletionChanges(withRule, 'lifeStage', 'family');
    expect(changes.filter((c) => c.path.endsWith('.share')).map((c) => [c.path, c.to])).toEqual([
      // 0.25, 0.25 and 0.15 of 0.65 left, to 6 decimals; the remainder (1e-6) on the first largest.
      ['population.lifeStages[0].share', '0.384616'],
      ['population.lifeStages[2].share', '0.384615'],
      ['population.lifeStages[3].share', '0.230769'],
    ]);
    expect(changes.map((c) => c.path)).toContain('strategies[0].target.rules[2].values');
    const next = deleteEntity(withRule, 'lifeStage', 'family');
    const shares = pop(next).lifeStages.map((g) => g.share);
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
    expect(rulesOf(next, 0)[2].values).toEqual(['young']);
    const r = validateScenario(next);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });
});

describe('the saved Compare variants', () => {
  it('lose the overrides on a deleted tier (its band or a multiplier keyed by it)', () => {
    const keep = { path: 'population.reachability.phone.byTier.wealth', value: 1.1 };
    const doc = {
      ...omni,
      compare: {
        variants: [
          {
            id: 'v1',
            name: 'x',
            overrides: [
              { path: 'population.reachability.phone.byTier.private', value: 1.5 },
              keep,
              { path: 'population.tiers[private].minAumCny', value: 5_000_000 },
            ],
          },
        ],
      },
    } as Json;
    expect(deletionChanges(doc, 'tier', 'private').filter((c) => c.path.startsWith('compare'))).toHaveLength(
      2,
    );
    const next = deleteEntity(doc, 'tier', 'private');
    expect((next.compare as { variants: { overrides: unknown[] }[] }).variants[0].overrides).toEqual([keep]);
  });
});

describe('adding and moving population elements', () => {
  it('adds a tier above the last band and a group with share 0; both validate', () => {
    const t = addEntity(omni, 'tier');
    expect(pop(t.doc).tiers.at(-1)).toEqual({ id: 'new_tier', minAumCny: 12_000_000 });
    const g = addEntity(t.doc, 'occupation');
    expect(g.id).toBe('new_occupation');
    const w = addEntity(g.doc, 'wealthLevel');
    expect(w.id).toBe('new_wealth_level');
    expect(validateScenario(w.doc).ok).toBe(true);
  });

  it('deletes a wealth level named by a rule: the rule value goes, the next level starts at 0', () => {
    const doc = JSON.parse(JSON.stringify(omni)) as Json;
    const first = idsOf(doc, 'wealthLevel')[0];
    rulesOf(doc, 1).push({ attr: 'wealth_level', op: 'in', values: [first] } as never);
    expect(deletionChanges(doc, 'wealthLevel', first).map((c) => c.path)).toEqual([
      'population.wealthLevels[1].minAumCny',
      'strategies[1].target.rules[2].values',
    ]);
    const next = deleteEntity(doc, 'wealthLevel', first);
    expect(rulesOf(next, 1).map((r) => r.attr)).not.toContain('wealth_level');
    expect(validateScenario(next).ok).toBe(true);
  });

  it('moves an occupation in its list', () => {
    const ids = idsOf(omni, 'occupation');
    const r = moveEntity(omni, 'occupation', ids[0], 1);
    expect(idsOf(r.doc, 'occupation')).toEqual([ids[1], ids[0], ...ids.slice(2)]);
  });
});
