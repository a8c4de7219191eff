// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Scenario, simApi } from '../../../sim/index';
import en from '../../i18n/en.json';
import zh from '../../i18n/zh-CN.json';
import type { AppStoreApi } from '../../state/store';
import { renderWithStore, setupStore } from '../../test/render';
import { TargetSummary } from './TargetSummary';
import { useValidation } from './useValidation';

// The preview worker, in process: the same simApi the worker runs.
vi.mock('../../sim-client/population-client', () => ({
  requestPopulationSummary: async (scenario: Scenario) => ({
    ok: true,
    summary: simApi.populationSummary(scenario),
  }),
}));

function Harness() {
  useValidation(10);
  return <TargetSummary base="strategies[0]" />;
}

type Doc = { strategies: Array<{ target: { rules: unknown[]; topK?: unknown } }> };

/** The example with a smaller population, so each preview builds in a few milliseconds. */
function small(edit?: (doc: Doc) => void) {
  return setupStore((d) => {
    d.population.size = 4000;
    edit?.(d as unknown as Doc);
  });
}

function rules(store: AppStoreApi): unknown[] {
  return (store.getState().doc as Doc).strategies[0].target.rules;
}

afterEach(cleanup);

describe('target rule editor', () => {
  it('shows the rules as rows; changing the attribute resets the row to a valid rule', async () => {
    const store = await small();
    renderWithStore(store, <Harness />);
    expect((screen.getByTestId('rule-attr-0-0') as HTMLSelectElement).value).toBe('tier');
    expect(screen.getByTestId('rule-values-0-0-mass').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('rule-values-0-0-long_tail').getAttribute('aria-pressed')).toBe('false');

    const attrSelect = screen.getByTestId('rule-attr-0-0');
    fireEvent.change(attrSelect, { target: { value: 'aum_cny' } });
    expect(rules(store)[0]).toEqual({ attr: 'aum_cny', op: 'gte', value: 50_000 });
    // The row is updated in place (keyboard focus stays on the select).
    expect(screen.getByTestId('rule-attr-0-0')).toBe(attrSelect);
    const ops = [...(screen.getByTestId('rule-op-0-0') as HTMLSelectElement).options].map((o) => o.value);
    expect(ops).toEqual(['gte', 'lte']);

    fireEvent.change(screen.getByTestId('rule-attr-0-0'), { target: { value: 'is_payroll' } });
    expect(rules(store)[0]).toEqual({ attr: 'is_payroll', value: 1 });
    fireEvent.change(screen.getByTestId('rule-value-0-0'), { target: { value: '0' } });
    expect(rules(store)[0]).toEqual({ attr: 'is_payroll', value: 0 });

    // 40 branches: a filterable checklist; the reset picks the first branch.
    fireEvent.change(screen.getByTestId('rule-attr-0-0'), { target: { value: 'branch' } });
    expect(rules(store)[0]).toEqual({ attr: 'branch', op: 'in', values: ['B01'] });
    fireEvent.change(screen.getByTestId('rule-values-0-0-filter'), { target: { value: 'B1' } });
    const list = within(screen.getByTestId('rule-values-0-0')).getAllByRole('checkbox');
    expect(list).toHaveLength(10); // B10–B19
    fireEvent.click(screen.getByTestId('rule-values-0-0-B12'));
    expect(rules(store)[0]).toEqual({ attr: 'branch', op: 'in', values: ['B01', 'B12'] });

    await waitFor(() => expect(store.getState().validatedText).toBe(store.getState().text));
    expect(store.getState().issues).toEqual([]);
    expect(store.getState().scenario?.strategies[0].target.rules[0]).toEqual({
      attr: 'branch',
      op: 'in',
      values: ['B01', 'B12'],
    });
  });

  it('adds and removes rules, and toggles values in the document', async () => {
    const store = await small();
    renderWithStore(store, <Harness />);
    const second = rules(store)[1];
    fireEvent.click(screen.getByTestId('rule-add-0'));
    expect(rules(store)).toHaveLength(3);
    expect(rules(store)[2]).toEqual({ attr: 'tier', op: 'in', values: ['long_tail'] });
    expect((screen.getByTestId('rule-attr-0-2') as HTMLSelectElement).value).toBe('tier');

    fireEvent.click(screen.getByTestId('rule-remove-0-0'));
    expect(rules(store)).toHaveLength(2);
    expect(rules(store)[0]).toEqual(second);

    fireEvent.click(screen.getByTestId('rule-values-0-1-mass'));
    expect(rules(store)[1]).toEqual({ attr: 'tier', op: 'in', values: ['long_tail', 'mass'] });
    fireEvent.click(screen.getByTestId('rule-remove-0-1'));
    fireEvent.click(screen.getByTestId('rule-remove-0-0'));
    expect(rules(store)).toEqual([]);
    expect(screen.getByTestId('rules-empty-0').textContent).toBe(
      'No rules: every customer is in the segment.',
    );
  });

  it('shows an unknown value from the raw document as an error at its row, and lets it be removed', async () => {
    const store = await small((d) => {
      d.strategies[0].target.rules[0] = { attr: 'tier', op: 'in', values: ['mass', 'gold'] };
    });
    renderWithStore(store, <Harness />);
    const error = await screen.findByTestId('rule-error-0-0');
    expect(error.textContent).toContain('"gold"');
    expect(screen.queryByTestId('rule-error-0-1')).toBeNull();
    expect(screen.getByTestId('rule-values-0-0').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('segment-invalid-0').textContent).toBe(
      "Fix the scenario's errors to count this segment.",
    );

    fireEvent.click(screen.getByTestId('rule-values-0-0-unknown-gold'));
    expect(rules(store)[0]).toEqual({ attr: 'tier', op: 'in', values: ['mass'] });
    await waitFor(() => expect(screen.queryByTestId('rule-error-0-0')).toBeNull());
  });

  it('shows the live segment size and warns when it is empty', async () => {
    const store = await small();
    renderWithStore(store, <Harness />);
    const scenario = store.getState().scenario as Scenario;
    const seg = simApi.populationSummary(scenario).segments?.[0];
    const matched = await screen.findByTestId('segment-matched-0', {}, { timeout: 5000 });
    expect(matched.textContent).toContain(`${seg?.matched.customers.toLocaleString('en-US')} customers`);
    expect(screen.getByTestId('segment-after-0').textContent).toContain(
      `${seg?.afterTopK?.customers.toLocaleString('en-US')} customers`,
    );
    expect(screen.getByTestId('segment-tiers-0').textContent).toContain('Mass');

    // Two tier rules that cannot both hold: nobody is left.
    fireEvent.change(screen.getByTestId('rule-attr-0-1'), { target: { value: 'tier' } });
    expect(rules(store)[1]).toEqual({ attr: 'tier', op: 'in', values: ['long_tail'] });
    fireEvent.click(screen.getByTestId('rule-values-0-1-long_tail')); // off
    fireEvent.click(screen.getByTestId('rule-values-0-1-private'));
    expect(rules(store)[1]).toEqual({ attr: 'tier', op: 'in', values: ['private'] });
    expect((await screen.findByTestId('segment-empty-0', {}, { timeout: 5000 })).textContent).toContain(
      'reach nobody',
    );
    expect(screen.getByTestId('segment-matched-0').textContent).toContain('0 customers');
  });
});

describe('rule editor translations', () => {
  it('Chinese has every strategies key English has (plural forms aside)', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object'
          ? keys(v, `${prefix}${k}.`)
          : [`${prefix}${k}`.replace(/_(one|other)$/, '')],
      );
    expect([...new Set(keys(zh.strategies))].sort()).toEqual([...new Set(keys(en.strategies))].sort());
  });
});
