// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Executor, getValue } from '../../../sim/index';
import { echarts } from '../../components/charts/echarts-setup';
import { setLanguage } from '../../i18n';
import { inProcessExecutor, renderTiny } from '../../test/in-process';
import { OptimizeScreen } from './OptimizeScreen';
import { initialOptimize, optimizeStore } from './optimize-store';

echarts.setPlatformAPI({ createCanvas: () => undefined as unknown as HTMLCanvasElement });

afterEach(async () => {
  cleanup();
  optimizeStore.setState(initialOptimize());
  await setLanguage('en');
});

const HOLDOUT = 'strategies[omni_fund].holdout.share';

const inProcess = inProcessExecutor;

const type = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

async function renderScreen(executor: Executor) {
  const store = await renderTiny(<OptimizeScreen executor={executor} />);
  // omni_fund's holdout share at 0.05, 0.1 (the current plan), 0.15; its modelled value, cost capped.
  fireEvent.click(screen.getByTestId('override-param-opt-var-0'));
  fireEvent.click(screen.getByTestId(`param-option-${HOLDOUT}`));
  type('opt-var-0-from', '0.05');
  type('opt-var-0-to', '0.15');
  type('opt-var-0-step', '0.05');
  type('opt-objective-strategy', 'omni_fund');
  fireEvent.click(screen.getByTestId('opt-constraint-add'));
  type('opt-constraint-0-max', '1e12');
  type('opt-screening-replications', '2');
  type('opt-selection-finalists', '2');
  type('opt-selection-indifference', '1e9');
  type('opt-selection-maxReplications', '4');
  return store;
}

describe('the optimizer screen (tiny fixture, holdout share 0.05–0.15)', () => {
  it('shows the schema problems at their fields and will not run until they are fixed', async () => {
    await renderScreen(inProcess());
    expect(screen.getByTestId('opt-var-0-count').textContent).toBe('3 values to try');
    type('opt-var-0-to', '0.01');
    expect(screen.getByTestId('opt-var-0-to-error').textContent).toBe('Must be above From.');
    type('opt-selection-confidence', '1.2');
    expect(screen.getByTestId('opt-selection-confidence-error').textContent).toBe('Must be less than 1.');
    type('opt-constraint-0-max', '');
    expect(screen.getByTestId('opt-constraint-0-error').textContent).toBe(
      'Give a minimum, a maximum or both.',
    );
    expect(screen.getByTestId('opt-form-problems').textContent).toBe(
      '3 problems in the form (each marked at its field).',
    );
    expect((screen.getByTestId('opt-run') as HTMLButtonElement).disabled).toBe(true);
    await setLanguage('zh-CN');
    await waitFor(() => expect(screen.getByTestId('opt-var-0-to-error').textContent).toBe('必须大于起点。'));
  }, 30_000);

  it('runs, streams the search, reports the finalists vs the current plan and uses the plan', async () => {
    const store = await renderScreen(inProcess());
    expect(screen.getByTestId('opt-plan-note').textContent).toContain(
      '3 grid candidates and the current plan × 2 replications; refinement: up to 12 points between grid points × 2 (at most 32 replications before selection)',
    );
    fireEvent.click(screen.getByTestId('opt-run'));
    await waitFor(() => expect(screen.getByTestId('opt-status').dataset.status).toBe('done'), {
      timeout: 20_000,
    });
    const s = optimizeStore.getState();
    // Screening: the current plan (0.1) and the two other grid points; selection: current + finalists.
    expect(s.evaluations.filter((e) => e.stage === 'screening').map((e) => e.values[0])).toEqual([
      0.1, 0.05, 0.15,
    ]);
    expect(s.result?.selectionReplications).toBe(2);
    expect(screen.getByTestId('opt-search-chart')).toBeTruthy();
    // Finalists best first; the current plan once (a finalist itself, or its own row at the end).
    const rows = within(screen.getByTestId('opt-finalists')).getAllByRole('row').slice(1);
    const finalists = s.result?.finalists ?? [];
    const currentIsFinalist = finalists.some((f) => f.values[0] === 0.1);
    expect(rows).toHaveLength(finalists.length + (currentIsFinalist ? 0 : 1));
    expect(rows.filter((r) => r.dataset.kind === 'current')).toHaveLength(1);
    expect(rows[0].dataset.kind).toBe('chosen');
    // The search path in the order it ran: 3 screened, the refinement's points, the selection re-runs.
    const path = within(screen.getByTestId('opt-path-table')).getAllByRole('row').slice(1);
    expect(path).toHaveLength(s.evaluations.length);
    expect(path[0].textContent).toMatch(/^1Screening · Current plan0\.12/);
    const refinement = s.result?.refinement;
    expect(refinement).toBeTruthy();
    if (!refinement) return;
    const refined = s.evaluations.filter((e) => e.stage === 'refinement');
    expect(refined).toHaveLength(refinement.evaluations);
    expect(refined.length).toBeGreaterThan(0);
    expect(path.filter((r) => /^\d+Refinement/.test(r.textContent ?? ''))).toHaveLength(refined.length);
    // Refinement points lie between the grid's (0.05 steps) and on the halved steps (0.00625 at the end).
    for (const e of refined)
      expect(Math.round((e.values[0] as number) / 0.00625) * 0.00625).toBeCloseTo(e.values[0] as number, 9);
    expect(refined.some((e) => Math.abs(((e.values[0] as number) / 0.05) % 1) > 1e-9)).toBe(true);
    expect(screen.getByTestId('opt-status-text').textContent).toMatch(
      new RegExp(
        `^3 candidates × 2 replications screened, ${refined.length} refinement points, 2 finalists × 2 replications compared`,
      ),
    );
    const summary = screen.getByTestId('opt-refinement-text').textContent ?? '';
    expect(summary).toMatch(
      new RegExp(
        `^(From the best grid point Strategy · .* = 0\\.05 to .*|The best grid point .* stayed the best: ${refined.length} new points.*)`,
      ),
    );
    expect(summary).toContain(`Smallest step tried: `);
    expect(summary).toContain(`Holdout share ± ${refinement.finalSteps[0]}.`);
    // The store keeps the core's best so far: at the end the selected plan (selection ran at n0 here,
    // on the same random numbers, so its first evaluation keeps the place).
    expect(s.best?.values).toEqual(s.result?.best?.values);
    expect(s.best?.objective).toBe(s.result?.best?.objective);
    // A smaller holdout treats more customers: the selected plan is at most 0.05, better than the current plan.
    const best = s.result?.best;
    const share = best?.values[0] as number;
    expect(share).toBeLessThanOrEqual(0.05);
    expect(best?.vsCurrent.diff).toBeGreaterThan(0);
    expect(screen.getByTestId('opt-best-0').textContent).toContain('Strategy · ');
    expect(screen.getByTestId('opt-best-0').textContent).toContain(`${share} (now 0.1)`);
    const gain = screen.getByTestId('opt-best-gain').textContent;
    expect(gain).toMatch(/vs the current plan: ¥.* ± ¥.* \(90% interval .*\), paired on 2 replications\./);
    expect(gain).toContain(
      (best?.vsCurrent.low ?? 0) > 0 ? 'The interval leaves out 0' : 'The interval includes 0',
    );
    // Apply: one edit, undone by one undo.
    fireEvent.click(screen.getByTestId('opt-apply'));
    expect(getValue(store.getState().doc, HOLDOUT)).toEqual({ ok: true, value: share });
    expect(screen.getByTestId('opt-stale')).toBeTruthy();
    expect(store.getState().undo()).toBe(true);
    expect(getValue(store.getState().doc, HOLDOUT)).toEqual({ ok: true, value: 0.1 });
    // As a Compare variant: the current plan first (nothing was saved), then the optimizer's plan.
    await waitFor(() =>
      expect((screen.getByTestId('opt-add-variant') as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByTestId('opt-add-variant'));
    expect(store.getState().variants).toEqual([
      { id: 'v1', name: 'Current scenario', overrides: [] },
      { id: 'v2', name: "Optimizer's plan", overrides: [{ path: HOLDOUT, value: share }] },
    ]);
    expect(store.getState().screen).toBe('compare');
  }, 30_000);

  it('shows the refinement stage with one ETA for the whole run, and a trade-off that follows the objective', async () => {
    // 3 screening runs, one refinement point, then the second refinement point waits for cancel.
    await renderScreen(inProcess(4));
    expect(screen.getByTestId('opt-tradeoff-hint').textContent).toContain(
      "follows the objective's, so the front weighs the objective against Total cost of the same strategy (now Omni-channel fund referral).",
    );
    expect((screen.getByTestId('opt-tradeoff-strategy') as HTMLSelectElement).value).toBe('omni_fund');
    fireEvent.click(screen.getByTestId('opt-run'));
    await waitFor(() => expect(optimizeStore.getState().evaluations).toHaveLength(4), { timeout: 20_000 });
    const s = optimizeStore.getState();
    expect(s.evaluations[3].stage).toBe('refinement');
    expect(s.stage).toBe('refinement');
    // Overall: 3 × 2 screened + 2 refined of a forecast 3 × 2 + 12 × 2 refinement + 3 × 2 selection.
    expect([s.overallDone, s.overallTotal]).toEqual([8, 36]);
    expect(screen.getByTestId('opt-status-text').textContent).toMatch(
      /^Refinement between grid points: point 2 of at most 12 · 2 \/ 24 replications · ETA for the whole run \d/,
    );
    expect(screen.getByTestId('opt-bar').getAttribute('aria-valuenow')).toBe('8');
    expect(screen.getByTestId('opt-bar').getAttribute('aria-valuemax')).toBe('36');
    // The best so far is the core's, across screening and refinement.
    const g = (e: { objective: number }) => e.objective;
    const feasible = s.evaluations.filter((e) => e.feasible);
    expect(s.best && g(s.best)).toBe(Math.max(...feasible.map(g)));
    fireEvent.click(screen.getByTestId('opt-cancel'));
    await waitFor(() => expect(screen.getByTestId('opt-status').dataset.status).toBe('cancelled'));
  }, 30_000);

  it('cancel stops at once and keeps the candidates evaluated so far', async () => {
    await renderScreen(inProcess(2));
    fireEvent.click(screen.getByTestId('opt-run'));
    await waitFor(() => expect(optimizeStore.getState().evaluations).toHaveLength(2), { timeout: 20_000 });
    expect(screen.getByTestId('opt-status-text').textContent).toMatch(
      /^Screening candidate 3 of 3 · 4 \/ 6 replications · ETA/,
    );
    fireEvent.click(screen.getByTestId('opt-cancel'));
    await waitFor(() => expect(screen.getByTestId('opt-status').dataset.status).toBe('cancelled'));
    expect(screen.getByTestId('opt-status-text').textContent).toBe(
      'Cancelled; the 2 candidates evaluated so far are shown.',
    );
    expect(screen.getByTestId('opt-search-chart')).toBeTruthy();
    expect(screen.queryByTestId('opt-finalists')).toBeNull();
  }, 30_000);
});
