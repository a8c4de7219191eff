import {
  bitsUniform,
  entityMix,
  keyedBits,
  keyedUniform,
  mixedBits,
  mixedUniform,
  slotMixA,
  slotMixB,
  type UniformKey,
} from '../rng/streams';
import {
  type Engine,
  MAX_MATURITIES,
  SLOT_APP_ACTIVATION,
  SLOT_APP_ACTIVE,
  SLOT_ATTRITION,
  SLOT_INFLOW1,
  SLOT_INFLOW2,
  slotMaturity,
  slotOrganic,
} from './engine-state';
import type { Model } from './model';
import type { RepTables } from './params';
import { NONE, productBit, weekOfDay } from './workspace';

export function firstWeekOfHazard(e: number, lambda: number, seasonCum: Float64Array, W: number): number {
  // Smallest t with lambda * seasonCum[t + 1] >= e (cumulative hazard crosses the exponential draw).
  if (lambda <= 0 || lambda * seasonCum[W] < e) return NONE;
  // seasonCum is nondecreasing: start where a flat season would put the crossing and step to the
  // smallest t (the same predicate as a bisection, in one or two steps for a near-flat season).
  let t = Math.min(W - 1, Math.floor((e / (lambda * seasonCum[W])) * W));
  while (t > 0 && lambda * seasonCum[t] >= e) t--;
  while (lambda * seasonCum[t + 1] < e) t++;
  return t;
}

export function maturityPeriodDays(model: Model): number {
  const r = model.scenario.population.events.wmpMaturity.maturitiesPerYear;
  return r > 0 ? 365 / r : Number.POSITIVE_INFINITY;
}

/** Untreated behaviour of every relevant customer: purchases, churn, inflows, app use, maturity reinvestment. */
export function simulateOrganic(engine: Engine, tables: RepTables, key: UniformKey): void {
  const { model, ws } = engine;
  for (let r = 0; r < model.relevantProducts.length * 3; r++) ws.organic[r].fill(NONE);
  ws.attritionWeek.fill(NONE);
  ws.inflowDay.fill(-1);
  ws.inflowDay2.fill(-1);
  ws.appActive.fill(0);
  ws.appActiveWeek.fill(NONE);
  ws.organicEvents.size = 0;
  // Purchases, then the other events: every draw is keyed by (customer, slot), so the order does
  // not change them.
  simulatePurchases(engine, tables, key);
  ws.organicEvents.split = ws.organicEvents.size;
  simulateEvents(engine, tables, key);
}

/** Upper bound of the propensity ratios a code q of ratioCodes stands for (q = 0: ratio ≤ 0). */
export function codeBound(q: number): number {
  return CODE_BOUNDS[q];
}

/** codeBound's 256 values, computed once: each replication's screen read them 1,024 times (W1), a pow each. */
const CODE_BOUNDS = Float64Array.from({ length: 256 }, (_, q) =>
  q === 0 ? 0 : q === 255 ? Number.POSITIVE_INFINITY : 2 ** ((q - 128) / 16),
);

/**
 * Each relevant customer's propensity ratios as bytes q with ratio ≤ codeBound(q) (steps of
 * 2^(1/16)), four products a word: [k * words + (r >> 2)], byte r & 3. Built once per engine.
 */
const ratioCodes = new WeakMap<Float64Array[], { codes: Int32Array; words: number; cut: Float64Array }>();

export function ratioCodesOf(engine: Engine) {
  const ratios = engine.organicRatio;
  let c = ratioCodes.get(ratios);
  if (c === undefined) {
    const n = engine.model.relevant.length;
    const words = Math.ceil(ratios.length / 4);
    const codes = new Int32Array(n * words);
    ratios.forEach((ratio, r) => {
      for (let k = 0; k < n; k++) {
        const x = ratio[k];
        let q = x > 0 ? Math.min(255, Math.max(1, Math.ceil(16 * Math.log2(x)) + 128)) : 0;
        while (codeBound(q) < x) q++;
        while (q > 1 && codeBound(q - 1) >= x) q--;
        codes[k * words + (r >> 2)] |= q << (8 * (r & 3));
      }
    });
    c = { codes, words, cut: new Float64Array(ratios.length * 256) };
    ratioCodes.set(ratios, c);
  }
  return c;
}

/** Append organic event e of relevant product r in week w of customer i to ws.organicEvents. */
function pushEvent(ws: Engine['ws'], i: number, r: number, e: number, w: number): void {
  const list = ws.organicEvents;
  if (list.size === list.cust.length) {
    const cust = new Int32Array(list.size * 2);
    const code = new Int32Array(list.size * 2);
    cust.set(list.cust);
    code.set(list.code);
    list.cust = cust;
    list.code = code;
  }
  list.cust[list.size] = i;
  list.code[list.size++] = (r << 9) | (e << 7) | w;
}

/** Organic purchase weeks of every relevant product (two events by a non-homogeneous hazard). */
export function simulatePurchases(engine: Engine, tables: RepTables, key: UniformKey): void {
  const { model, ws } = engine;
  const W = model.weeks;
  const rel = model.relevantProducts;
  const nRel = rel.length;
  const seasonCum = model.seasonCum;
  const seasonTotal = seasonCum[W];
  const hz = Float64Array.from(
    rel,
    (p) => tables.scenario.products[p].organicWeekly * tables.marketMult * tables.propensityScale[p],
  );
  // Product p's two uniforms: slotOrganic(p, 0) and slotOrganic(p, 1).
  const mixB = Int32Array.from(rel, (p) => slotMixB(key, slotOrganic(p, 0)));
  const mixA = Int32Array.from(rel, (p) => slotMixA(key, slotOrganic(p, 0)));
  const slot1 = Int32Array.from(rel, (p) => slotOrganic(p, 1));
  // A uniform below cut[r * 256 + q] means no purchase for every ratio of code q: with λ ≤ the
  // code's bound λ⁺, u < 1 − λ⁺·S ≤ 1 − λ·S (the test below; monotone in rounding too), so most
  // customers skip reading their ratio.
  const { codes, words, cut } = ratioCodesOf(engine);
  for (let r = 0; r < nRel; r++) {
    for (let q = 0; q < 256; q++) cut[r * 256 + q] = 1 - Math.min(0.5, hz[r] * codeBound(q)) * seasonTotal;
  }
  const { organicMask, organic } = ws;
  // propensity / tier base, per relevant customer in list order (fixed for the model).
  const ratios = engine.organicRatio;
  const list = model.relevant;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    const em = entityMix(key, i);
    for (let r = 0; r < nRel; r++) {
      const u1 = mixedUniform(em, mixB[r], mixA[r]);
      if (u1 < cut[r * 256 + ((codes[k * words + (r >> 2)] >>> (8 * (r & 3))) & 255)]) continue;
      const lambda = Math.min(0.5, hz[r] * ratios[r][k]);
      // No purchase within the horizon when −ln u > λ·S; since e^−x ≥ 1 − x, u < 1 − λ·S settles
      // it without a log.
      if (u1 < 1 - lambda * seasonTotal) continue;
      const e1 = -Math.log(u1);
      const w1 = firstWeekOfHazard(e1, lambda, seasonCum, W);
      organic[r * 3][i] = w1;
      if (w1 !== NONE) {
        organicMask[i] |= productBit(r);
        pushEvent(ws, i, r, 0, w1);
        // A second purchase needs −ln u2 ≤ λ·S − e1; as −ln u2 ≥ 1 − u2, u2 < 1 − (λ·S − e1) rules
        // it out without a log (firstWeekOfHazard would return NONE).
        const u2 = keyedUniform(key, i, slot1[r]);
        const w2 =
          u2 >= 1 - (lambda * seasonTotal - e1)
            ? firstWeekOfHazard(e1 - Math.log(u2), lambda, seasonCum, W)
            : NONE;
        if (w2 !== NONE) {
          organic[r * 3 + 1][i] = w2;
          pushEvent(ws, i, r, 1, w2);
        }
      }
    }
  }
}

/** Churn week, large inflows, app activity and reinvestment at maturity of every relevant customer. */
export function simulateEvents(engine: Engine, tables: RepTables, key: UniformKey): void {
  const { model, ws } = engine;
  const pop = model.pop;
  const s = tables.scenario;
  const W = model.weeks;
  const tierIds = s.population.tiers.map((t) => t.id);
  const org = s.population.organic;
  const attrByTier = Float64Array.from(
    tierIds.map((id) => org.attritionWeekly.base * (org.attritionWeekly.byTier[id] ?? 1)),
  );
  const inflowByTier = Float64Array.from(
    tierIds.map((id) => (s.population.events.largeInflow.perYearByTier[id] ?? 0) / 52),
  );
  const horizonDays = model.horizonDays;
  // A first inflow inside the horizon needs ⌊7·(−ln u)/rate⌋ < horizonDays, i.e. u > e^(−rate·days/7)
  // (and the bound 1 − rate·W the draw always had): below both, no log is needed (the margin, 1e-9
  // relative, is far above the log's and the division's rounding).
  const inflowFrom = Float64Array.from(inflowByTier, (li) =>
    Math.max(1 - li * W, Math.exp((-li * horizonDays) / 7) * (1 - 1e-9)),
  );
  const reinvestP = s.population.events.wmpMaturity.organicReinvestProbability;
  const monthlyActiveShare = s.population.app.monthlyActiveShare;
  const activationWeekly = org.appActivationWeekly;
  // Below this a uniform surely means no activation in the horizon (the margin, 1e-9 relative,
  // is far above the log's and the division's rounding).
  const noActivationBelow = Math.exp(-activationWeekly * W) * (1 - 1e-9);
  const period = maturityPeriodDays(model);
  const wmpRel = model.wmpProducts.map((p) => model.relevantIndex[p]).find((x) => x >= 0) ?? -1;
  const reinvested = wmpRel >= 0 ? ws.organic[wmpRel * 3 + 2] : undefined;
  const { attritionWeek, inflowDay, inflowDay2, appActive, appActiveWeek, retained, organicMask } = ws;
  const { tier, isAppUser, maturityPhaseDay } = pop;
  const churnFactor = engine.churnFactor;
  const [attrB, attrA] = slotMixes(key, SLOT_ATTRITION);
  const [inflowB, inflowA] = slotMixes(key, SLOT_INFLOW1);
  const [activeB, activeA] = slotMixes(key, SLOT_APP_ACTIVE);
  const [activationB, activationA] = slotMixes(key, SLOT_APP_ACTIVATION);
  const list = model.relevant;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    const em = entityMix(key, i);
    const t = tier[i];
    const la = attrByTier[t] * churnFactor[i];
    if (la > 0) {
      const ua = bitsUniform(mixedBits(em, attrB, attrA));
      if (ua >= 1 - la * W) {
        const wa = Math.floor(-Math.log(ua) / la);
        if (wa < W) attritionWeek[i] = wa;
      }
    }
    const li = inflowByTier[t];
    if (li > 0) {
      const ui = bitsUniform(mixedBits(em, inflowB, inflowA));
      if (ui >= inflowFrom[t]) {
        const d1 = Math.floor((7 * -Math.log(ui)) / li);
        if (d1 < horizonDays) {
          inflowDay[i] = d1;
          const d2 = d1 + Math.floor((7 * -Math.log(bitsUniform(keyedBits(key, i, SLOT_INFLOW2)))) / li);
          if (d2 < horizonDays) inflowDay2[i] = d2;
        }
      }
    }
    if (isAppUser[i] && bitsUniform(mixedBits(em, activeB, activeA)) < monthlyActiveShare) {
      appActive[i] = 1;
      appActiveWeek[i] = 0;
    } else if (activationWeekly > 0) {
      // Activation within the horizon needs −ln u / rate < W, i.e. u > e^(−rate·W): most uniforms
      // fall below that bound by more than any rounding of the log, and skip it (same result).
      const u = bitsUniform(mixedBits(em, activationB, activationA));
      const wa = u < noActivationBelow ? W : Math.floor(-Math.log(u) / activationWeekly);
      if (wa < W) {
        appActive[i] = 1;
        appActiveWeek[i] = wa;
      }
    }
    const phase = maturityPhaseDay[i];
    if (phase >= 0) {
      for (
        let m = 0, d = phase;
        d < horizonDays && m < MAX_MATURITIES;
        m++, d = Math.floor(phase + m * period)
      ) {
        if (bitsUniform(keyedBits(key, i, slotMaturity(m, false))) < reinvestP) {
          retained[i] |= m < 8 ? 1 << m : 0;
          if (reinvested !== undefined && reinvested[i] === NONE) {
            reinvested[i] = weekOfDay(d);
            organicMask[i] |= productBit(wmpRel);
            pushEvent(ws, i, wmpRel, 2, reinvested[i]);
          }
        }
      }
    }
  }
}

/** slotMixB and slotMixA of a slot. */
function slotMixes(key: UniformKey, slot: number): [number, number] {
  return [slotMixB(key, slot), slotMixA(key, slot)];
}
