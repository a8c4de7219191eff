// The Planner screen in a browser: the analytic design follows its inputs and matches the pure
// calculator; the simulated pilot runs in Web Workers and shows power beside the formula.
import { expect, type Page, test } from '@playwright/test';
import { planPower } from '../../sim/planner/analytic';

async function openPlanner(page: Page, errors: string[]) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.getByTestId('nav-planner').click();
  await expect(page.getByTestId('screen-planner')).toBeVisible();
  // The form fills itself from the open scenario first.
  await expect(page.getByTestId('planner-prefilled')).toBeVisible({ timeout: 60_000 });
}

test('the planner opens prefilled from the scenario and flags a design larger than the bank', async ({
  page,
}) => {
  const errors: string[] = [];
  await openPlanner(page, errors);
  // The default example: 40 branches; the eligible customers per branch and the CV come from it.
  await expect(page.getByTestId('planner-prefilled')).toContainText('40 branches');
  const m = Number(await page.getByTestId('planner-customersPerBranch').inputValue());
  expect(m).not.toBe(500);
  expect(m).toBeGreaterThan(0);
  expect(Number(await page.getByTestId('planner-cv').inputValue())).toBeGreaterThan(0);
  // A large uplift fits the bank; a small one needs more branches than it has: flagged, with the
  // largest design that fits.
  await page.getByTestId('planner-pControl').fill('0.05');
  await page.getByTestId('planner-pTreat').fill('0.1');
  await expect(page.getByTestId('planner-analytic-branches')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('planner-infeasible')).toHaveCount(0);
  // A small uplift needs more branches than the bank has: flagged, with the largest design that fits.
  await page.getByTestId('planner-pControl').fill('0.05');
  await page.getByTestId('planner-pTreat').fill('0.052');
  await expect(page.getByTestId('planner-infeasible')).toContainText('but the bank has 40');
  await expect(page.getByTestId('planner-infeasible')).toContainText('20 branches per arm');
  expect(errors).toEqual([]);
});

test('the analytic design follows the inputs and equals the calculator', async ({ page }) => {
  const errors: string[] = [];
  await openPlanner(page, errors);
  await page.getByTestId('planner-pControl').fill('0.08');
  await page.getByTestId('planner-pTreat').fill('0.1');
  await page.getByTestId('planner-icc').fill('0.02');
  await page.getByTestId('planner-customersPerBranch').fill('400');
  await page.getByTestId('planner-cv').fill('0.5');
  const expected = planPower({
    outcome: { kind: 'binary', pControl: 0.08, pTreat: 0.1, method: 'pooled' },
    alpha: 0.05,
    power: 0.8,
    cluster: { clusterSize: 400, icc: 0.02, cv: 0.5, analysis: 'unweighted' },
    test: 't',
  });
  // The pilot's test weighs branch means equally: DE = 1 + (m − 1)·ICC + CV²·(1 − ICC).
  const de = 1 + (400 - 1) * 0.02 + 0.5 * 0.5 * (1 - 0.02);
  expect(expected.designEffect).toBeCloseTo(de, 10);
  await expect(page.getByTestId('planner-analytic-de')).toHaveText(
    new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(de),
  );
  await expect(page.getByTestId('planner-analytic-branches')).toHaveText(
    String(expected.clustersPerArmRounded),
  );
  await expect(page.getByTestId('planner-de-explanation')).toContainText('400');
  await page.screenshot({ path: 'test-results/screenshots/planner.png', fullPage: true });
  // A bad input is named at the field, and nothing crashes.
  await page.getByTestId('planner-icc').fill('1.5');
  await expect(page.getByTestId('planner-analytic-error')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the simulated pilot runs in workers and shows power beside the formula', async ({ page }) => {
  const errors: string[] = [];
  await openPlanner(page, errors);
  await page.getByTestId('planner-sim-run').click();
  await expect(page.getByTestId('planner-sim-results')).toBeVisible({ timeout: 170_000 });
  await expect(page.getByTestId('planner-comparison')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/planner-simulated.png', fullPage: true });
  expect(errors).toEqual([]);
});
