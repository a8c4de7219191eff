// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Executor } from '../../../sim/index';
import { echarts } from '../../components/charts/echarts-setup';
import { setLanguage } from '../../i18n';
import { inProcessExecutor, renderTiny } from '../../test/in-process';
import { SensitivityScreen } from './SensitivityScreen';
import { initialSensitivity, sensitivityStore } from './sensitivity-store';

echarts.setPlatformAPI({ createCanvas: () => undefined as unknown as HTMLCanvasElement });

afterEach(async () => {
  cleanup();
  sensitivityStore.setState(initialSensitivity());
  await setLanguage('en');
});

const inProcess = inProcessExecutor;

async function renderScreen(executor: Executor) {
  const store = await renderTiny(<SensitivityScreen executor={executor} />);
  fireEvent.change(screen.getByTestId('tornado-replications'), { target: { value: '6' } });
  return store;
}

describe('the sensitivity screen (tiny fixture, 3 priors, 6 replications per point)', () => {
  it('runs the tornado and shows one bar per assumption with its swing ± SE, in both languages', async () => {
    await renderScreen(inProcess());
    expect(screen.getByTestId('tornado-points-note').textContent).toContain(
      '7 runs of 6 replications (42 in all)',
    );
    fireEvent.click(screen.getByTestId('tornado-run'));
    await waitFor(() => expect(screen.getByTestId('tornado-status').dataset.status).toBe('done'), {
      timeout: 20_000,
    });
    const rows = within(screen.getByTestId('tornado-table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const state = sensitivityStore.getState();
    expect(state.figures).toHaveLength(7);
    expect(state.settings?.replications).toBe(6);
    expect(screen.getByTestId('tornado-base').textContent).toMatch(/^Modelled net new money · Base: ¥/);
    // Strategy app_activation never uses the AI call: its row reads 0 and "within 2 SE".
    fireEvent.change(screen.getByTestId('tornado-strategy'), { target: { value: 'app_activation' } });
    const ai = screen.getByTestId('tornado-row-channels[ai_call].responseEffect');
    expect(within(ai).getByTestId('tornado-swing').textContent).toBe('¥0 ± ¥0');
    expect(ai.textContent).toContain('within 2 SE');
    await setLanguage('zh-CN');
    await waitFor(() => expect(screen.getByText('龙卷风图 · 模型测算净新增资金')).toBeTruthy());
    expect(screen.getByTestId('tornado-status-text').textContent).toMatch(/^7 个点 × 6 次重复/);
  }, 30_000);

  it('cancel stops at once and keeps the points already done', async () => {
    await renderScreen(inProcess(3));
    fireEvent.click(screen.getByTestId('tornado-run'));
    await waitFor(() => expect(sensitivityStore.getState().figures.filter(Boolean)).toHaveLength(3), {
      timeout: 20_000,
    });
    fireEvent.click(screen.getByTestId('tornado-cancel'));
    await waitFor(() => expect(screen.getByTestId('tornado-status').dataset.status).toBe('cancelled'));
    // Base, then low and high of the first prior: one bar is complete.
    expect(within(screen.getByTestId('tornado-table')).getAllByRole('row')).toHaveLength(2);
  }, 30_000);

  it('runs the Sobol analysis and shows first-order and total indices with intervals', async () => {
    await renderScreen(inProcess());
    fireEvent.change(screen.getByTestId('sensitivity-method'), { target: { value: 'sobol' } });
    fireEvent.change(screen.getByTestId('tornado-replications'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('sobol-base-rows'), { target: { value: '4' } });
    expect(screen.getByTestId('tornado-points-note').textContent).toBe(
      '3 assumptions → N × (k + 2) = 4 × 5 = 20 runs of 2 replications (40 in all).',
    );
    fireEvent.click(screen.getByTestId('tornado-run'));
    await waitFor(() => expect(screen.getByTestId('tornado-status').dataset.status).toBe('done'), {
      timeout: 20_000,
    });
    fireEvent.change(screen.getByTestId('tornado-output'), { target: { value: 'conversionUplift' } });
    const rows = within(screen.getByTestId('sobol-table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(screen.getByTestId('sobol-noise').textContent).toMatch(/^Replication noise is \d/);
    expect(screen.getByTestId('tornado-status-text').textContent).toMatch(/^20 points × 2 replications/);
  }, 30_000);

  it('runs a one-way sweep of a parameter picked as in Compare, each point with its paired change', async () => {
    await renderScreen(inProcess());
    fireEvent.change(screen.getByTestId('sensitivity-method'), { target: { value: 'sweep' } });
    expect((screen.getByTestId('tornado-run') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('override-param-sweep-x'));
    fireEvent.click(screen.getByTestId('param-option-channels[sms].responseEffect'));
    fireEvent.change(screen.getByTestId('sweep-x-from'), { target: { value: '0.1' } });
    fireEvent.change(screen.getByTestId('sweep-x-to'), { target: { value: '0.3' } });
    fireEvent.change(screen.getByTestId('sweep-x-steps'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('tornado-replications'), { target: { value: '2' } });
    expect(screen.getByTestId('tornado-points-note').textContent).toBe(
      '3 points × 2 replications (6 in all), on common random numbers.',
    );
    fireEvent.click(screen.getByTestId('tornado-run'));
    await waitFor(() => expect(screen.getByTestId('tornado-status').dataset.status).toBe('done'), {
      timeout: 20_000,
    });
    const rows = within(screen.getByTestId('sweep-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.firstElementChild?.textContent)).toEqual(['0.1', '0.2', '0.3']);
    expect(within(rows[0]).getByTestId('sweep-change').textContent).toBe('¥0 ± ¥0');
  }, 30_000);
});
