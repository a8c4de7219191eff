// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStore, setupStore } from '../../test/render';
import { BandsCard } from '../editor/BandsCard';
import { GroupShares } from '../editor/GroupShares';
import { OffersSection } from '../editor/OffersSection';
import { useUndoShortcuts } from '../shell/useUndoShortcuts';

afterEach(cleanup);

function Harness() {
  useUndoShortcuts();
  return <OffersSection />;
}

type Doc = {
  products: { id: string }[];
  strategies: { offer: { product: string }; target: { rules: { attr: string; values?: string[] }[] } }[];
  uncertainty: { param: string }[];
};

describe('deleting a referenced product', () => {
  it('lists every reference that will change, applies them, and Undo restores them', async () => {
    const store = await setupStore();
    const before = store.getState().text;
    renderWithStore(store, <Harness />);
    fireEvent.click(screen.getByTestId('delete-product-fund'));
    const dialog = screen.getByTestId('delete-dialog');
    const refs = within(screen.getByTestId('delete-references'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(refs).toEqual([
      'strategies[0].offer.productin strategy omni_fund→ wmp',
      'strategies[0].target.rules[1].valuesin strategy omni_fund→ removed',
      'uncertainty[2]→ removed',
      'ledger[2]→ removed',
    ]);
    // Point the offer elsewhere, then confirm.
    fireEvent.change(within(dialog).getByTestId('delete-replacement'), { target: { value: 'large_cd' } });
    expect(within(dialog).queryAllByText('→ large_cd')).toHaveLength(1);
    fireEvent.click(within(dialog).getByTestId('delete-confirm'));
    expect(screen.queryByTestId('delete-dialog')).toBeNull();
    const doc = store.getState().doc as Doc;
    expect(doc.products.map((p) => p.id)).not.toContain('fund');
    expect(doc.strategies[0].offer.product).toBe('large_cd');
    expect(doc.strategies[0].target.rules.map((r) => r.attr)).toEqual(['tier']);
    expect(doc.uncertainty.map((u) => u.param)).not.toContain('products[fund].propensity.base');
    expect(screen.queryByTestId('product-fund')).toBeNull();

    // One Ctrl+Z brings the product and every reference back.
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(store.getState().text).toBe(before);
    expect(screen.queryAllByTestId('product-fund')).toHaveLength(1);
  });

  it('cancelling changes nothing', async () => {
    const store = await setupStore();
    const before = store.getState().text;
    renderWithStore(store, <Harness />);
    fireEvent.click(screen.getByTestId('delete-incentive-fee_coupon'));
    expect(screen.getByTestId('delete-references').textContent).toContain('strategies[0].incentive');
    fireEvent.click(screen.getByTestId('delete-cancel'));
    expect(store.getState().text).toBe(before);
  });
});

function PopulationHarness() {
  useUndoShortcuts();
  return (
    <>
      <BandsCard kind="tier" />
      <GroupShares path="population.lifeStages" />
    </>
  );
}

type PopDoc = {
  population: {
    tiers: { id: string; minAumCny: number }[];
    lifeStages: { id: string; share: number }[];
    app: { userShareByTier: Record<string, number> };
  };
  strategies: { target: { rules: { attr: string; values?: string[] }[] } }[];
};

describe('deleting a tier or a life stage', () => {
  it('lists the tier-keyed multipliers and rule values, removes them, and Undo restores them', async () => {
    const store = await setupStore();
    const before = store.getState().text;
    renderWithStore(store, <PopulationHarness />);
    fireEvent.click(screen.getByTestId('delete-tier-private'));
    const refs = within(screen.getByTestId('delete-references'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(refs).toContain('population.app.userShareByTier.private→ removed');
    expect(refs).toContain('strategies[3].target.rules[0].valuesin strategy inflow_wm→ removed');
    fireEvent.click(screen.getByTestId('delete-confirm'));
    const doc = store.getState().doc as PopDoc;
    expect(doc.population.tiers.map((t) => t.id)).not.toContain('private');
    expect(doc.population.app.userShareByTier).not.toHaveProperty('private');
    expect(doc.strategies[3].target.rules[0].values).toEqual(['affluent', 'wealth']);
    expect(screen.queryByTestId('tier-private')).toBeNull();
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(store.getState().text).toBe(before);
    expect(screen.queryAllByTestId('tier-private')).toHaveLength(1);
  });

  it('rescales the other life stages when one is deleted, and adds one at 0%', async () => {
    const store = await setupStore();
    renderWithStore(store, <PopulationHarness />);
    fireEvent.click(screen.getByTestId('delete-lifeStage-retired'));
    expect(screen.getByTestId('delete-references').textContent).toContain('population.lifeStages[0].share');
    fireEvent.click(screen.getByTestId('delete-confirm'));
    const shares = (store.getState().doc as PopDoc).population.lifeStages.map((g) => g.share);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(screen.getByTestId('population.lifeStages-sum').textContent).toContain('100');
    fireEvent.click(screen.getByTestId('add-lifeStage'));
    const ids = (store.getState().doc as PopDoc).population.lifeStages.map((g) => g.id);
    expect(ids.at(-1)).toBe('new_life_stage');
    expect(store.getState().issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
