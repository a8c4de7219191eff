import { useTranslation } from 'react-i18next';
import { SENSITIVITY_OUTPUTS, type SensitivityOutput } from '../../../sim/index';
import { FieldShell } from '../../components/FieldShell';
import { NumberInput } from '../../components/NumberInput';
import { type SensitivityMethod, sensitivityStore } from './sensitivity-store';

export type TornadoControlsProps = {
  method: SensitivityMethod;
  baseRows: number;
  output: SensitivityOutput;
  strategy: string | null;
  strategies: ReadonlyArray<{ id: string; label: string }>;
  replications: number | string | undefined;
  isRunning: boolean;
  /** Why it cannot run now (null: it can). */
  blocked: string | null;
  onRun(): void;
  onCancel(): void;
};

/** Method, output, strategy and replications per point (and the Sobol design's rows); run and cancel. */
export function TornadoControls(p: TornadoControlsProps) {
  const { t } = useTranslation('sensitivity');
  return (
    <div className="sens-controls no-print">
      <FieldShell id="sensitivity-method" label={t('method.label')}>
        <select
          id="sensitivity-method"
          data-testid="sensitivity-method"
          className="input input--select"
          value={p.method}
          disabled={p.isRunning}
          onChange={(e) => sensitivityStore.setState({ method: e.target.value as SensitivityMethod })}
        >
          {(['tornado', 'sobol', 'sweep'] as const).map((m) => (
            <option key={m} value={m}>
              {t(`method.${m}`)}
            </option>
          ))}
        </select>
      </FieldShell>
      <FieldShell id="tornado-output" label={t('tornado.output')}>
        <select
          id="tornado-output"
          data-testid="tornado-output"
          className="input input--select"
          value={p.output}
          onChange={(e) => sensitivityStore.setState({ output: e.target.value as SensitivityOutput })}
        >
          {SENSITIVITY_OUTPUTS.map((o) => (
            <option key={o} value={o}>
              {t(`messages:output.${o}`)}
            </option>
          ))}
        </select>
      </FieldShell>
      <FieldShell id="tornado-strategy" label={t('tornado.strategy')}>
        <select
          id="tornado-strategy"
          data-testid="tornado-strategy"
          className="input input--select"
          value={p.strategy ?? ''}
          onChange={(e) =>
            sensitivityStore.setState({ strategy: e.target.value === '' ? null : e.target.value })
          }
        >
          <option value="">{t('tornado.allStrategies')}</option>
          {p.strategies.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </FieldShell>
      <FieldShell id="tornado-replications" label={t('tornado.replications')}>
        <NumberInput
          id="tornado-replications"
          testId="tornado-replications"
          value={p.replications}
          disabled={p.isRunning}
          onChange={(v) => sensitivityStore.setState({ replications: typeof v === 'number' ? v : null })}
        />
      </FieldShell>
      {p.method === 'sobol' ? (
        <FieldShell id="sobol-base-rows" label={t('method.baseRows')}>
          <NumberInput
            id="sobol-base-rows"
            testId="sobol-base-rows"
            value={p.baseRows}
            disabled={p.isRunning}
            onChange={(v) => sensitivityStore.setState({ baseRows: typeof v === 'number' ? v : null })}
          />
        </FieldShell>
      ) : null}
      {p.isRunning ? (
        <button type="button" className="btn btn--danger" data-testid="tornado-cancel" onClick={p.onCancel}>
          ■ {t('tornado.cancel')}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn--primary"
          data-testid="tornado-run"
          disabled={p.blocked !== null}
          title={p.blocked ?? undefined}
          onClick={p.onRun}
        >
          ▶ {t(p.method === 'sobol' ? 'method.runSobol' : p.method === 'sweep' ? 'sweep.run' : 'tornado.run')}
        </button>
      )}
    </div>
  );
}
