import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { defaultSettings, type Executor, screeningCandidates } from '../../../sim/index';
import { Card, ScreenHeader } from '../../components/Card';
import { StaleNotice } from '../../components/StaleNotice';
import { useLocalText } from '../../i18n/local-text';
import { desktopApi } from '../../platform/desktop-api';
import { webExecutor } from '../../sim-client/pool';
import { useAppState, useStoreApi } from '../../state/hooks';
import { baseName } from '../report/export-format';
import { useSensitivitySource } from '../sensitivity/useSensitivitySource';
import { notify } from '../shell/toast';
import { GoalFields } from './GoalFields';
import { OptimizeResults } from './OptimizeResults';
import { OptimizeStatus } from './OptimizeStatus';
import { checkDraft, emptyVariable, specDocument } from './optimize-form';
import { cancelOptimize, editDraft, optimizeStore, startOptimize } from './optimize-store';
import { SettingsFields } from './SettingsFields';
import { useOptimizeLabels } from './useOptimizeLabels';
import { VariableRow } from './VariableRow';
import '../sensitivity/sensitivity.css';
import '../compare/compare.css';
import './optimize.css';

export type OptimizeScreenProps = {
  /** Where candidates run; default the Web Worker pool. Tests pass an in-process executor. */
  executor?: Executor;
};

/** The best plan under caps: decision variables, objective and constraints in a form; the search streamed; the finalists. */
export function OptimizeScreen({ executor }: OptimizeScreenProps = {}) {
  const { t } = useTranslation('optimize');
  const scenario = useAppState((s) => s.scenario);
  const isMainRunning = useAppState((s) => s.run.status === 'running');
  const store = useStoreApi();
  const state = useStore(optimizeStore);
  const { draft } = state;
  const { source, isStale } = useSensitivitySource(state.source);
  const labels = useOptimizeLabels();
  const localText = useLocalText();
  const check = useMemo(() => {
    const known = new Set(labels.choices.map((c) => c.path));
    return checkDraft(draft, (path) => known.has(path));
  }, [draft, labels.choices]);
  const isRunning = state.status === 'running';
  const candidates = useMemo(
    () => (check.ok && scenario ? screeningCandidates(check.spec, defaultSettings(scenario).seed).length : 0),
    [check, scenario],
  );
  const strategies = (scenario?.strategies ?? []).map((s) => ({
    id: s.id,
    label: localText(s.label) || s.id,
  }));
  const blocked = !scenario
    ? t('run.invalid')
    : !check.ok
      ? t('run.fixForm', { count: check.problems.length })
      : isMainRunning
        ? t('run.busy')
        : null;
  const run = () => {
    if (!scenario || !check.ok || isMainRunning) return;
    const ex = executor ?? webExecutor(() => store.getState().workers);
    void startOptimize(ex, scenario, defaultSettings(scenario), check.spec, source());
  };
  const onChange = (d: typeof draft) => editDraft(() => d);
  // The same file `npm run sim -- optimize <scenario> --spec <file>` reads.
  const saveSpec = async () => {
    const name = `${baseName(store.getState().fileName)}-opt.json`;
    const data = `${JSON.stringify(specDocument(draft), null, 2)}\n`;
    const r = await desktopApi.exportFile({ kind: 'json', suggestedName: name, data });
    if (!r.ok) notify(t('run.saveFailed', { error: r.error }));
    else if (r.value) notify(t('run.saved', { name }));
  };
  return (
    <div className="screen" data-testid="screen-optimize">
      <ScreenHeader title={t('title')} subtitle={t('subtitle')} />
      <Card title={t('variables.title')} subtitle={t('variables.hint')} testId="opt-variables">
        {scenario
          ? draft.variables.map((v, i) => (
              <VariableRow
                // biome-ignore lint/suspicious/noArrayIndexKey: a variable is its place in the spec
                key={i}
                index={i}
                variable={v}
                scenario={scenario}
                base={labels.base}
                choices={labels.choices}
                check={check}
                isLocked={isRunning}
                canRemove={draft.variables.length > 1}
                onChange={(x) =>
                  editDraft((d) => ({ ...d, variables: d.variables.map((y, k) => (k === i ? x : y)) }))
                }
                onRemove={() =>
                  editDraft((d) => ({ ...d, variables: d.variables.filter((_, k) => k !== i) }))
                }
              />
            ))
          : null}
        <button
          type="button"
          className="btn"
          data-testid="opt-variable-add"
          disabled={isRunning}
          onClick={() => editDraft((d) => ({ ...d, variables: [...d.variables, emptyVariable()] }))}
        >
          + {t('variables.add')}
        </button>
      </Card>
      <Card title={t('goal.title')} subtitle={t('goal.hint')} testId="opt-goal">
        <GoalFields
          draft={draft}
          strategies={strategies}
          check={check}
          isLocked={isRunning}
          onChange={onChange}
        />
      </Card>
      <Card title={t('settings.title')} subtitle={t('settings.hint')} testId="opt-settings">
        <SettingsFields draft={draft} check={check} isLocked={isRunning} onChange={onChange} />
      </Card>
      <div className="sens-controls no-print">
        {check.ok ? (
          <p className="muted" data-testid="opt-plan-note">
            {t('run.note', {
              count: candidates,
              n0: check.spec.screening.replications,
              total: (candidates + 1) * check.spec.screening.replications,
              finalists: check.spec.selection.finalists,
            })}
          </p>
        ) : (
          <p className="field__errors" role="alert" data-testid="opt-form-problems">
            {blocked}
          </p>
        )}
        <button
          type="button"
          className="btn"
          data-testid="opt-save-spec"
          disabled={!check.ok}
          title={t('run.saveSpecHint')}
          onClick={() => void saveSpec()}
        >
          {t('run.saveSpec')}
        </button>
        {isRunning ? (
          <button type="button" className="btn btn--danger" data-testid="opt-cancel" onClick={cancelOptimize}>
            ■ {t('run.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--primary"
            data-testid="opt-run"
            disabled={blocked !== null}
            title={blocked ?? undefined}
            onClick={run}
          >
            ▶ {t('run.run')}
          </button>
        )}
      </div>
      <OptimizeStatus state={state} />
      {isStale && state.source ? (
        <StaleNotice
          sourceName={state.source.fileName}
          testId="opt-stale"
          onRerun={blocked ? undefined : run}
        />
      ) : null}
      <OptimizeResults state={state} isStale={isStale} labels={labels} />
    </div>
  );
}
