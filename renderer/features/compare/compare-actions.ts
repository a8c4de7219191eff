// Run every variant with the same seed and replications (common random numbers), one after another
// on the worker pool, so the differences are the variants' and not Monte Carlo noise.
import { i18next } from '../../i18n';
import { startRun } from '../../sim-client/pool';
import { newRunId, putSummary } from '../../sim-client/result-cache';
import { compareSource } from '../../state/staleness';
import type { AppStoreApi } from '../../state/store';
import { activeRun, setActiveRun } from '../run/active-run';
import { notify } from '../shell/toast';
import { baseDocument, prepareVariant } from './variants';

export function compareKey(compareId: string, variantId: string): string {
  return `${compareId}:${variantId}`;
}

export async function runCompare(store: AppStoreApi): Promise<void> {
  const s = store.getState();
  s.validateNow();
  const { doc, scenario, variants, compare, workers } = store.getState();
  if (!scenario || activeRun() || variants.length === 0) return;
  const base = baseDocument(doc);
  const prepared = variants.map((v) => prepareVariant(doc, v, base));
  const bad = prepared.find((p) => !p.result.ok || p.overrideErrors.length > 0);
  if (bad) {
    notify(i18next.t('compare.invalidVariant', { name: bad.variant.name }));
    return;
  }
  const replications = compare.replications;
  const settings = { seed: String(scenario.monteCarlo.seed), replications };
  const compareId = newRunId('cmp');
  const patch = (p: Parameters<typeof s.patchCompare>[0]) => store.getState().patchCompare(p);
  patch({
    status: 'running',
    compareId,
    done: 0,
    planned: replications * prepared.length,
    error: null,
    summaryVersion: 0,
    source: compareSource(store.getState()),
  });
  for (let i = 0; i < prepared.length; i++) {
    const { variant, result } = prepared[i];
    if (!result.ok) return;
    const handle = startRun(result.scenario, settings, {
      workers,
      onProgress: (p) => patch({ done: i * replications + p.done }),
      onSummary: (summary) => {
        putSummary(compareKey(compareId, variant.id), summary);
        patch({ summaryVersion: store.getState().compare.summaryVersion + 1 });
      },
    });
    setActiveRun(handle);
    const outcome = await handle.result;
    if (activeRun() === handle) setActiveRun(null);
    if (outcome.status === 'cancelled') return patch({ status: 'cancelled' });
    if (outcome.status === 'error') return patch({ status: 'error', error: outcome.error });
  }
  patch({ status: 'done', done: replications * prepared.length });
}
