// The assumption ledger: every uncertain parameter (a prior under `uncertainty`) and every
// parameter the user marked as an assumption (`ledger`), in one list with its value, the range a
// sensitivity analysis moves it over, its source and note.
import { priorQuantile } from '../engine/params';
import { isProbabilityParam } from '../scenario/cross-check';
import type { LocalText } from '../scenario/local-text';
import { getParam } from '../scenario/param-path';
import type { AssumptionSource, Prior, Scenario } from '../scenario/schema';

/** Relative move of a parameter that has neither a prior nor a range of its own: ±20%. */
export const RELATIVE_RANGE = 0.2;
/** The prior quantiles a tornado moves an uncertain parameter to (5th and 95th percentile). */
export const PRIOR_LOW_QUANTILE = 0.05;
export const PRIOR_HIGH_QUANTILE = 0.95;

/** Where a row's low/high come from: the ledger's own numbers, the prior's 5th/95th percentiles, or ±20%. */
export type RangeBasis = 'given' | 'prior' | 'relative';

export type LedgerRow = {
  param: string;
  /** 'prior': the parameter is drawn from a prior; 'assumption': marked in the ledger, fixed in runs. */
  kind: 'prior' | 'assumption';
  /** The value written in the scenario (a prior's draws replace it in runs). */
  value: number;
  prior: Prior | null;
  /** Index under `uncertainty`, or −1. */
  priorIndex: number;
  /** Index under `ledger`, or −1 (a prior without a ledger entry has no source yet). */
  ledgerIndex: number;
  source: AssumptionSource | null;
  reference: string;
  note: LocalText | undefined;
  low: number;
  high: number;
  basis: RangeBasis;
};

/** Mean of a prior (for display: the centre its draws scatter around). */
export function priorMean(p: Prior): number {
  switch (p.type) {
    case 'beta':
      return p.a / (p.a + p.b);
    case 'normal':
      return p.mean;
    case 'lognormal':
      return Math.exp(p.mu + (p.sigma * p.sigma) / 2);
    case 'uniform':
      return (p.min + p.max) / 2;
    case 'triangular':
      return (p.min + p.mode + p.max) / 3;
  }
}

/** value ± 20%, kept in [0, 1] for a probability and at or above 0 for a non-negative value. */
function relativeRange(param: string, value: number): { low: number; high: number } {
  let low = value * (1 - RELATIVE_RANGE);
  let high = value * (1 + RELATIVE_RANGE);
  if (value < 0) [low, high] = [high, low];
  if (isProbabilityParam(param) && value >= 0 && value <= 1) high = Math.min(1, high);
  return { low, high };
}

/**
 * The ledger of a scenario: priors first (in `uncertainty` order), then the parameters marked only
 * in `ledger`. Range: the ledger's low/high where given, else the prior's 5th and 95th
 * percentiles, else ±20% of the value (RELATIVE_RANGE). Paths that do not name a number are
 * skipped (validation reports them).
 */
export function assumptionLedger(s: Scenario): LedgerRow[] {
  const entries = s.ledger ?? [];
  const rows: LedgerRow[] = [];
  const row = (param: string, priorIndex: number): LedgerRow | null => {
    const value = getParam(s, param);
    if (typeof value !== 'number') return null;
    const ledgerIndex = entries.findIndex((e) => e.param === param);
    const entry = ledgerIndex >= 0 ? entries[ledgerIndex] : undefined;
    const prior = priorIndex >= 0 ? s.uncertainty[priorIndex].prior : null;
    let range: { low: number; high: number };
    let basis: RangeBasis;
    if (entry?.low !== undefined && entry.high !== undefined) {
      range = { low: entry.low, high: entry.high };
      basis = 'given';
    } else if (prior) {
      range = {
        low: priorQuantile(prior, PRIOR_LOW_QUANTILE),
        high: priorQuantile(prior, PRIOR_HIGH_QUANTILE),
      };
      basis = 'prior';
    } else {
      range = relativeRange(param, value);
      basis = 'relative';
    }
    return {
      param,
      kind: prior ? 'prior' : 'assumption',
      value,
      prior,
      priorIndex,
      ledgerIndex,
      source: entry?.source ?? null,
      reference: entry?.reference ?? '',
      note: entry?.note,
      ...range,
      basis,
    };
  };
  s.uncertainty.forEach((u, i) => {
    const r = row(u.param, i);
    if (r) rows.push(r);
  });
  for (const e of entries) {
    if (rows.some((r) => r.param === e.param)) continue;
    const r = row(e.param, -1);
    if (r) rows.push(r);
  }
  return rows;
}
