import type { Model } from './model';
import { createWorkspace, type Workspace } from './workspace';

/** Reference AUM (CNY) at which a product's ticket equals its median (a mass-tier customer). */
export const REFERENCE_AUM_CNY = 100_000;
export const MAX_VISITS = 200;
export const MAX_POLICY_POSTPONES = 3;
export const RESPONSE_CAP = 0.95;
/** Recent-contact counts below this use a tabulated fatigue multiplier. */
export const FATIGUE_TABLE = 32;

// Keyed-uniform slots of a customer's behaviour draws (shared by every strategy: common random numbers).
export const SLOT_ATTRITION = 1;
export const SLOT_ATTRITION_AVOIDED = 2;
export const SLOT_INFLOW1 = 3;
export const SLOT_INFLOW2 = 4;
export const SLOT_APP_ACTIVE = 5;
export const SLOT_APP_ACTIVATION = 6;
export const SLOT_IDIO = 7;
export const slotOrganic = (p: number, k: number) => 10 + 4 * p + k;
export const slotMaturity = (k: number, outflow: boolean) => 1000 + 2 * k + (outflow ? 1 : 0);
export const MAX_MATURITIES = 50;

export type Engine = {
  model: Model;
  ws: Workspace;
  lhsCache: Map<string, Int32Array>;
  branchMult: Float64Array;
  /** baseByTier[p * nTiers + t]: the tier-level typical propensity used at population build. */
  baseByTier: Float64Array;
  meanOutside: number;
  /** Churn multiplier from relationship temperature, exp(−0.5 × temperature): warm customers stay. */
  churnFactor: Float32Array;
  /** Products each customer holds at the start of the horizon. */
  heldAtStart: Uint8Array;
  /**
   * organicRatio[r][k]: customer model.relevant[k]'s propensity for relevant product r over the
   * typical propensity of the customer's tier (the organic hazard is a replication's rate times it).
   */
  organicRatio: Float64Array[];
  /** Each strategy's eligible customers who are paid through the bank (a payroll trigger's audience). */
  payrollEligible: Int32Array[];
  /** Test hook, called at the end of each simulated week with the capacity used and available. */
  probe?: { weekEnd(week: number, capUsed: Float64Array[], capacity: Float64Array[]): void };
};

export function createEngine(model: Model): Engine {
  const s = model.scenario;
  const pop = model.pop;
  const nT = s.population.tiers.length;
  const baseByTier = new Float64Array(s.products.length * nT);
  s.products.forEach((p, pi) => {
    s.population.tiers.forEach((t, ti) => {
      baseByTier[pi * nT + ti] = Math.min(
        0.999,
        Math.max(1e-6, p.propensity.base * (p.propensity.byTier[t.id] ?? 1)),
      );
    });
  });
  let os = 0;
  for (let i = 0; i < pop.n; i++) os += pop.outsideShare[i];
  return {
    model,
    ws: createWorkspace(model),
    lhsCache: new Map(),
    branchMult: Float64Array.from(pop.branches.map((b) => Math.exp(b.effect))),
    baseByTier,
    meanOutside: os / pop.n,
    churnFactor: Float32Array.from(pop.temperature, (x) => Math.exp(-0.5 * x)),
    heldAtStart: heldAtStart(pop.holds, pop.n, s.products.length),
    organicRatio: model.relevantProducts.map((p) =>
      Float64Array.from(
        model.relevant,
        (i) => pop.propensity[p * pop.n + i] / baseByTier[p * nT + pop.tier[i]],
      ),
    ),
    payrollEligible: model.eligible.map((elig) => elig.filter((i) => pop.isPayroll[i] === 1)),
  };
}

export function heldAtStart(holds: Uint8Array, n: number, nProducts: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let p = 0; p < nProducts; p++) for (let i = 0; i < n; i++) out[i] += holds[p * n + i];
  return out;
}
