import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RunSummary, type UpliftStat, upliftOf } from '../../../sim/index';
import { Card } from '../../components/Card';
import { LineChart } from '../../components/LineChart';
import { useLocalText } from '../../i18n/local-text';
import { useFmt } from '../../i18n/numbers';
import { convergence } from './convergence';

type Row = { id: string; label: string } & UpliftStat;

/** Conversion uplift vs replications: is the run long enough for the decision at hand? */
export function ConvergencePanel({ summary }: { summary: RunSummary }) {
  const { t } = useTranslation();
  const text = useLocalText();
  const fmt = useFmt();
  const [selected, setSelected] = useState(0);
  const index = Math.min(selected, summary.strategies.length - 1);
  const strategy = summary.strategies[index];
  const points = useMemo(
    () => (strategy ? convergence(strategy.samples.conversionUpliftPp) : []),
    [strategy],
  );
  const rows: Row[] = useMemo(
    () =>
      summary.strategies.map((s) => ({
        id: s.id,
        label: text(s.label),
        ...upliftOf(s.samples.conversionUpliftPp),
      })),
    [summary, text],
  );
  if (!strategy) return null;
  const last = points[points.length - 1];
  return (
    <Card
      title={t('convergence.title')}
      subtitle={t('convergence.subtitle')}
      className="no-print"
      testId="convergence"
      actions={
        <label className="inline-field">
          <span>{t('convergence.strategy')}</span>
          <select
            className="input input--select"
            value={index}
            onChange={(e) => setSelected(Number(e.target.value))}
            data-testid="convergence-strategy"
          >
            {summary.strategies.map((s, i) => (
              <option key={s.id} value={i}>
                {text(s.label) || s.id}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <div className="grid-2">
        <LineChart
          title={t('convergence.mean')}
          points={points.map((p) => ({ x: p.n, y: p.mean }))}
          reference={last?.mean}
          formatY={(y) => fmt.num(y, 2)}
          xLabel={t('convergence.replications')}
          testId="convergence-mean"
        />
        <LineChart
          title={t('convergence.width')}
          points={points.map((p) => ({ x: p.n, y: p.width }))}
          formatY={(y) => fmt.num(y, 2)}
          xLabel={t('convergence.replications')}
          testId="convergence-width"
        />
      </div>
      <table className="table" data-testid="uplift-table">
        <thead>
          <tr>
            <th scope="col">{t('convergence.strategy')}</th>
            <th scope="col">{t('convergence.upliftMean')}</th>
            <th scope="col">{t('convergence.interval')}</th>
            <th scope="col">{t('convergence.pPositive')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label || r.id}</th>
              <td className="num" data-testid={`uplift-mean-${r.id}`} data-value={String(r.mean)}>
                {fmt.pp(r.mean)}
              </td>
              <td className="num">
                {fmt.pp(r.p05)} – {fmt.pp(r.p95)}
              </td>
              <td className="num">{fmt.pct(r.pPositive, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
