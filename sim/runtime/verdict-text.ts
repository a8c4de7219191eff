// Runtime: Node (CLI). English text of the verdict codes (the studio renders the same codes
// through i18n: renderer/i18n/results.*.json, key "verdict"). Same words, same figures.
import type { Verdict } from '../results';

const pp = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)} pp`;
const cny = (x: number) => `${x >= 0 ? '+' : '−'}¥${Math.round(Math.abs(x)).toLocaleString('en-US')}`;
const ratio = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(100 * x)}%` : '–');

const HEAD: Record<Verdict['code'], string> = {
  'verdict.rollOut': 'Roll out',
  'verdict.pilotFirst': 'Pilot first: the ROI may fall below 1',
  'verdict.unprofitable': 'Do not roll out: it costs more than it earns',
  'verdict.noEffect': 'Do not roll out: no clear effect',
};

/** The verdict in one English sentence. */
export function verdictText(v: Verdict): string {
  const p = v.params;
  const effect = `conversion ${pp(p.conversionPp)}, ${cny(p.newMoneyCny)} net new money per customer, ROI ${ratio(p.roi)} (90% of replications ${ratio(p.roiP05)}–${ratio(p.roiP95)})`;
  const pilot = `a pilot as designed would detect the conversion uplift with ${pct(p.power)} power${p.isUnderpowered ? ' — too small to confirm it' : ''}`;
  return `${HEAD[v.code]}: ${effect}; ${pilot}.`;
}
