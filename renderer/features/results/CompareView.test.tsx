// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CompareView } from './CompareView';
import { compareVariantsFixture } from './fixtures';
import { renderWithI18n } from './test-utils';

afterEach(cleanup);

describe('CompareView', () => {
  it.each([2, 3, 4])('renders one column per variant (%i)', (n) => {
    const variants = compareVariantsFixture([0, 0.5, -0.3, 0.2].slice(0, n));
    renderWithI18n(<CompareView variants={variants} />);
    for (let i = 0; i < n; i++)
      expect(screen.getByTestId(`compare-variant-${i}`).textContent).toContain(variants[i].name);
    expect(screen.queryByTestId(`compare-variant-${n}`)).toBeNull();
    expect(screen.getAllByRole('columnheader')).toHaveLength(n + 1);
  });

  it('shows each KPI and its paired difference to the first variant', () => {
    renderWithI18n(<CompareView variants={compareVariantsFixture([0, 0.5, -0.3])} />);
    expect(screen.getByTestId('compare-conversion-uplift-0-value').textContent).toBe('+3.00 pp');
    expect(screen.getByTestId('compare-conversion-uplift-1-value').textContent).toBe('+3.50 pp');
    expect(screen.queryByTestId('compare-conversion-uplift-0-diff')).toBeNull();
    // Common random numbers: the difference is exactly the shift in every replication.
    expect(screen.getByTestId('compare-conversion-uplift-1-diff').textContent).toBe(
      'Δ vs base +0.50 pp (+0.50 pp – +0.50 pp) P(> base) 100%',
    );
    expect(screen.getByTestId('compare-conversion-uplift-2-diff').textContent).toContain(
      'Δ vs base -0.30 pp',
    );
    expect(screen.getByTestId('compare-roi-1-diff').textContent).toContain('Δ vs base +0.25');
    // No samples for the total: mean difference only.
    expect(screen.getByTestId('compare-new-money-total-1-diff').textContent).toBe('Δ vs base ¥0');
  });

  it('does not pair variants with different seeds', () => {
    const variants = compareVariantsFixture([0, 0.5]);
    variants[1].summary.seed = 'another-seed';
    renderWithI18n(<CompareView variants={variants} />);
    expect(screen.getByTestId('compare-conversion-uplift-1-diff').textContent).toBe('Δ vs base +0.50 pp');
    expect(screen.queryAllByText(/do not share the seed/)).toHaveLength(1);
  });

  it('switches strategy and caps the view at four variants', () => {
    renderWithI18n(<CompareView variants={compareVariantsFixture([0, 0.1, 0.2, 0.3, 0.4])} />);
    expect(screen.queryByTestId('compare-variant-4')).toBeNull();
    expect(screen.queryAllByText('Showing the first 4 of 5 variants.')).toHaveLength(1);
    expect(screen.getAllByTestId(/^compare-variant-\d+$/)).toHaveLength(4);
    fireEvent.change(screen.getByTestId('compare-strategy'), { target: { value: 'payroll-push' } });
    expect(screen.getByTestId('compare-conversion-uplift-0-value').textContent).toBe('+0.80 pp');
    expect(screen.getByTestId('compare-chart').querySelector('svg')).not.toBeNull();
  });

  it('shows an empty state without variants', () => {
    renderWithI18n(<CompareView variants={[]} />);
    expect(screen.getByTestId('compare-empty').textContent).toBe(
      'Nothing to compare yet: run at least two variants.',
    );
  });
});
