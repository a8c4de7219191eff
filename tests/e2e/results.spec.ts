// The Results page after a seeded run of the omni example, in English and Chinese: the verdict
// per strategy, the band and Monte Carlo SE wording, and the cost table whose shares add up.
import { expect, type Page, test } from '@playwright/test';

const SHOTS = 'test-results/screenshots';

/** Scroll a section into the middle and wait two frames: off-screen sections skip paint until then. */
async function showCentered(page: Page, testId: string) {
  await page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function runOmni(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.getByTestId('run-field-monteCarlo.replications').fill('40');
  await page.getByTestId('run-field-monteCarlo.seed').fill('results-e2e');
  await page.getByTestId('run-workers').fill('2');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 170_000 });
  await expect(page.getByTestId('results-print-area')).toBeVisible();
}

test('Results: a verdict per strategy and honest labels, in English and Chinese', async ({ page }) => {
  await runOmni(page);
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-code', /^verdict\.(rollOut|pilotFirst|unprofitable|noEffect)$/);
  await expect(verdict).toContainText('power');
  await expect(page.getByTestId('kpi-conversion-uplift-interval')).toContainText('90% of replications in');
  await expect(page.getByTestId('kpi-conversion-uplift-se')).toContainText('Monte Carlo SE of the mean');
  await expect(page.getByTestId('kpi-power-interval')).toContainText('Monte Carlo 90% interval of the power');
  await page.screenshot({ path: `${SHOTS}/results-en.png` });
  await expect(page.getByTestId('domain-outcomes')).toContainText('App logins per month');
  await expect(page.getByTestId('cost-staffCny')).toContainText('of which staff time');
  // The cost table and the customer outcomes side by side. Sections skip painting off screen
  // (content-visibility: auto), which a screenshot does not wait for: paint them all for the shot.
  await page.addStyleTag({ content: '.st-section { content-visibility: visible !important; }' });
  await page
    .getByTestId('domain-outcomes')
    .locator('xpath=..')
    .screenshot({ path: `${SHOTS}/results-en-cost.png` });

  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('kpi-conversion-uplift-interval')).toContainText('90% 的推演落在');
  await showCentered(page, 'verdict');
  await expect(page.getByTestId('verdict')).toContainText('效能');
  await page.screenshot({ path: `${SHOTS}/results-zh-CN.png` });
  await expect(page.getByTestId('domain-outcomes')).toContainText('每月登录次数');
  await page
    .getByTestId('domain-outcomes')
    .locator('xpath=..')
    .screenshot({ path: `${SHOTS}/results-zh-CN-cost.png` });
});
