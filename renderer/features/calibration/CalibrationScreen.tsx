// The Calibrate screen: load what a pilot observed, choose the parameters, fit them (ABC on the
// worker pool, with progress and cancel), see prior → posterior and the predictive checks, and
// make the calibrated priors the scenario's own (one undo step).
import { useParamLabel } from '../compare/useParamLabel';
import './calibration.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calibrationErrorText, formatObservedIssue } from '../../../messages/index';
import { Card, ScreenHeader } from '../../components/Card';
import { NumberInput } from '../../components/NumberInput';
import { ProgressBar } from '../../components/ProgressBar';
import { useMessages } from '../../i18n/messages';
import { useFmt } from '../../i18n/numbers';
import { useActions, useAppState } from '../../state/hooks';
import { CALIBRATION_NS, ChecksCard, PosteriorCard } from './CalibrationResults';
import { RolloutCompareCard } from './RolloutCompareCard';
import { DEFAULT_BUDGET, type ObservedState, useCalibration } from './useCalibration';
import { ROLLOUT_REPLICATIONS, useRolloutCompare } from './useRolloutCompare';

function ObservedCard({ observed, onFile }: { observed: ObservedState; onFile: (f: File) => void }) {
  const { t } = useTranslation(CALIBRATION_NS);
  const tm = useMessages().t;
  const f = useFmt();
  return (
    <Card title={t('file.title')} subtitle={t('file.help')} testId="calibration-observed">
      <div className="calibration__file">
        <span id="calibration-file-label">{t('file.label')}</span>
        {/* The native input's button speaks the browser's language; this one the studio's. */}
        <label className="btn calibration__choose">
          <input
            type="file"
            className="sr-only"
            aria-labelledby="calibration-file-label"
            accept=".csv,.json,text/csv,application/json"
            data-testid="calibration-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) onFile(file);
              e.currentTarget.value = '';
            }}
          />
          {t('file.choose')}
        </label>
      </div>
      {observed.status === 'none' ? <p className="muted">{t('file.none')}</p> : null}
      {observed.status === 'reading' ? (
        <p className="muted">{t('file.reading', { name: observed.name })}</p>
      ) : null}
      {observed.status === 'ok' ? (
        <p data-testid="calibration-observed-ok">
          {t('file.ok', {
            name: observed.name,
            strategy: observed.pilot.strategy,
            treatment: observed.pilot.treatmentBranches.length,
            control: observed.pilot.controlBranches.length,
            weeks: observed.pilot.weeks,
            targeted: f.int(observed.pilot.treatment.targeted + observed.pilot.control.targeted),
          })}
        </p>
      ) : null}
      {observed.status === 'bad' ? (
        <div role="alert" data-testid="calibration-observed-issues">
          <p>{t('file.bad', { name: observed.name, count: observed.issues.length })}</p>
          <ul className="calibration__issues">
            {observed.issues.map((i) => (
              <li key={`${JSON.stringify(i.at)}|${i.column}|${i.code}`}>
                {formatObservedIssue(i, tm, observed.name)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}

export function CalibrationScreen() {
  const { t } = useTranslation(CALIBRATION_NS);
  const paramName = useParamLabel(useAppState((s) => s.doc));
  const tm = useMessages().t;
  const f = useFmt();
  const c = useCalibration();
  const { setField } = useActions();
  const [budget, setBudget] = useState(DEFAULT_BUDGET);
  const [isUsed, setUsed] = useState(false);
  const rollout = useRolloutCompare();
  const priors = c.scenario?.uncertainty ?? [];
  const isRunning = c.run.status === 'running';
  const canRun = c.observed.status === 'ok' && priors.some((u) => !c.excluded.has(u.param)) && !isRunning;
  const done = c.run.status === 'done' ? c.run : null;
  const isStale = done !== null && done.scenarioText !== c.text;
  return (
    <div className="screen calibration" data-testid="calibration-screen">
      <ScreenHeader title={t('title')} subtitle={t('subtitle')} />
      <ObservedCard
        observed={c.observed}
        onFile={(file) => void c.loadFile(file).then(() => setUsed(false))}
      />
      <Card title={t('params.title')} subtitle={t('params.subtitle')} testId="calibration-params-card">
        {priors.length === 0 ? <p className="muted">{t('params.none')}</p> : null}
        <ul className="calibration__params">
          {priors.map((u) => (
            <li key={u.param}>
              <label>
                <input
                  type="checkbox"
                  checked={!c.excluded.has(u.param)}
                  onChange={() => c.toggleParam(u.param)}
                  data-testid={`calibration-param-${u.param}`}
                />{' '}
                {paramName(u.param)} <code className="calibration__path">{u.param}</code>
              </label>
            </li>
          ))}
        </ul>
        <div className="calibration__budget">
          <div className="field">
            <label htmlFor="calibration-particles" className="field__label">
              {t('params.particles')}
            </label>
            <NumberInput
              id="calibration-particles"
              testId="calibration-particles"
              value={budget.particles}
              onChange={(v) => {
                if (typeof v === 'number' && v >= 50 && v <= 100_000)
                  setBudget((b) => ({ ...b, particles: Math.round(v) }));
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="calibration-rounds" className="field__label">
              {t('params.rounds')}
            </label>
            <NumberInput
              id="calibration-rounds"
              testId="calibration-rounds"
              value={budget.rounds}
              onChange={(v) => {
                if (typeof v === 'number' && v >= 1 && v <= 20)
                  setBudget((b) => ({ ...b, rounds: Math.round(v) }));
              }}
            />
          </div>
        </div>
        <div className="calibration__actions">
          <button
            type="button"
            className="btn btn--primary"
            disabled={!canRun}
            data-testid="calibration-start"
            onClick={() => {
              setUsed(false);
              rollout.reset();
              void c.start(budget);
            }}
          >
            {t('run.start')}
          </button>
          {isRunning ? (
            <button type="button" className="btn" data-testid="calibration-cancel" onClick={c.cancel}>
              {t('run.cancel')}
            </button>
          ) : null}
        </div>
        {c.run.status === 'running' ? (
          <>
            <ProgressBar
              value={c.run.done}
              max={c.run.total}
              label={t('run.start')}
              testId="calibration-progress"
            />
            <p className="muted">
              {t('run.progress', { done: f.int(c.run.done), total: f.int(c.run.total) })}
            </p>
          </>
        ) : null}
        {c.run.status === 'cancelled' ? <p className="muted">{t('run.cancelled')}</p> : null}
        {c.run.status === 'error' ? (
          <p role="alert">
            {t('run.error', {
              message: typeof c.run.error === 'string' ? c.run.error : calibrationErrorText(c.run.error, tm),
            })}
          </p>
        ) : null}
      </Card>
      {done ? (
        <>
          <PosteriorCard report={done.report} />
          <ChecksCard report={done.report} />
          <RolloutCompareCard
            state={rollout.state}
            isDisabled={isStale || !c.scenario || !c.branches}
            onStart={() => {
              if (c.scenario && c.branches)
                void rollout.start(c.scenario, done.report, c.branches, ROLLOUT_REPLICATIONS);
            }}
            onCancel={rollout.cancel}
          />
          <div className="calibration__use">
            <button
              type="button"
              className="btn btn--primary"
              disabled={isStale || isUsed}
              data-testid="calibration-use"
              onClick={() => {
                setField('uncertainty', done.report.calibrated.uncertainty);
                setUsed(true);
              }}
            >
              {t('use.button')}
            </button>
            {isStale && !isUsed ? <span className="muted">{t('use.stale')}</span> : null}
            {isUsed ? <span data-testid="calibration-used">{t('use.done')}</span> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
