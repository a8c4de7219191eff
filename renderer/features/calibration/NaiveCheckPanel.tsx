// Beside the naive view: "a report says participants have N× the … — what does that imply?" The
// quoted multiples go in; the model's closest setting comes out, with the causal uplift and the
// share of the naive gap that is selection, or plainly that no setting reaches a multiple.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NAIVE_METRICS, type NaiveMetric } from '../../../sim/index';
import { Card } from '../../components/Card';
import { NumberInput } from '../../components/NumberInput';
import { ProgressBar } from '../../components/ProgressBar';
import { useFmt } from '../../i18n/numbers';
import { useAppState } from '../../state/hooks';
import { CALIBRATION_NS } from './CalibrationResults';
import { useNaiveCheck } from './useNaiveCheck';

export function NaiveCheckPanel({ strategyId }: { strategyId: string }) {
  const { t } = useTranslation(CALIBRATION_NS);
  const f = useFmt();
  const scenario = useAppState((s) => s.scenario);
  const [quoted, setQuoted] = useState<Partial<Record<NaiveMetric, number>>>({});
  const check = useNaiveCheck();
  const s = check.state;
  const hasQuote = Object.values(quoted).some((x) => x !== undefined);
  const value = (m: NaiveMetric, x: number) => (m === 'aum' ? f.cny(x) : f.num(x, 2));
  return (
    <Card title={t('naive.title')} subtitle={t('naive.subtitle')} testId="naive-check">
      <div className="calibration__budget">
        {NAIVE_METRICS.map((m) => (
          <div className="field" key={m}>
            <label htmlFor={`naive-check-${m}`} className="field__label">
              {t(`naive.metric_${m}`)}
            </label>
            <NumberInput
              id={`naive-check-${m}`}
              testId={`naive-check-${m}`}
              value={quoted[m]}
              placeholder="×"
              onChange={(v) =>
                setQuoted((q) => ({ ...q, [m]: typeof v === 'number' && v > 0 ? v : undefined }))
              }
            />
          </div>
        ))}
        <button
          type="button"
          className="btn btn--primary"
          disabled={!scenario || !hasQuote || s.status === 'running'}
          data-testid="naive-check-run"
          onClick={() => {
            const q = Object.fromEntries(Object.entries(quoted).filter(([, x]) => x !== undefined));
            if (scenario) void check.start(scenario, strategyId, q);
          }}
        >
          {t('naive.run')}
        </button>
        {s.status === 'running' ? (
          <button type="button" className="btn" onClick={check.cancel}>
            {t('run.cancel')}
          </button>
        ) : null}
      </div>
      {s.status === 'running' ? <ProgressBar value={s.done} max={s.total} label={t('naive.run')} /> : null}
      {s.status === 'cancelled' ? <p className="muted">{t('run.cancelled')}</p> : null}
      {s.status === 'error' ? <p role="alert">{t('run.error', { message: s.message })}</p> : null}
      {s.status === 'done' ? (
        <>
          <p>
            {t('naive.fitted', {
              selection: f.num(s.value.fitted.selection, 2),
              effect: f.num(s.value.fitted.effect, 2),
            })}
          </p>
          <table className="table" data-testid="naive-check-table">
            <thead>
              <tr>
                <th>{t('naive.metric')}</th>
                <th>{t('naive.quoted')}</th>
                <th>{t('naive.reproduced')}</th>
                <th>{t('naive.causal')}</th>
                <th>{t('naive.selection')}</th>
              </tr>
            </thead>
            <tbody>
              {s.value.metrics.map((m) => (
                <tr key={m.metric} data-status={m.status}>
                  <td>{t(`naive.metric_${m.metric}`)}</td>
                  <td>{`×${f.num(m.quoted, 2)}`}</td>
                  <td>
                    {m.status === 'not-defined' ? '' : `×${f.num(m.reproduced, 2)} — `}
                    {t(`naive.status_${m.status}`, {
                      min: f.num(m.reachable.min, 2),
                      max: f.num(m.reachable.max, 2),
                    })}
                  </td>
                  <td>{`${value(m.metric, m.causalUplift.mean)} [${value(m.metric, m.causalUplift.p05)}, ${value(m.metric, m.causalUplift.p95)}]`}</td>
                  <td>
                    {m.selectionShare >= 0 && m.selectionShare <= 1
                      ? f.pct(m.selectionShare, 0)
                      : t('naive.shareNoisy')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t('naive.note')}</p>
        </>
      ) : null}
    </Card>
  );
}
