// Prior → posterior per parameter (table and interval charts) and the posterior predictive checks
// (table and charts: each observed figure against its predictive 90% band).

import { useTranslation } from 'react-i18next';
import type { CalibrationReport, SummaryId } from '../../../sim/index';
import { Card } from '../../components/Card';
import { IntervalChart, type IntervalRow } from '../../components/charts/IntervalChart';
import { useFmt } from '../../i18n/numbers';
import { useAppState } from '../../state/hooks';
import { useParamLabel } from '../compare/useParamLabel';

export const CALIBRATION_NS = 'calibration';

/** Below this effective sample size the posterior rests on too few simulated pilots to trust its tails. */
const FEW_PARTICLES = 50;

const MONEY: ReadonlySet<SummaryId> = new Set(['newMoneyTreatmentCny', 'newMoneyControlCny']);

export function PosteriorCard({ report }: { report: CalibrationReport }) {
  const { t } = useTranslation(CALIBRATION_NS);
  const paramName = useParamLabel(useAppState((s) => s.doc));
  const f = useFmt();
  const g = (x: number) => f.num(x, Math.abs(x) < 10 ? 3 : 0);
  return (
    <Card
      title={t('results.title')}
      subtitle={t('results.summary', {
        simulations: f.int(report.simulations),
        ess: f.num(report.ess, 1),
        discrepancy: f.num(report.discrepancy.value, 2),
        p: f.num(report.discrepancy.pValue, 3),
      })}
      testId="calibration-posterior"
    >
      {report.ess < FEW_PARTICLES ? (
        <p className="calibration__warning" data-testid="calibration-few-particles">
          {t('results.fewParticles', { ess: f.num(report.ess, 1) })}
        </p>
      ) : null}
      <table className="table" data-testid="calibration-params">
        <thead>
          <tr>
            <th>{t('results.param')}</th>
            <th>{t('results.prior')}</th>
            <th>{t('results.posterior')}</th>
            <th>{t('results.width')}</th>
          </tr>
        </thead>
        <tbody>
          {report.params.map((p) => (
            <tr key={p.param}>
              <td>
                {paramName(p.param)} <code className="calibration__path">{p.param}</code>
              </td>
              <td>{`${g(p.prior.mean)} [${g(p.prior.p05)}, ${g(p.prior.p95)}]`}</td>
              <td>{`${g(p.posterior.mean)} [${g(p.posterior.p05)}, ${g(p.posterior.p95)}]`}</td>
              <td>{f.num(p.widthRatio, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="calibration__charts">
        {report.params.map((p) => (
          <IntervalChart
            key={p.param}
            rows={[
              { label: t('results.chartPrior'), ...p.prior },
              { label: t('results.chartPosterior'), ...p.posterior },
            ]}
            reference={Number.NaN}
            format={g}
            ariaLabel={t('results.chartLabel', { param: paramName(p.param) })}
            testId="calibration-param-chart"
          />
        ))}
      </div>
    </Card>
  );
}

export function ChecksCard({ report }: { report: CalibrationReport }) {
  const { t } = useTranslation(CALIBRATION_NS);
  const f = useFmt();
  const value = (id: SummaryId, x: number) => (MONEY.has(id) ? f.cny(x) : f.pct(x, 1));
  const rowsOf = (keep: (id: SummaryId) => boolean): IntervalRow[] =>
    report.checks
      .filter((c) => keep(c.summary))
      .flatMap((c) => {
        const name = t(`summaries.${c.summary}`);
        return [
          { label: t('checks.observedRow', { name }), mean: c.observed, p05: c.observed, p95: c.observed },
          { label: t('checks.bandRow', { name }), mean: c.mean, p05: c.p05, p95: c.p95 },
        ];
      });
  const rates = rowsOf((id) => !MONEY.has(id));
  const money = rowsOf((id) => MONEY.has(id));
  return (
    <Card title={t('checks.title')} subtitle={t('checks.subtitle')} testId="calibration-checks">
      <table className="table" data-testid="calibration-checks-table">
        <thead>
          <tr>
            <th>{t('checks.summary')}</th>
            <th>{t('checks.observed')}</th>
            <th>{t('checks.band')}</th>
            <th>{t('checks.pValue')}</th>
          </tr>
        </thead>
        <tbody>
          {report.checks.map((c) => (
            <tr key={c.summary} className={c.pValue < 0.05 ? 'calibration__misfit' : undefined}>
              <td>{t(`summaries.${c.summary}`)}</td>
              <td>{value(c.summary, c.observed)}</td>
              <td>{`${value(c.summary, c.p05)} – ${value(c.summary, c.p95)}`}</td>
              <td>{f.num(c.pValue, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="calibration__charts calibration__charts--wide">
        {rates.length ? (
          <IntervalChart
            rows={rates}
            format={(x) => f.pct(x, 1)}
            reference={Number.NaN}
            ariaLabel={t('checks.ratesChart')}
            testId="calibration-checks-rates"
          />
        ) : null}
        {money.length ? (
          <IntervalChart
            rows={money}
            format={f.cny}
            reference={0}
            ariaLabel={t('checks.moneyChart')}
            testId="calibration-checks-money"
          />
        ) : null}
      </div>
    </Card>
  );
}
