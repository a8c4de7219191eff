// The studio in a browser, against the built renderer (vite preview). Waits on data-testid
// markers, never on sleeps; numbers are checked against the engine run in Node with the same seed.
import { readFile } from 'node:fs/promises';
import { type Download, expect, type Page, test } from '@playwright/test';
import { loadScenarioText, simApi, upliftOf } from '../../sim/index';
import { removeFilePickers } from './file-pickers';

const SHOTS = 'test-results/screenshots';

async function openStudio(page: Page, errors: string[] = []) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.text()} ${msg.location().url}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  // Playwright's filechooser and download events see an <input type="file"> and a download link,
  // not the File System Access pickers; without the pickers the studio takes that path (as in
  // Firefox and Safari). renderer/platform/browser-files.test.ts covers the pickers.
  await removeFilePickers(page);
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
}

async function nav(page: Page, screen: string) {
  await page.getByTestId(`nav-${screen}`).click();
  await expect(page.getByTestId(`screen-${screen}`)).toBeVisible();
}

/** Set the run settings in the top bar. */
async function runSettings(page: Page, s: { replications: number; seed: string; workers: number }) {
  await page.getByTestId('run-field-monteCarlo.replications').fill(String(s.replications));
  await page.getByTestId('run-field-monteCarlo.seed').fill(s.seed);
  await page.getByTestId('run-workers').fill(String(s.workers));
}

async function scenarioText(page: Page): Promise<string> {
  await nav(page, 'json');
  return page.getByTestId('raw-json').inputValue();
}

/** What the engine gives in Node for this text and seed (one block, in-process). */
function engineUpliftMeans(text: string, seed: string, replications: number): Record<string, string> {
  const loaded = loadScenarioText(text);
  if (!loaded.ok) throw new Error('scenario invalid');
  const settings = { seed, replications };
  const block = simApi.runBlock(loaded.scenario, settings, 0, replications);
  const summary = simApi.summarize(loaded.scenario, settings, [block]);
  return Object.fromEntries(
    summary.strategies.map((s) => [s.id, String(upliftOf(s.samples.conversionUpliftPp).mean)]),
  );
}

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

async function shownUpliftMeans(page: Page): Promise<Record<string, string>> {
  const cells = page.locator('[data-testid^="uplift-mean-"]');
  const out: Record<string, string> = {};
  for (const cell of await cells.all()) {
    const id = (await cell.getAttribute('data-testid'))?.replace('uplift-mean-', '') ?? '';
    out[id] = (await cell.getAttribute('data-value')) ?? '';
  }
  return out;
}

test('the built renderer loads the example with no console errors', async ({ page }) => {
  const errors: string[] = [];
  await openStudio(page, errors);
  await expect(page.getByTestId('scenario-name')).toContainText('Omni-channel referral pilot');
  await expect(page.getByTestId('issues-summary')).toHaveText('✓ The scenario is valid');
  await expect(page.getByTestId('run-button')).toBeEnabled();
  // The population preview comes from the worker.
  await expect(page.getByTestId('population-preview-panel')).not.toContainText(
    'Building the synthetic population',
  );
  await expect(page.getByTestId('population-preview-updating')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/01-population.png`, fullPage: false });
  for (const screen of ['offers', 'strategies', 'channels', 'calendar', 'json', 'results', 'compare']) {
    await nav(page, screen);
  }
  await nav(page, 'strategies');
  await expect(page.getByTestId('journey-node-push')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/02-strategies.png` });
  await page.getByTestId('journey-canvas').scrollIntoViewIfNeeded();
  await page.getByTestId('journey-canvas').screenshot({ path: `${SHOTS}/02b-journey.png` });
  await nav(page, 'channels');
  await page.screenshot({ path: `${SHOTS}/03-channels.png` });

  // Every example in scenarios/ is offered and loads as a valid scenario.
  await page.getByTestId('examples-button').click();
  const items = page.getByRole('menuitem');
  expect(await items.count()).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: `${SHOTS}/03b-examples-menu.png` });
  const files = await page
    .locator('[data-testid^="example-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  await page.keyboard.press('Escape');
  for (const id of files) {
    if (!id) continue;
    await page.getByTestId('examples-button').click();
    await page.getByTestId(id).click();
    await expect(page.getByTestId('file-name')).toHaveText(id.replace('example-', ''));
    await expect(page.getByTestId('issues-summary')).toHaveText('✓ The scenario is valid');
    await expect(page.getByTestId('run-button')).toBeEnabled();
  }
  expect(errors).toEqual([]);
});

test('inline validation: a bad value is shown at its field and blocks Run', async ({ page }) => {
  await openStudio(page);
  const size = page.getByTestId('field-population.size');
  await size.fill('-5');
  await expect(page.getByTestId('field-population.size-error')).toContainText(
    'expected a number at least 100',
  );
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await expect(page.getByTestId('run-disabled-reason')).toContainText('Fix 1 error');
  await expect(page.getByTestId('nav-population')).toContainText('1');
  await page.screenshot({ path: `${SHOTS}/04-inline-validation.png` });
  await size.fill('100000');
  await expect(page.getByTestId('run-button')).toBeEnabled();
  await expect(page.getByTestId('field-population.size-error')).toHaveCount(0);

  // A bad journey step is marked on the canvas and at its field.
  await nav(page, 'strategies');
  await page.getByTestId('journey-node-ai').click();
  await expect(page.getByTestId('step-editor')).toContainText('“ai”');
  await page.getByTestId('field-strategies[0].journey.steps[2].waitDays').fill('-3');
  await expect(page.getByTestId('journey-node-ai')).toHaveAttribute('data-invalid', 'true');
  await expect(page.getByTestId('field-strategies[0].journey.steps[2].waitDays-error')).toContainText(
    'at least 0',
  );
  await expect(page.getByTestId('strategy-tab-omni_fund')).toContainText('1');
  await page.getByTestId('journey-canvas').screenshot({ path: `${SHOTS}/04b-journey-invalid.png` });
});

test('edit, run with a fixed seed: progress, then the engine numbers, the same with 1 and 2 workers', async ({
  page,
}) => {
  await openStudio(page);
  await nav(page, 'strategies');
  await page.getByTestId('field-strategies[0].holdout.share').fill('0.2');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await runSettings(page, { replications: 20, seed: 'e2e-seed', workers: 1 });
  await expect(page.getByTestId('issues-summary')).toHaveText('✓ The scenario is valid');

  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('screen-results')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('run-status-text')).toContainText('/ 20 replications');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('run-status-bar')).toHaveAttribute('aria-valuenow', '20');
  await expect(page.getByTestId('results-print-area')).toBeVisible();
  const oneWorker = await shownUpliftMeans(page);
  await page.screenshot({ path: `${SHOTS}/05-results.png` });

  const text = await scenarioText(page);
  expect(JSON.parse(text).strategies[0].holdout.share).toBe(0.2);
  const expected = engineUpliftMeans(text, 'e2e-seed', 20);
  expect(oneWorker).toEqual(expected);

  await page.getByTestId('run-workers').fill('2');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  expect(await shownUpliftMeans(page)).toEqual(expected);

  // Exports: one CSV row per strategy; JSON is the RunSummary with plain arrays.
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = await readDownload(await csvDownload);
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toContain('conversion_uplift_mean');
  expect(lines).toHaveLength(1 + Object.keys(expected).length);
  const jsonDownload = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const summary = JSON.parse(await readDownload(await jsonDownload));
  expect(summary.replicationsDone).toBe(20);
  expect(Array.isArray(summary.strategies[0].samples.conversionUpliftPp)).toBe(true);

  // The print layout (PDF report) shows the dashboard only.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('run-panel')).toBeHidden();
  await expect(page.getByTestId('results-print-area')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/05b-print-layout.png` });
  await page.emulateMedia({ media: 'screen' });
});

test('unsaved work is autosaved and offered back after a reload', async ({ page }) => {
  await openStudio(page);
  await nav(page, 'calendar');
  // The example's name is bilingual: the English side is edited in an English studio.
  await page.getByTestId('field-meta.name.en').fill('My recovered campaign');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('sandtable.autosave')), { timeout: 15_000 })
    .toContain('My recovered campaign');
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(page.getByTestId('recovery-banner')).toBeVisible();
  await page.getByTestId('recovery-restore').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('My recovered campaign');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
});

test('a malformed file shows line and column and leaves the scenario untouched', async ({ page }) => {
  await openStudio(page);
  const broken =
    '{\n  "kind": "sandtable.scenario",\n  "version": 1,\n  "meta": { "name": "Broken" }\n  "population": {}\n}\n';
  const issue = (() => {
    const r = loadScenarioText(broken);
    if (r.ok) throw new Error('expected a syntax error');
    return r.issues[0];
  })();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-button').click();
  await (await chooser).setFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(broken),
  });
  const dialog = page.getByTestId('open-error-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“broken.json” is not valid JSON');
  await expect(page.getByTestId('open-error-location')).toHaveText(
    `line ${issue.line}, column ${issue.column}`,
  );
  await page.screenshot({ path: `${SHOTS}/06-malformed-file.png` });
  await page.getByTestId('open-error-close').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('scenario-name')).toContainText('Omni-channel referral pilot');
  await expect(page.getByTestId('file-name')).toHaveText('omnichannel-referral-pilot.json');
  await expect(page.getByTestId('run-button')).toBeEnabled();
});

test('cancel stops a run at once and leaves the app usable', async ({ page }) => {
  await openStudio(page);
  await runSettings(page, { replications: 5000, seed: 'cancel-me', workers: 2 });
  await page.getByTestId('run-button').click();
  // 5,000 replications are estimated at minutes: the studio asks first.
  await page.getByTestId('run-ask-confirm').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
  await expect
    .poll(async () => Number(await page.getByTestId('run-status-bar').getAttribute('aria-valuenow')), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'cancelled', {
    timeout: 2_000,
  });
  await expect(page.getByTestId('run-status-text')).toContainText('Cancelled after');
  await page.screenshot({ path: `${SHOTS}/07-cancelled.png` });
  // Still usable: edit and run a short one to the end.
  await nav(page, 'calendar');
  await runSettings(page, { replications: 10, seed: 'after-cancel', workers: 2 });
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
});

test('switching to Chinese translates the studio', async ({ page }) => {
  await openStudio(page);
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('nav-population')).toContainText('客群（KYC）');
  await expect(page.getByTestId('nav-strategies')).toContainText('策略与旅程');
  await expect(page.getByTestId('run-button')).toContainText('运行');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('issues-summary')).toHaveText('✓ 方案校验通过');
  await page.screenshot({ path: `${SHOTS}/08-zh-population.png` });
  await nav(page, 'strategies');
  await expect(page.getByTestId('journey-canvas')).toContainText('转介');
  await page.screenshot({ path: `${SHOTS}/09-zh-strategies.png` });
  // The choice survives a reload.
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await expect(page.getByTestId('nav-population')).toContainText('客群（KYC）');
  // A validation message from the core (a code with parameters) reads in Chinese too.
  await nav(page, 'population');
  await page.getByTestId('field-population.size').fill('-5');
  await expect(page.getByTestId('field-population.size-error')).toHaveText('-5；应为至少 100 的数字');
  await expect(page.getByTestId('issue-item')).toContainText('-5；应为至少 100 的数字');
});

test('compare two variants with common random numbers', async ({ page }) => {
  await openStudio(page);
  await nav(page, 'compare');
  await expect(page.getByTestId('variant-v1')).toBeVisible();
  await expect(page.getByTestId('variant-v2')).toContainText('Valid');
  await expect(page.getByTestId('override-path-v2-0')).toHaveValue('strategies[omni_fund].holdout.share');
  await page.getByTestId('compare-replications').fill('10');
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'done', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('compare-results')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/10-compare.png`, fullPage: true });
});
