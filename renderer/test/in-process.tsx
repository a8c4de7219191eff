// Test helpers for the screens that run analyses: an executor that runs every block in this thread
// (and can hold a run until it is cancelled), and the tiny fixture rendered with SVG charts.
import { readFileSync } from 'node:fs';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { type Executor, RunCancelled, simApi } from '../../sim/index';
import { ChartRendererContext } from '../components/charts/chart-context';
import { initI18n } from '../i18n';
import { StoreContext } from '../state/hooks';
import { type AppStoreApi, createAppStore } from '../state/store';

/** In this thread; after `stopAfter` runs it waits for the abort (to test cancel). `runs` counts them. */
export function inProcessExecutor(stopAfter = Number.POSITIVE_INFINITY): Executor & { runs: number } {
  const ex: Executor & { runs: number } = {
    description: 'test',
    runs: 0,
    async run(scenario, settings, opts = {}) {
      ex.runs++;
      if (ex.runs > stopAfter)
        await new Promise<void>((_, reject) =>
          opts.signal?.addEventListener('abort', () => reject(new RunCancelled()), { once: true }),
        );
      await new Promise((r) => setTimeout(r, 0));
      const block = simApi.runBlock(scenario, settings, 0, settings.replications);
      opts.onProgress?.(settings.replications);
      return [block];
    },
    close: async () => {},
  };
  return ex;
}

/** A store with tests/fixtures/tiny.json loaded (English), and `ui` rendered in it with SVG charts. */
export async function renderTiny(ui: ReactElement): Promise<AppStoreApi> {
  await initI18n('en');
  const store = createAppStore({ workers: 2 });
  store
    .getState()
    .loadText(readFileSync('tests/fixtures/tiny.json', 'utf8'), { name: 'tiny.json', path: null });
  render(
    <StoreContext.Provider value={store}>
      <ChartRendererContext.Provider value="svg">{ui}</ChartRendererContext.Provider>
    </StoreContext.Provider>,
  );
  return store;
}
