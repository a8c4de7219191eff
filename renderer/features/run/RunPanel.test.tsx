// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunOptions, RunOutcome } from '../../sim-client/pool';
import { renderWithStore, setupStore } from '../../test/render';
import { RunPanel } from './RunPanel';

const pool = vi.hoisted(() => ({
  calls: [] as Array<{
    settings: unknown;
    opts: RunOptions;
    cancel: ReturnType<typeof vi.fn>;
    finish(o: RunOutcome): void;
  }>,
}));

vi.mock('../../sim-client/pool', () => ({
  startRun: (_scenario: unknown, settings: unknown, opts: RunOptions) => {
    let finish: (o: RunOutcome) => void = () => {};
    const result = new Promise<RunOutcome>((resolve) => {
      finish = resolve;
    });
    const cancel = vi.fn(() => finish({ status: 'cancelled', summary: null }));
    pool.calls.push({ settings, opts, cancel, finish });
    return { cancel, result };
  },
}));

beforeEach(() => {
  pool.calls.length = 0;
});
afterEach(cleanup);

describe('run panel', () => {
  it('runs with the scenario settings, streams progress with ETA, and cancels', async () => {
    const store = await setupStore();
    renderWithStore(store, <RunPanel />);
    expect(screen.getByTestId('run-status-text').textContent).toBe('Ready to run');
    fireEvent.click(screen.getByTestId('run-button'));

    expect(pool.calls).toHaveLength(1);
    expect(pool.calls[0].settings).toEqual({ seed: 'sandtable-omni-2026', replications: 400 });
    expect(pool.calls[0].opts.workers).toBe(3);
    expect(screen.getByTestId('run-status').dataset.status).toBe('running');

    act(() => pool.calls[0].opts.onProgress?.({ done: 100, planned: 400, elapsedMs: 2000 }));
    const text = screen.getByTestId('run-status-text').textContent;
    expect(text).toContain('100 / 400 replications');
    expect(text).toContain('50 rep/s');
    expect(text).toContain('about 6 s left');
    expect(screen.getByTestId('run-status-bar').getAttribute('aria-valuenow')).toBe('100');
    expect((screen.getByTestId('run-workers') as HTMLInputElement).disabled).toBe(true);

    await act(async () => {
      fireEvent.click(screen.getByTestId('cancel-button'));
      await Promise.resolve();
    });
    expect(pool.calls[0].cancel).toHaveBeenCalled();
    expect(screen.getByTestId('run-status').dataset.status).toBe('cancelled');
    expect(screen.getByTestId('run-status-text').textContent).toBe('Cancelled after 100 / 400 replications');
    expect((screen.getByTestId('run-button') as HTMLButtonElement).disabled).toBe(false);
  });

  it('passes the worker count and seed typed in the panel', async () => {
    const store = await setupStore();
    renderWithStore(store, <RunPanel />);
    fireEvent.change(screen.getByTestId('run-workers'), { target: { value: '2' } });
    fireEvent.change(screen.getByTestId('run-field-monteCarlo.seed'), { target: { value: 'abc' } });
    fireEvent.change(screen.getByTestId('run-field-monteCarlo.replications'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('run-button'));
    expect(pool.calls[0].settings).toEqual({ seed: 'abc', replications: 20 });
    expect(pool.calls[0].opts.workers).toBe(2);
    await act(async () => {
      pool.calls[0].finish({ status: 'error', error: 'worker crashed', summary: null });
      await Promise.resolve();
    });
    expect(screen.getByTestId('run-status-text').textContent).toBe('Run failed: worker crashed');
  });

  it('shows the estimate, asks before a large run (500,000 customers) and runs only when confirmed', async () => {
    const store = await setupStore((d) => void (d.population.size = 500_000));
    renderWithStore(store, <RunPanel />);
    expect(screen.getByTestId('run-estimate').textContent).toMatch(
      /^estimate: about \d+ s with 3 worker\(s\) \(\d+ ms of CPU a replication\), peak memory about \d+ MB$/,
    );
    fireEvent.click(screen.getByTestId('run-button'));
    expect(pool.calls).toHaveLength(0);
    expect(screen.getByTestId('run-ask').textContent).toContain('This is a large run: estimate: about');
    fireEvent.click(screen.getByTestId('run-ask-cancel'));
    expect(screen.queryByTestId('run-ask')).toBeNull();
    expect(pool.calls).toHaveLength(0);
    fireEvent.click(screen.getByTestId('run-button'));
    fireEvent.click(screen.getByTestId('run-ask-confirm'));
    expect(pool.calls).toHaveLength(1);
  });

  it('refuses a run that would not fit in memory (5,000,000 customers), saying what to reduce', async () => {
    const store = await setupStore((d) => void (d.population.size = 5_000_000));
    renderWithStore(store, <RunPanel />);
    expect((screen.getByTestId('run-button') as HTMLButtonElement).disabled).toBe(true);
    const reason = screen.getByTestId('run-disabled-reason').textContent ?? '';
    expect(reason).toMatch(/^Too big to run here: this run would need about \d+ MB of memory/);
    expect(reason).toContain('5000000 customers take');
    expect(reason).toContain('Reduce the replications, the population size or the workers');
    expect(screen.queryByTestId('run-estimate')).toBeNull();
  });

  it('is disabled with the reason while the scenario is invalid', async () => {
    const store = await setupStore((doc) => {
      doc.population.size = 5;
    });
    renderWithStore(store, <RunPanel />);
    const run = screen.getByTestId('run-button') as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    expect(screen.getByTestId('run-disabled-reason').textContent).toBe(
      'Fix 1 error in the scenario to run it',
    );
    expect(run.getAttribute('aria-describedby')).toBe('run-disabled-reason');
    fireEvent.click(run);
    expect(pool.calls).toHaveLength(0);
  });
});
