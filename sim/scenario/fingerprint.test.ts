import { describe, expect, it } from 'vitest';
import { scenarioFingerprint } from './fingerprint';

describe('scenarioFingerprint', () => {
  it('ignores formatting but not content', () => {
    const a = scenarioFingerprint('{"a": 1, "b": [1, 2]}');
    expect(scenarioFingerprint('{\n  "a": 1,\n  "b": [1, 2]\n}')).toBe(a);
    expect(scenarioFingerprint('{"a": 1, "b": [1, 3]}')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it('ignores the saved Compare variants, which runs do not read', () => {
    expect(scenarioFingerprint('{"a": 1, "compare": {"variants": []}}')).toBe(
      scenarioFingerprint('{"a": 1}'),
    );
  });

  it('ignores journey canvas positions, but not the journey itself', () => {
    const doc = (layout?: unknown, wait = 1) =>
      JSON.stringify({
        a: 1,
        strategies: [{ id: 's', journey: { start: 'p', steps: [{ id: 'p', waitDays: wait }], layout } }],
      });
    const plain = scenarioFingerprint(doc());
    expect(scenarioFingerprint(doc({ p: { x: 10, y: 20 } }))).toBe(plain);
    expect(scenarioFingerprint(doc({ p: { x: 10, y: 20 } }, 2))).not.toBe(plain);
  });

  it('ignores the assumption ledger (sources and notes), which runs do not read', () => {
    expect(scenarioFingerprint('{"a": 1, "ledger": [{"param": "a", "source": "guess"}]}')).toBe(
      scenarioFingerprint('{"a": 1}'),
    );
  });

  it('fingerprints text that is not JSON by its raw text', () => {
    expect(scenarioFingerprint('{"a": ')).not.toBe(scenarioFingerprint('{"a":  '));
  });
});
