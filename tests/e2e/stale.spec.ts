// Results belong to the scenario they were computed from: after another example is loaded, the
// Results screen says "out of date" (dimmed, with Re-run) and exports keep the first scenario's name.
import { expect, type Page, test } from '@playwright/test';
import { removeFilePickers } from './file-pickers';

const SHOTS = 'test-results/screenshots';

async function openStudio(page: Page) {
  await removeFilePickers(page);
  // Loading over unsaved edits asks first; the test means to discard them.
  page.on('dialog', (d) => void d.accept());
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
}

async function loadExample(page: Page, file: string) {
  await page.getByTestId('examples-button').click();
  await page.getByTestId(`example-${file}`).click();
  await expect(page.getByTestId('file-name')).toHaveText(file);
}

test('results of an earlier scenario are marked out of date and exported under their own name', async ({
  page,
}) => {
  await openStudio(page);
  await loadExample(page, 'long-tail-app-activation.json');
  await page.getByTestId('run-field-monteCarlo.replications').fill('6');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('screen-results')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('results-stale')).toHaveCount(0);

  await loadExample(page, 'wealth-maturity-retention.json');
  await page.getByTestId('nav-results').click();
  await expect(page.getByTestId('results-stale')).toBeVisible();
  await expect(page.getByTestId('results-stale')).toContainText('long-tail-app-activation.json');
  await expect(page.getByTestId('results-print-area')).toHaveAttribute('data-stale', 'true');
  await page.screenshot({ path: `${SHOTS}/05c-results-stale.png` });

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  expect((await download).suggestedFilename()).toBe('long-tail-app-activation-results.csv');

  // Going back to the scenario the results came from makes them current again.
  await loadExample(page, 'long-tail-app-activation.json');
  await page.getByTestId('nav-results').click();
  await expect(page.getByTestId('results-print-area')).toBeVisible();
  // The run settings were edited (6 replications) before the run: the reloaded example differs.
  await expect(page.getByTestId('results-stale')).toBeVisible();
  await page.getByTestId('results-stale-rerun').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('results-stale')).toHaveCount(0);
});
