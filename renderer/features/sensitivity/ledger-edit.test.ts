import { describe, expect, it } from 'vitest';
import example from '../../../scenarios/omnichannel-referral-pilot.json';
import { assumptionLedger, validateScenario } from '../../../sim/index';
import {
  changePriorType,
  dropPrior,
  givePrior,
  markAssumption,
  PRIOR_TYPES,
  priorAround,
  removeFromLedger,
  setSource,
} from './ledger-edit';

const load = (doc: unknown) => {
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
};

describe('ledger edits', () => {
  it('mark, source, prior, fix and remove leave a valid scenario and the ledger the user expects', () => {
    const p = 'channels[sms].responseEffect';
    let doc: unknown = markAssumption(example, p);
    expect(markAssumption(doc, p)).toBe(doc);
    let rows = assumptionLedger(load(doc));
    expect(rows.map((r) => [r.param, r.kind, r.source])).toContainEqual([p, 'assumption', 'guess']);
    doc = setSource(doc, p, 'bank_data');
    doc = setSource(doc, 'channels[ai_call].responseEffect', 'seed');
    rows = assumptionLedger(load(doc));
    expect(rows.find((r) => r.param === p)?.source).toBe('bank_data');
    expect(rows.find((r) => r.param === 'channels[ai_call].responseEffect')).toMatchObject({
      kind: 'prior',
      source: 'seed',
    });
    const value = rows.find((r) => r.param === p)?.value ?? Number.NaN;
    doc = givePrior(doc, p, value);
    rows = assumptionLedger(load(doc));
    expect(rows.find((r) => r.param === p)).toMatchObject({
      kind: 'prior',
      basis: 'prior',
      source: 'bank_data',
    });
    doc = dropPrior(doc, p);
    expect(assumptionLedger(load(doc)).find((r) => r.param === p)?.kind).toBe('assumption');
    doc = removeFromLedger(doc, p);
    expect(assumptionLedger(load(doc)).some((r) => r.param === p)).toBe(false);
    // The example's own priors are untouched by all this.
    expect((doc as typeof example).uncertainty).toEqual(example.uncertainty);
  });

  it('every prior type made around a value validates and centres near it', () => {
    for (const type of PRIOR_TYPES) {
      const doc = changePriorType(example, 1, type, 0.55);
      const s = load(doc);
      expect(s.uncertainty[1].prior.type).toBe(type);
      const row = assumptionLedger(s)[1];
      // Each made prior spans roughly ±20% (beta with a + b = 40: SD ≈ 0.08 around 0.55).
      expect(row.low).toBeLessThan(0.55);
      expect(row.high).toBeGreaterThan(0.55);
      expect(row.high - row.low).toBeLessThan(0.4);
    }
    expect(priorAround('beta', 0.3)).toEqual({ type: 'beta', a: 12, b: 28 });
  });
});
