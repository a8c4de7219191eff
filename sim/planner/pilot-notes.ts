// Why simulated and analytic power differ, as codes with numbers: the likely causes a planner
// should know about (few branches, unequal sizes, skewed money, priors, rare outcomes, a noisy ICC).
import type { NoteCode, PilotNote, PilotStrategyPoint, PointContext } from './pilot-types';

/** Threshold (absolute, in power) below which simulated and analytic power count as agreeing. */
const AGREE_TOLERANCE = 0.05;
/** Below this many branches per arm, branch-to-branch luck dominates. */
const FEW_BRANCHES = 10;
const UNEQUAL_CV = 0.3;

/** The notes on one outcome of a pilot point: 'agree' within simulation error, else the likely causes. */
export function notesFor(
  outcome: 'conversion' | 'aum',
  p: PilotStrategyPoint,
  ctx: PointContext,
  hasPriors: boolean,
): PilotNote[] {
  const r = p[outcome];
  const analytic = r.analytic.power;
  if (analytic === null || !Number.isFinite(r.power)) return [];
  const diff = r.power - analytic;
  // Binomial SE of a simulated power if the formula were right (the simulated SE is 0 at power 0 or 1).
  const se = Math.sqrt((analytic * (1 - analytic)) / Math.max(1, p.replications));
  const tolerance = Math.max(AGREE_TOLERANCE, 2 * se);
  const facts = { simulated: r.power, simulatedSe: r.powerSe, analytic };
  if (Math.abs(diff) <= tolerance) return [{ outcome, code: 'agree', direction: 'same', params: facts }];
  const direction = diff < 0 ? 'lower' : 'higher';
  const note = (code: NoteCode, params: Record<string, number> = {}): PilotNote => ({
    outcome,
    code,
    direction,
    params: { ...facts, ...params },
  });
  const out: PilotNote[] = [];
  const isBranch = ctx.level === 'branch';
  if (isBranch && ctx.branchesPerArm < FEW_BRANCHES) out.push(note('small-k', { k: ctx.branchesPerArm }));
  if (isBranch && ctx.cv > UNEQUAL_CV) out.push(note('unequal-branches', { cv: ctx.cv }));
  if (outcome === 'aum') out.push(note('skewed-aum'));
  if (hasPriors) out.push(note('parameter-uncertainty'));
  const buyersPerBranch = p.conversion.control * p.customersPerBranch;
  if (outcome === 'conversion' && isBranch && buyersPerBranch < 5)
    out.push(note('rare-outcome', { buyersPerBranch }));
  if (isBranch && Number.isFinite(r.icc.se) && r.icc.se > Math.abs(r.icc.icc))
    out.push(note('noisy-icc', { icc: r.icc.icc, iccSe: r.icc.se }));
  if (out.length === 0) out.push(note('unexplained'));
  return out;
}
