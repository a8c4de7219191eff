// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Scenario, simApi } from '../../../sim/index';
import { renderWithStore, setupStore } from '../../test/render';
import { resetPopulationPreviewCache, usePopulationPreview } from './usePopulationPreview';

// The real worker client's rule: a newer request supersedes an older one (it resolves null).
const requests = vi.hoisted(() => ({ count: 0, latest: 0 }));
vi.mock('../../sim-client/population-client', () => ({
  requestPopulationSummary: async (scenario: Scenario) => {
    const ticket = ++requests.latest;
    requests.count++;
    await new Promise((r) => setTimeout(r, 5));
    return ticket === requests.latest ? { ok: true, summary: simApi.populationSummary(scenario) } : null;
  },
}));

function Probe({ name }: { name: string }) {
  const { summary, isUpdating } = usePopulationPreview(1);
  return (
    <p data-testid={name} data-updating={String(isUpdating)}>
      {summary ? summary.size : 'none'}
    </p>
  );
}

const small = () => setupStore((d) => void (d.population.size = 3000));

beforeEach(() => {
  resetPopulationPreviewCache();
  requests.count = 0;
});
afterEach(cleanup);

describe('usePopulationPreview', () => {
  it('two panels at once share one request, and both get the summary', async () => {
    const store = await small();
    renderWithStore(
      store,
      <>
        <Probe name="a" />
        <Probe name="b" />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('3000'));
    await waitFor(() => expect(screen.getByTestId('b').textContent).toBe('3000'));
    expect(requests.count).toBe(1);
  });

  it('a panel mounted later shows the last summary at once, without rebuilding it', async () => {
    const store = await small();
    const first = renderWithStore(store, <Probe name="a" />);
    await waitFor(() => expect(screen.getByTestId('a').textContent).toBe('3000'));
    first.unmount();
    renderWithStore(store, <Probe name="c" />);
    expect(screen.getByTestId('c').textContent).toBe('3000');
    expect(screen.getByTestId('c').dataset.updating).toBe('false');
    expect(requests.count).toBe(1);
  });
});
