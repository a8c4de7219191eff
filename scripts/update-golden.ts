// Runtime: Node (script). Regenerates tests/golden/<name>.json: a compact, readable subset of the
// seeded run summary of every example scenario (and the tiny test fixture), run in-process with a
// few replications. tests/integration/golden.test.ts recomputes these and compares them exactly.
// Run `npx tsx scripts/update-golden.ts` only when a change of the outputs is intended.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueT, issueText } from '../messages/index';
import { defaultSettings, simApi } from '../sim/api';
import type { Funnel, Stat } from '../sim/results';
import { loadScenarioText } from '../sim/scenario';

const root = fileURLToPath(new URL('..', import.meta.url));
export const GOLDEN_DIR = `${root}tests/golden/`;

/** Replications per golden run: enough to exercise the summary, few enough to stay fast. */
const REPLICATIONS = 6;
/** Large populations take longer to simulate; fewer replications keep the test quick. */
const LARGE_POPULATION = 80_000;
const REPLICATIONS_LARGE = 3;
const SIGNIFICANT_DIGITS = 10;

export type GoldenCase = { name: string; file: string };

/** The scenarios with golden outputs: scenarios/*.json (not the schema) and tests/fixtures/tiny.json. */
export function goldenCases(): GoldenCase[] {
  const examples = readdirSync(`${root}scenarios`)
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .sort()
    .map((f) => `scenarios/${f}`);
  return [...examples, 'tests/fixtures/tiny.json'].map((file) => ({ name: basename(file, '.json'), file }));
}

/** A number rounded to 10 significant digits (null when not finite, as JSON has no NaN). */
function round(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(SIGNIFICANT_DIGITS)) : null;
}

const band = (s: Stat) => ({ mean: round(s.mean), p05: round(s.p05), p95: round(s.p95) });
const funnel = (f: Funnel) => ({
  eligible: round(f.eligible),
  targeted: round(f.targeted),
  reached: round(f.reached),
  responded: round(f.responded),
  converted: round(f.converted),
  buyers: round(f.buyers),
});

/** Run one scenario in-process with its own seed and return the golden subset of its summary. */
export function computeGolden(file: string): unknown {
  const loaded = loadScenarioText(readFileSync(`${root}${file}`, 'utf8'));
  if (!loaded.ok)
    throw new Error(
      `${file} does not load: ${loaded.issues.map((i) => issueText(i, catalogueT())).join('; ')}`,
    );
  const scenario = loaded.scenario;
  const replications = scenario.population.size >= LARGE_POPULATION ? REPLICATIONS_LARGE : REPLICATIONS;
  const settings = { ...defaultSettings(scenario), replications };
  const block = simApi.runBlock(scenario, settings, 0, replications);
  const summary = simApi.summarize(scenario, settings, [block]);
  return {
    scenario: file,
    seed: settings.seed,
    engineVersion: summary.engineVersion,
    replications,
    customers: summary.customers,
    weeks: summary.weeks,
    strategies: summary.strategies.map((st) => ({
      id: st.id,
      funnelTreatment: funnel(st.funnelTreatment),
      funnelControl: funnel(st.funnelControl),
      conversion: {
        treatment: band(st.conversionRate.treatment),
        control: band(st.conversionRate.control),
        uplift: band(st.conversionRate.uplift),
      },
      netNewMoneyUpliftPerCustomerCnyMean: round(st.newMoneyPerCustomerCny.uplift.mean),
      costCnyMean: round(st.cost.totalCny.mean),
      roiMean: round(st.roi.mean),
      modelled: {
        valueCny: band(st.modelled.valueCny),
        roi: band(st.modelled.roi),
        costPerIncrementalBuyerCny: round(st.modelled.costPerIncrementalBuyerCny),
      },
      outcomes: {
        productsHeld: {
          uplift: round(st.productsHeldPerCustomer.uplift.mean),
          naiveRatio: round(st.productsHeldPerCustomer.naiveRatio.mean),
        },
        mau: { uplift: round(st.mauRate.uplift.mean), naiveRatio: round(st.mauRate.naiveRatio.mean) },
        logins: {
          uplift: round(st.appLoginsPerMonth.uplift.mean),
          naiveRatio: round(st.appLoginsPerMonth.naiveRatio.mean),
        },
        tierUp: {
          uplift: round(st.tierUpRate.uplift.mean),
          naiveRatio: round(st.tierUpRate.naiveRatio.mean),
        },
        attrition: {
          uplift: round(st.attritionRate.uplift.mean),
          naiveRatio: round(st.attritionRate.naiveRatio.mean),
        },
      },
      verdict: st.verdict.code,
      pilotPower: { conversion: round(st.pilot.powerConversion), netNewMoney: round(st.pilot.powerAum) },
    })),
  };
}

/** The golden file text: indented JSON with every object of plain values on one line, for short diffs. */
export function goldenText(golden: unknown): string {
  const text = JSON.stringify(golden, null, 2).replace(/\{[^{}[\]]*\}/g, (obj) =>
    obj.replace(/\s*\n\s*/g, ' '),
  );
  return `${text}\n`;
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  for (const { name, file } of goldenCases()) {
    const started = performance.now();
    writeFileSync(`${GOLDEN_DIR}${name}.json`, goldenText(computeGolden(file)));
    console.log(`wrote tests/golden/${name}.json (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}
