// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { designEffect, loadScenarioText, plannerPrefill, planPower, simApi } from '../../../sim/index';
import { ChartRendererContext } from '../../components/charts/chart-context';
import { echarts } from '../../components/charts/echarts-setup';
import { initI18n, setLanguage } from '../../i18n';
import { desktopApi } from '../../platform/desktop-api';
import { StoreContext } from '../../state/hooks';
import { createAppStore } from '../../state/store';
import { activeRun, cancelActiveRun, setActiveRun } from '../run/active-run';
import { PlannerScreen } from './PlannerScreen';
import { type PlannerSimulator, RunStopped } from './simulator';

// jsdom has no canvas: zrender measures text from its width table (as in the results tests).
echarts.setPlatformAPI({ createCanvas: () => undefined as unknown as HTMLCanvasElement });

afterEach(async () => {
  cleanup();
  await setLanguage('en');
});

/** The simulation API in this thread, as the workers would run it. */
const inProcess: PlannerSimulator = {
  async populationSummary(scenario, seed) {
    return simApi.populationSummary(scenario, seed);
  },
  async run(scenario, settings, point, onProgress, signal) {
    if (signal.aborted) throw new RunStopped();
    const block = simApi.runBlock(scenario, settings, 0, settings.replications, onProgress);
    await new Promise((r) => setTimeout(r, 0));
    if (signal.aborted) throw new RunStopped();
    return simApi.readPlanRun(scenario, settings, [block], point);
  },
};

const TINY_TEXT = readFileSync('tests/fixtures/tiny.json', 'utf8');
const TINY = JSON.parse(TINY_TEXT);
/** The tiny fixture's branches as the planner sees them. */
const TINY_BRANCHES = () => {
  const loaded = loadScenarioText(TINY_TEXT);
  if (!loaded.ok) throw new Error('tiny.json is not valid');
  return simApi.populationSummary(loaded.scenario, String(loaded.scenario.monteCarlo.seed)).branches;
};

async function renderPlanner(simulator: PlannerSimulator = inProcess) {
  // The tiny fixture (3,000 customers, 8 branches) keeps the simulated pilot fast.
  await initI18n('en');
  const store = createAppStore({ workers: 3 });
  store.getState().loadText(TINY_TEXT, { name: 'example.json', path: null });
  render(
    <StoreContext.Provider value={store}>
      <ChartRendererContext.Provider value="svg">
        <PlannerScreen simulator={simulator} />
      </ChartRendererContext.Provider>
    </StoreContext.Provider>,
  );
  // The form fills itself from the scenario once its branches are read (the default branch size
  // is 500; the tiny bank's segments are far smaller).
  await screen.findByTestId('planner-prefilled');
  await waitFor(() => {
    expect((screen.getByTestId('planner-customersPerBranch') as HTMLInputElement).value).not.toBe('500');
  });
  return store;
}

const text = (id: string) => screen.getByTestId(id).textContent;
const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe('PlannerScreen: the formula', () => {
  it('opens prefilled from the scenario, solves the branches per arm and explains the design effect', async () => {
    await renderPlanner();
    const loaded = loadScenarioText(TINY_TEXT);
    if (!loaded.ok) throw new Error('tiny.json is not valid');
    const scenario = loaded.scenario;
    const p = plannerPrefill(
      scenario,
      simApi.populationSummary(scenario, String(scenario.monteCarlo.seed)),
      0,
    );
    const m = Math.round(p.customersPerBranch);
    const cv = Number(p.cv.toFixed(2));
    const icc = Number(p.icc.toPrecision(2));
    const accrual = Math.max(0.1, Number(p.accrualPerBranchWeek.toFixed(1)));
    expect((screen.getByTestId('planner-customersPerBranch') as HTMLInputElement).value).toBe(String(m));
    expect((screen.getByTestId('planner-cv') as HTMLInputElement).value).toBe(String(cv));
    expect((screen.getByTestId('planner-icc') as HTMLInputElement).value).toBe(String(icc));
    expect(text('planner-prefilled')).toContain(`${scenario.population.branches.count} branches`);
    // No run yet: the rates stay examples (0.05 → 0.07) and the screen says so.
    expect(text('planner-prefilled')).toContain('Conversion rates are examples');
    const expected = planPower({
      outcome: { kind: 'binary', pControl: 0.05, pTreat: 0.07, method: 'pooled' },
      alpha: 0.05,
      power: 0.8,
      test: 't',
      cluster: { icc, cv, clusterSize: m, analysis: 'unweighted' },
      accrualPerBranchPerWeek: accrual,
    });
    expect(text('planner-analytic-branches')).toBe(String(expected.clustersPerArmRounded));
    const de = designEffect(m, icc, cv, 'unweighted');
    expect(text('planner-analytic-de')).toBe(String(Number(de.toFixed(2))));
    expect(text('planner-de-explanation')).toMatch(
      /design effect is 1 \+ \(\d+ − 1\) × ICC \+ CV² × \(1 − ICC\)/,
    );
    // The tiny bank has 8 branches: a design of more than 4 per arm does not fit, and the screen
    // names the largest that does with its power.
    expect(2 * expected.clustersPerArmRounded!).toBeGreaterThan(8);
    expect(text('planner-infeasible')).toMatch(
      /bank has 8\. The largest design that fits is 4 branches per arm, with power \d+(\.\d)?%\./,
    );
    expect(screen.getByTestId('planner-power-curve').getAttribute('aria-label')).toBe(
      'Power vs branches per arm',
    );
    expect(screen.getByTestId('planner-mde-curve').getAttribute('aria-label')).toBe(
      'Minimum detectable effect vs weeks',
    );
  });

  it('recomputes as inputs change, names a bad input, and switches to a continuous outcome', async () => {
    await renderPlanner();
    type('planner-icc', '0');
    type('planner-cv', '0');
    expect(text('planner-analytic-de')).toBe('1');
    // The customer-weighted analysis has no CV term at ICC 0 either; the equal-weight one does.
    type('planner-cv', '0.5');
    expect(text('planner-analytic-de')).toBe('1.25');
    fireEvent.change(screen.getByTestId('planner-analysis'), { target: { value: 'weighted' } });
    expect(text('planner-analytic-de')).toBe('1');
    type('planner-pControl', '1.5');
    expect(screen.getByTestId('planner-pControl-error').textContent).toMatch(/1\.5 is not a probability/);
    expect(screen.getByTestId('planner-pControl').getAttribute('aria-invalid')).toBe('true');
    type('planner-pControl', '0.05');
    type('planner-accrualPerBranchWeek', '');
    expect(screen.queryByTestId('planner-mde-curve')).toBeNull();
    expect(text('planner-mde-needs-accrual')).toBe(
      'Enter the eligible customers per branch-week to see how the MDE shrinks as the pilot runs longer.',
    );
    fireEvent.change(screen.getByTestId('planner-outcome'), { target: { value: 'mean' } });
    expect(screen.getByLabelText('Difference to detect (¥ per customer)').getAttribute('data-testid')).toBe(
      'planner-delta',
    );
    expect(screen.queryByTestId('planner-pTreat')).toBeNull();
    expect(Number(text('planner-analytic-branches'))).toBeGreaterThanOrEqual(2);
  });

  it('labels every input and button', async () => {
    await renderPlanner();
    for (const el of screen.getAllByRole('textbox')) {
      expect(el.getAttribute('data-testid')).toMatch(/^planner-/);
      expect((el as HTMLInputElement).labels).toHaveLength(1);
    }
    for (const el of screen.getAllByRole('button')) {
      expect(el.getAttribute('data-testid')).toMatch(/^planner-/);
      expect(el.textContent?.trim()).not.toBe('');
    }
    expect(screen.getByLabelText('ICC (intracluster correlation)').getAttribute('data-testid')).toBe(
      'planner-icc',
    );
  });

  it('speaks Chinese', async () => {
    await renderPlanner();
    await act(() => setLanguage('zh-CN'));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('试点规划');
    expect(text('planner-de-explanation')).toMatch(/设计效应为/);
    // An input error from the core reads in Chinese too, at its field.
    type('planner-pControl', '1.5');
    expect(screen.getByTestId('planner-pControl-error').textContent).toBe(
      '1.5 不是概率；应为 (0, 1) 之间的数',
    );
  });
});

describe('PlannerScreen: simulated pilot and rollout (tiny fixture)', () => {
  it('simulates the pilot, compares with the formula, feeds the ICC back, forecasts the rollout and exports', async () => {
    await renderPlanner();
    expect(text('planner-rollout-needs-pilot')).toBe(
      'Simulate the pilot first: the rollout starts from its branches.',
    );
    type('planner-sim-branchesPerArm', '2');
    type('planner-sim-weeks', '2');
    type('planner-sim-replications', '4');
    fireEvent.click(screen.getByTestId('planner-sim-run'));
    await waitFor(() => expect(screen.getByTestId('planner-sim-status').dataset.status).toBe('done'), {
      timeout: 30_000,
    });
    expect(text('planner-sim-status-text')).toBe('Done');
    expect(text('planner-pilot-branches')!.split(' ')).toHaveLength(2);
    expect(text('planner-control-branches')!.split(' ')).toHaveLength(2);
    // Branches can be moved by hand; the balance table follows (the sizes are the population's).
    const pilotBefore = text('planner-pilot-branches')!.split(' ');
    const out = TINY_BRANCHES().find(
      (b) => ![...pilotBefore, ...text('planner-control-branches')!.split(' ')].includes(b.name),
    )!;
    fireEvent.change(screen.getByTestId(`planner-arm-${out.name}`), { target: { value: 'pilot' } });
    expect(text('planner-pilot-branches')!.split(' ')).toHaveLength(3);
    expect(screen.queryByTestId('planner-balance-edited')).not.toBeNull();
    const pilotNames = text('planner-pilot-branches')!.split(' ');
    const sizes = TINY_BRANCHES()
      .filter((b) => pilotNames.includes(b.name))
      .map((b) => b.customers);
    const meanSize = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(within(screen.getByTestId('planner-balance-customers')).getAllByRole('cell')[0].textContent).toBe(
      new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(meanSize),
    );
    expect(screen.getByTestId('planner-sim-power-curve').getAttribute('aria-label')).toBe(
      'Simulated and formula power vs branches per arm (2 weeks)',
    );
    expect(text('planner-compare-power-sim')).toMatch(/^\d+% ± \d+%$/);
    expect(text('planner-compare-power-formula')).toMatch(/^(\d+%|—)$/);
    expect(text('planner-implied')).toMatch(/implies ICC/);
    expect(
      within(screen.getByTestId('planner-notes')).getAllByText(/conversion|net new money/).length,
    ).toBeGreaterThan(0);
    // Strategy picker: every strategy of the scenario.
    const picker = screen.getByTestId('planner-sim-strategy') as HTMLSelectElement;
    expect(picker.options).toHaveLength(TINY.strategies.length);
    fireEvent.change(picker, { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('planner-sim-outcome'), { target: { value: 'aum' } });

    fireEvent.click(screen.getByTestId('planner-use-estimates'));
    const icc = Number((screen.getByTestId('planner-icc') as HTMLInputElement).value);
    expect(icc).toBeGreaterThanOrEqual(0);
    expect(icc).toBeLessThan(0.5);

    // Rollout: pilot → sprint → all 8 branches.
    expect(text('planner-rollout-stages')).toBe(
      'Pilot (2 branches) → Sprint (4 branches) → All branches (8 branches)',
    );
    type('planner-rollout-replications', '2');
    fireEvent.click(screen.getByTestId('planner-rollout-run'));
    await waitFor(() => expect(screen.getByTestId('planner-rollout-status').dataset.status).toBe('done'), {
      timeout: 30_000,
    });
    const all = screen.getByTestId('planner-rollout-all');
    expect(within(all).getByRole('heading').textContent).toMatch(
      /^All branches: 8 branches, [\d,]+ customers, \d+ weeks$/,
    );
    expect(
      within(all)
        .getAllByTestId(/^planner-rollout-all-/)
        .map((row) => row.dataset.testid),
    ).toEqual(TINY.strategies.map((st: { id: string }) => `planner-rollout-all-${st.id}`));
    expect(screen.getByTestId(`planner-rollout-all-${TINY.strategies[0].id}`).textContent).toMatch(
      /\(.+ – .+\)/,
    );

    const exportFile = vi
      .spyOn(desktopApi, 'exportFile')
      .mockResolvedValue({ ok: true, value: { path: null } });
    fireEvent.click(screen.getByTestId('planner-export-csv'));
    await waitFor(() => expect(exportFile).toHaveBeenCalled());
    const req = exportFile.mock.calls[0][0];
    expect(req.kind).toBe('csv');
    expect(req.suggestedName).toBe('example-pilot-plan.csv');
    const csv = String(req.data);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFsection,strategy,stage,branches_per_arm,weeks,metric,value,p05,p95',
    );
    expect(csv).toMatch(/\r\ncurve_branches,omni_fund,,2,2,power_conversion,/);
    expect(csv).toMatch(/\r\nrollout,omni_fund,all,,8,roi,/);
    expect(csv).toMatch(/\r\nselection,,,,,pilot_branches,B\d\d B\d\d,,\r\n/);
    const pdf = vi.spyOn(desktopApi, 'exportReportPdf').mockResolvedValue({ ok: true, value: null });
    fireEvent.click(screen.getByTestId('planner-export-pdf'));
    await waitFor(() => expect(pdf).toHaveBeenCalledWith({ suggestedName: 'example-pilot-plan.pdf' }));
  }, 60_000);

  it('cancels a running simulation', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow: PlannerSimulator = {
      populationSummary: inProcess.populationSummary,
      async run(_scenario, _settings, _point, onProgress, signal) {
        onProgress(1);
        await Promise.race([gate, new Promise((r) => signal.addEventListener('abort', r))]);
        throw new RunStopped();
      },
    };
    await renderPlanner(slow);
    type('planner-sim-branchesPerArm', '2');
    fireEvent.click(screen.getByTestId('planner-sim-run'));
    await waitFor(() => expect(screen.getByTestId('planner-sim-status').dataset.status).toBe('running'));
    await waitFor(() => expect(text('planner-sim-status-text')).toMatch(/Running: 1 \/ \d+ replications/));
    fireEvent.click(screen.getByTestId('planner-sim-cancel'));
    await waitFor(() => expect(screen.getByTestId('planner-sim-status').dataset.status).toBe('cancelled'));
    release();
    expect((screen.getByTestId('planner-sim-run') as HTMLButtonElement).disabled).toBe(false);
  });

  it('is the active run while it lasts: the run panel Cancel stops it, and it waits for another run', async () => {
    const slow: PlannerSimulator = {
      populationSummary: inProcess.populationSummary,
      async run(_scenario, _settings, _point, onProgress, signal) {
        onProgress(1);
        await new Promise((r) => signal.addEventListener('abort', r));
        throw new RunStopped();
      },
    };
    await renderPlanner(slow);
    type('planner-sim-branchesPerArm', '2');
    fireEvent.click(screen.getByTestId('planner-sim-run'));
    await waitFor(() => expect(text('planner-sim-status-text')).toMatch(/Running: 1 \/ \d+ replications/));
    expect(activeRun()).not.toBeNull();
    act(() => cancelActiveRun());
    await waitFor(() => expect(screen.getByTestId('planner-sim-status').dataset.status).toBe('cancelled'));
    expect(activeRun()).toBeNull();
    // A run holds the pool: the planner says so instead of starting beside it.
    const other = { cancel: () => {} };
    setActiveRun(other);
    try {
      fireEvent.click(screen.getByTestId('planner-sim-run'));
      await waitFor(() => expect(screen.getByTestId('planner-sim-status').dataset.status).toBe('busy'));
      expect(text('planner-sim-status-text')).toMatch(/Another simulation is running/);
      expect(activeRun()).toBe(other);
    } finally {
      setActiveRun(null);
    }
  });

  it('says why the pilot cannot run when the branches are too few', async () => {
    await renderPlanner();
    type('planner-sim-branchesPerArm', '5');
    type('planner-sim-replications', '2');
    fireEvent.click(screen.getByTestId('planner-sim-run'));
    await waitFor(() => expect(screen.getByTestId('planner-sim-status').dataset.status).toBe('error'));
    expect(text('planner-sim-status-text')).toBe(
      'Could not finish: Branches per arm (K): 5 needs 10 branches but the scenario has 8; expected at most 4 per arm',
    );
    await act(() => setLanguage('zh-CN'));
    expect(text('planner-sim-status-text')).toMatch(/5 需要 10 个网点，但场景只有 8 个；每组至多 4 个$/);
  });
});
