// "What did the pilot buy?": the rollout to every branch with the scenario's priors and with the
// calibrated ones, each 90% band before and after and how much it narrowed.
import { useTranslation } from 'react-i18next';
import type { BandChange, RolloutComparison } from '../../../sim/index';
import { Card } from '../../components/Card';
import { ProgressBar } from '../../components/ProgressBar';
import { useLocalText } from '../../i18n/local-text';
import { useFmt } from '../../i18n/numbers';
import { CALIBRATION_NS } from './CalibrationResults';
import type { RolloutCompareState } from './useRolloutCompare';

type Props = {
  state: RolloutCompareState;
  isDisabled: boolean;
  onStart(): void;
  onCancel(): void;
};

function Rows({ value }: { value: RolloutComparison }) {
  const { t } = useTranslation(CALIBRATION_NS);
  const text = useLocalText();
  const f = useFmt();
  const row = (key: string, label: string, c: BandChange, fmt: (x: number) => string) => (
    <tr key={key}>
      <td>{label}</td>
      <td>{`${fmt(c.before.mean)} [${fmt(c.before.p05)}, ${fmt(c.before.p95)}]`}</td>
      <td>{`${fmt(c.after.mean)} [${fmt(c.after.p05)}, ${fmt(c.after.p95)}]`}</td>
      <td>{f.num(c.widthRatio, 2)}</td>
    </tr>
  );
  return (
    <>
      {value.strategies.map((s) => (
        <tbody key={s.id}>
          <tr>
            <th colSpan={4}>{text(s.label)}</th>
          </tr>
          {row(`${s.id}-m-pp`, t('rollout.modelledPp'), s.modelled.upliftPp, (x) => f.pp(x))}
          {row(`${s.id}-m-cny`, t('rollout.modelledCny'), s.modelled.newMoneyTotalCny, f.cny)}
          {row(`${s.id}-m-roi`, t('rollout.modelledRoi'), s.modelled.roi, (x) => f.num(x, 2))}
          {row(`${s.id}-pp`, t('rollout.randomizedPp'), s.upliftPp, (x) => f.pp(x))}
          {row(`${s.id}-cny`, t('rollout.randomizedCny'), s.newMoneyTotalCny, f.cny)}
        </tbody>
      ))}
    </>
  );
}

export function RolloutCompareCard({ state, isDisabled, onStart, onCancel }: Props) {
  const { t } = useTranslation(CALIBRATION_NS);
  const f = useFmt();
  return (
    <Card title={t('rollout.title')} subtitle={t('rollout.subtitle')} testId="calibration-rollout">
      <div className="calibration__actions">
        <button
          type="button"
          className="btn"
          disabled={isDisabled || state.status === 'running'}
          data-testid="calibration-rollout-start"
          onClick={onStart}
        >
          {t('rollout.start')}
        </button>
        {state.status === 'running' ? (
          <button type="button" className="btn" onClick={onCancel} data-testid="calibration-rollout-cancel">
            {t('run.cancel')}
          </button>
        ) : null}
      </div>
      {state.status === 'running' ? (
        <ProgressBar value={state.done} max={state.total} label={t('rollout.start')} />
      ) : null}
      {state.status === 'cancelled' ? <p className="muted">{t('run.cancelled')}</p> : null}
      {state.status === 'error' ? <p role="alert">{t('run.error', { message: state.message })}</p> : null}
      {state.status === 'done' ? (
        <>
          <p>
            {t('rollout.stage', {
              branches: state.value.stage.branches.length,
              replications: f.int(state.value.before.replications),
            })}
          </p>
          <table className="table" data-testid="calibration-rollout-table">
            <thead>
              <tr>
                <th>{t('rollout.figure')}</th>
                <th>{t('rollout.before')}</th>
                <th>{t('rollout.after')}</th>
                <th>{t('rollout.ratio')}</th>
              </tr>
            </thead>
            <Rows value={state.value} />
          </table>
        </>
      ) : null}
    </Card>
  );
}
