// @vitest-environment jsdom
// The dashboard in a browser: its first render comes in short steps, charts wait to be on screen.
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { echarts } from '../../components/charts/echarts-setup';
import { FakeIntersectionObserver } from '../../components/charts/fake-intersection-observer';
import { runSummaryFixture } from './fixtures';
import { ResultsDashboard } from './ResultsDashboard';
import { renderWithI18n } from './test-utils';

declare global {
  // React's flag for act() warnings: the reveal steps run on timers, outside act.
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let actEnvironment: boolean | undefined;
beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  actEnvironment = globalThis.IS_REACT_ACT_ENVIRONMENT;
  globalThis.IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  globalThis.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
});

describe('ResultsDashboard, paced', () => {
  it('mounts its sections one by one after the first render, and draws a chart once on screen', async () => {
    renderWithI18n(<ResultsDashboard summary={runSummaryFixture()} isRunning />);
    await waitFor(() =>
      expect(screen.getByTestId('provisional-banner').textContent).toMatch(/^Provisional: /),
    );
    const sectionsAt = (): number => document.querySelectorAll('.st-section').length;
    const seen = new Set<number>();
    await waitFor(() => {
      seen.add(sectionsAt());
      expect(screen.queryByTestId('channel-table')).not.toBeNull();
    });
    // Seven sections after the KPIs, added over several renders.
    expect(sectionsAt()).toBe(7);
    expect(seen.size).toBeGreaterThan(1);
    expect(screen.getByTestId('kpi-conversion-uplift-value').textContent).toBe('+3.00 pp');
    expect(screen.getByTestId('naive-uplift-value').textContent).toBe('+24.40 pp');

    const funnel = screen.getByTestId('funnel-chart');
    expect(echarts.getInstanceByDom(funnel)).toBeUndefined();
    FakeIntersectionObserver.setOnScreen(funnel, true);
    await waitFor(() => expect(funnel.querySelector('svg')).not.toBeNull());
    // Charts off screen are still placeholders of their own height.
    const weekly = screen.getByTestId('weekly-chart');
    expect(weekly.querySelector('svg')).toBeNull();
    expect(weekly.style.height).toBe('340px');
  });
});
