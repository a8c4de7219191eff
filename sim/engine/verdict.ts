// The verdict per strategy: what a designer should do, from the modelled effect, the modelled ROI
// and the pilot's power. A code with parameters; the studio and the CLI render it in words.
import type { StrategySummary, Verdict } from '../results';

/** Below this simulated power a pilot as designed is too small to confirm the conversion uplift. */
export const POWER_TARGET = 0.8;

/**
 * The rule (docs/model.md, "Verdict"): no effect unless the modelled conversion or new-money
 * uplift is positive in 95% of replications (its p05 above 0); then unprofitable when modelled
 * ROI (ratio of means) is below 1; roll out when ROI stays at or above 1 in 95% of replications
 * (p05 ≥ 1); else pilot first. The pilot's power travels with every verdict.
 */
export function verdictOf(st: Pick<StrategySummary, 'modelled' | 'pilot'>): Verdict {
  const m = st.modelled;
  const params: Verdict['params'] = {
    conversionPp: m.conversionUpliftPp.mean,
    newMoneyCny: m.newMoneyPerCustomerCny.mean,
    roi: m.roi.mean,
    roiP05: m.roi.p05,
    roiP95: m.roi.p95,
    power: st.pilot.powerConversion,
    isUnderpowered: !(st.pilot.powerConversion >= POWER_TARGET),
  };
  const isEffect = m.conversionUpliftPp.p05 > 0 || m.newMoneyPerCustomerCny.p05 > 0;
  if (!isEffect) return { code: 'verdict.noEffect', params };
  if (!(m.roi.mean >= 1)) return { code: 'verdict.unprofitable', params };
  if (m.roi.p05 >= 1) return { code: 'verdict.rollOut', params };
  return { code: 'verdict.pilotFirst', params };
}
