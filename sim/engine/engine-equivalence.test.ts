// The engine's key outputs agree in distribution with the reference engine's (version 1, stored
// per replication in tests/fixtures/engine-reference/v1.json by scripts/engine-reference.ts).
// The reference holds replications 0–199 of a 400-replication run of each example; this test runs
// replications 200–399 of the same runs with the current engine. Under the reference engine the
// two halves are independent samples of one distribution, so the test is a true null comparison;
// under a new engine (new random streams, same model) it checks the model did not change.
//
// Per output (≈ 690 over the three examples, plus each strategy's pilot detection rates): a Welch
// difference of means over its standard error, and the Kolmogorov–Smirnov distance between the two
// samples. Every test runs at a Bonferroni level, so the chance that any of them fails when the
// distributions are equal is below FAMILY_ALPHA (0.001). With 200 replications a side that level
// flags a mean shift of about 0.5 standard deviations of the output's replication-to-replication
// spread (|z| ≈ 5 at that level, with SE √(2/200) SD) — not a small bias, which the golden files and the model
// tests (conservation, analytic checks) are there to catch.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  REFERENCE_FILE,
  type Reference,
  referenceColumns,
  referenceScenarios,
  SAMPLE,
  sampleColumns,
} from '../../scripts/engine-reference';
import { normalInv } from '../stats/dist';
import { compareMeans, ksPValue, ksStatistic } from '../stats/two-sample';
import { ENGINE_VERSION } from './version';

const FAMILY_ALPHA = 0.001;
/** Pilot detection is read from the p-value columns at these levels, as a share of replications. */
const DETECTION_LEVELS = [0.05, 0.1];
/**
 * P-values are compared censored at 0.01: the smallest two-sided p a 199-draw Monte Carlo test can
 * report (2 · 1/200). Version 1 reports every exact p below it as 0.01 (a point mass: payday_wmp's
 * conversion p is 0.01 in every replication); version 2 computes a conversion p on its normal route
 * without draws and reports it (1.5·10⁻¹¹ there; docs/model.md, "Engine v2: draws only where they
 * matter"). Below 0.01 the reference holds no information to compare with; above it, and in the
 * detection rates (compared uncensored), the two must still agree.
 */
const P_FLOOR = 0.01;

const reference = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as Reference;

/**
 * The columns compared: each output's finite values; for an output that is sometimes not a number
 * (a pilot test that could not run: NaN, stored as null), also how often that happens, as a 0/1
 * column; and each strategy's pilot detection (p below a level) as a 0/1 column.
 */
function compared(cols: Record<string, (number | null)[]>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, raw] of Object.entries(cols)) {
    const values = raw.map((x) => (x === null ? Number.NaN : x));
    const isP = name.endsWith('.pConversion') || name.endsWith('.pAum');
    const finite = values.filter(Number.isFinite).map((x) => (isP ? Math.max(x, P_FLOOR) : x));
    out[name] = finite;
    if (finite.length < values.length)
      out[`${name}:not-a-number`] = values.map((x) => (Number.isFinite(x) ? 0 : 1));
    if (isP) for (const a of DETECTION_LEVELS) out[`${name}<${a}`] = values.map((p) => (p < a ? 1 : 0));
  }
  return out;
}

describe(`engine version ${ENGINE_VERSION} against the version-${reference.engineVersion} reference`, () => {
  const cases = referenceScenarios();
  const comparisons = cases.reduce(
    (n, c) => n + 2 * Object.keys(compared(reference.cases[c.name].columns)).length,
    0,
  );
  const alpha = FAMILY_ALPHA / comparisons;
  const zCrit = normalInv(1 - alpha / 2);

  it('the reference covers every example with the sample this test draws', () => {
    expect(reference.sample).toBe(SAMPLE);
    expect(Object.keys(reference.cases).sort()).toEqual(cases.map((c) => c.name).sort());
  });

  for (const { name, scenario } of cases) {
    it(`${name}: every key output agrees in distribution (${SAMPLE} replications a side, Bonferroni)`, async () => {
      const ref = reference.cases[name];
      expect(ref.seed).toBe(String(scenario.monteCarlo.seed));
      // An output the reference has must still exist (a new engine may add outputs, not drop them).
      const names = [...referenceColumns(scenario).keys()];
      for (const k of Object.keys(ref.columns)) expect(names).toContain(k);
      const current = compared(await sampleColumns(scenario, SAMPLE, 2 * SAMPLE));
      const expected = compared(ref.columns);
      const failures: string[] = [];
      for (const [col, a] of Object.entries(expected)) {
        // Not-a-number in one sample only: its share is compared through the 0/1 column.
        const b = current[col] ?? current[col.replace(/:not-a-number$/, '')].map(() => 0);
        if (a.length < 2 || b.length < 2) {
          if (a.length !== b.length)
            failures.push(`${col}: ${a.length} finite values in the reference, ${b.length} now`);
          continue;
        }
        const m = compareMeans(a, b);
        const d = ksStatistic(a, b);
        const p = ksPValue(d, a.length, b.length);
        if (Math.abs(m.z) > zCrit || p < alpha)
          failures.push(
            `${col}: mean ${m.meanA.toPrecision(6)} → ${m.meanB.toPrecision(6)} (SE ${m.se.toPrecision(3)}, z ${m.z.toFixed(2)}, limit ±${zCrit.toFixed(2)}); KS D ${d.toFixed(3)}, p ${p.toExponential(2)} (limit ${alpha.toExponential(2)})`,
          );
      }
      expect(failures, `outputs that differ from the reference:\n${failures.join('\n')}`).toEqual([]);
    }, 240_000);
  }
});
