import { useTranslation } from 'react-i18next';
import { type NoteNumbers, noteHeading, noteText } from '../../../messages/index';
import type { PilotNote, PilotPlanReport, PilotStrategyPlan } from '../../../sim/index';
import { useMessages } from '../../i18n/messages';
import { useFmt } from '../../i18n/numbers';

type Props = {
  report: PilotPlanReport;
  strategy: PilotStrategyPlan;
  onUseEstimates(values: { icc: number; cv: number; customersPerBranch: number }): void;
};

/** Simulated vs analytic at the planned design, the implied ICC and CV, and why they differ. */
export function PilotComparison({ report, strategy, onUseEstimates }: Props) {
  const { t } = useTranslation('planner');
  const fmt = useFmt();
  const d = strategy.design;
  const c = d.conversion;
  const a = d.aum;
  const power = (p: number, se: number) => `${fmt.pct(p, 0)} ± ${fmt.pct(se, 0)}`;
  const maybe = (x: number | null, f: (v: number) => string) => (x === null ? '—' : f(x));
  const rows: Array<[string, string, string, string]> = [
    ['power', t('compare.power'), power(c.power, c.powerSe), maybe(c.analytic.power, (x) => fmt.pct(x, 0))],
    ['mde', t('compare.mde'), fmt.pp(c.mde), maybe(c.analytic.mde, (x) => fmt.pp(x))],
    [
      'power-aum',
      t('compare.powerAum'),
      power(a.power, a.powerSe),
      maybe(a.analytic.power, (x) => fmt.pct(x, 0)),
    ],
    ['mde-aum', t('compare.mdeAum'), fmt.cny(a.mde), maybe(a.analytic.mde, (x) => fmt.cny(x))],
  ];
  const crossing = (x: PilotStrategyPlan['branchesFor80']['conversion']) =>
    x.bound === 'interpolated'
      ? t('compare.about', { k: fmt.num(x.value ?? Number.NaN, 1) })
      : x.bound === 'at-most'
        ? t('compare.atMost', { k: x.value })
        : t('compare.beyond', { k: report.grids.branches.at(-1) });
  const title = t('compare.title', { k: report.branchesPerArm, weeks: report.weeks });
  return (
    <section aria-label={title} data-testid="planner-comparison">
      <h4 className="section-title">{title}</h4>
      <p data-testid="planner-sim-design">
        {t('compare.design', {
          control: fmt.pct(c.control),
          treatment: fmt.pct(c.treatment),
          uplift: fmt.pp(c.uplift),
          sd: fmt.pp(c.upliftSd),
          perBranch: fmt.int(d.customersPerBranch),
        })}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('compare.measure')}</th>
            <th scope="col" className="num">
              {t('curves.simulated')}
            </th>
            <th scope="col" className="num">
              {t('curves.formula')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, sim, formula]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="num" data-testid={`planner-compare-${key}-sim`}>
                {sim}
              </td>
              <td className="num" data-testid={`planner-compare-${key}-formula`}>
                {formula}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="planner-branches-for-80">
        {t('compare.branchesFor80', {
          conversion: crossing(strategy.branchesFor80.conversion),
          aum: crossing(strategy.branchesFor80.aum),
        })}
      </p>
      <p data-testid="planner-implied">
        {t('compare.implied', {
          icc: fmt.num(c.icc.icc, 4),
          iccSe: fmt.num(c.icc.se, 4),
          iccAum: fmt.num(a.icc.icc, 4),
          cv: fmt.num(report.cv.selected, 2),
          cvAll: fmt.num(report.cv.all, 2),
          de: c.analytic.designEffect === null ? '—' : fmt.num(c.analytic.designEffect, 2),
        })}
      </p>
      <button
        type="button"
        className="btn no-print"
        data-testid="planner-use-estimates"
        onClick={() =>
          onUseEstimates({
            icc: Math.max(0, Number.isFinite(c.icc.icc) ? Number(c.icc.icc.toFixed(4)) : 0),
            cv: Number(report.cv.selected.toFixed(2)),
            customersPerBranch: Math.max(1, Math.round(d.customersPerBranch)),
          })
        }
      >
        {t('compare.useEstimates')}
      </button>
      <Notes notes={d.notes} />
      <p className="muted">{t('compare.method')}</p>
    </section>
  );
}

function Notes({ notes }: { notes: PilotNote[] }) {
  const { t } = useMessages();
  const fmt = useFmt();
  const numbers: NoteNumbers = { power: (x) => fmt.pct(x, 0), num: (x, digits) => fmt.num(x, digits) };
  return (
    <div data-testid="planner-notes">
      {(['conversion', 'aum'] as const).map((outcome) => {
        const mine = notes.filter((n) => n.outcome === outcome);
        if (mine.length === 0) return null;
        if (mine[0].code === 'agree') {
          return (
            <p key={outcome} data-testid={`planner-note-${outcome}`}>
              {noteText(mine[0], t, numbers)}
            </p>
          );
        }
        return (
          <div key={outcome} data-testid={`planner-note-${outcome}`}>
            <p>{noteHeading(mine[0], t, numbers)}</p>
            <ul>
              {mine.map((n) => (
                <li key={n.code}>{noteText(n, t, numbers)}</li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
