// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { populationSummaryFixture } from './fixtures';
import { PopulationPreview } from './PopulationPreview';
import { renderWithI18n } from './test-utils';

afterEach(cleanup);

describe('PopulationPreview', () => {
  it('calls out the top-2% AUM share against its target', () => {
    renderWithI18n(<PopulationPreview summary={populationSummaryFixture()} />);
    expect(screen.getByTestId('top-share-callout').textContent).toBe(
      'Top 2% of customers hold 79.0% of AUM (target 80%).',
    );
    expect(screen.getByTestId('population-size').textContent).toContain('120,000');
    expect(screen.getByTestId('population-longTail').textContent).toContain('target 80%');
  });

  it('renders the Lorenz curve, tier mix, grid heatmap and branch sizes', () => {
    renderWithI18n(<PopulationPreview summary={populationSummaryFixture()} />);
    for (const id of ['lorenz-chart', 'tier-mix-chart', 'population-heatmap', 'branch-size-chart']) {
      expect(screen.getByTestId(id).querySelector('svg')).not.toBeNull();
    }
    const select = screen.getByTestId('population-occupation') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual([
      'all',
      'salaried',
      'self_employed',
      'civil_servant',
      'other',
    ]);
    fireEvent.change(select, { target: { value: 'civil_servant' } });
    expect(select.value).toBe('civil_servant');
  });

  it('speaks Chinese', () => {
    renderWithI18n(<PopulationPreview summary={populationSummaryFixture()} />, 'zh-CN');
    expect(screen.getByTestId('top-share-callout').textContent).toBe(
      '前 2% 的客户持有 79.0% 的 AUM（目标 80%）。',
    );
    expect(screen.getByTestId('population-totalAum').textContent).toContain('624亿元');
    expect(screen.queryAllByText('公职').length).toBeGreaterThan(0);
    expect(screen.queryAllByText('Public sector')).toHaveLength(0);
  });
});
