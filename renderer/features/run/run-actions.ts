// Start and stop the scenario's run: glue between the worker pool, the result cache and the store.
import type { RunSettings, Scenario } from '../../../sim/index';
import { type RunProgress, startRun } from '../../sim-client/pool';
import { newRunId, putSummary } from '../../sim-client/result-cache';
import { currentSource } from '../../state/staleness';
import type { AppStoreApi } from '../../state/store';
import { activeRun, setActiveRun } from './active-run';

export function runSettingsOf(scenario: Scenario): RunSettings {
  return { seed: String(scenario.monteCarlo.seed), replications: scenario.monteCarlo.replications };
}

export function progressPatch(p: RunProgress) {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0.05 && p.done > 0 ? p.done / seconds : null;
  return {
    done: p.done,
    planned: p.planned,
    elapsedSeconds: seconds,
    repsPerSecond: rate,
    etaSeconds: rate ? Math.max(0, (p.planned - p.done) / rate) : null,
  };
}

/** Run the current scenario on the worker pool; results stream into the cache under a new run id. */
export function runScenario(store: AppStoreApi): string | null {
  const s = store.getState();
  s.validateNow();
  const { scenario, workers } = store.getState();
  if (!scenario || activeRun()) return null;
  const settings = runSettingsOf(scenario);
  const runId = newRunId('run');
  s.patchRun({
    status: 'running',
    runId,
    done: 0,
    planned: settings.replications,
    etaSeconds: null,
    repsPerSecond: null,
    elapsedSeconds: 0,
    error: null,
    summaryVersion: 0,
    source: currentSource(store.getState()),
  });
  const handle = startRun(scenario, settings, {
    workers,
    onProgress: (p) => store.getState().patchRun(progressPatch(p)),
    onSummary: (summary) => {
      putSummary(runId, summary);
      const run = store.getState().run;
      if (run.runId === runId) store.getState().patchRun({ summaryVersion: run.summaryVersion + 1 });
    },
  });
  setActiveRun(handle);
  handle.result.then((outcome) => {
    if (activeRun() === handle) setActiveRun(null);
    const patch = store.getState().patchRun;
    if (outcome.status === 'done') {
      patch({ status: 'done', done: outcome.summary.replicationsDone, etaSeconds: 0 });
    } else if (outcome.status === 'cancelled') {
      patch({ status: 'cancelled', etaSeconds: null });
    } else {
      patch({ status: 'error', error: outcome.error, etaSeconds: null });
    }
  });
  return runId;
}
