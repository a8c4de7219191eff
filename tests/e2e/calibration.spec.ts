// The Calibrate screen with an observed file made by `pilot-data`: the file is read and checked,
// a short calibration runs on the Web Workers, prior → posterior and the predictive checks show as
// tables and charts, the rollout is forecast before and after, and the calibrated priors become the scenario's (one undo step). A bad file
// lists its problems at their line and column. Screenshot: docs/images/calibration.png.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { removeFilePickers } from './file-pickers';

const BANK = 'tests/fixtures/calibration-bank.json';

function makeObserved(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'sandtable-e2e-')), 'observed.csv');
  const args = ['pilot-data', BANK, '--strategy', 'maturity_retention', '--branches', '3', '--weeks', '6'];
  execFileSync(process.execPath, [
    '--import',
    'tsx',
    'sim/runtime/cli.ts',
    ...args,
    '--seed',
    'e2e',
    '--out',
    out,
  ]);
  return readFileSync(out, 'utf8');
}

async function openBank(page: Page) {
  await removeFilePickers(page);
  page.on('dialog', (d) => void d.accept());
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-button').click();
  await (await chooser).setFiles({
    name: 'calibration-bank.json',
    mimeType: 'application/json',
    buffer: readFileSync(BANK),
  });
  await expect(page.getByTestId('file-name')).toHaveText('calibration-bank.json');
  await page.getByTestId('nav-calibration').click();
  await expect(page.getByTestId('calibration-screen')).toBeVisible();
}

test('calibrate to a generated pilot: posterior, predictive checks, use the calibrated scenario', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const observed = makeObserved();
  await openBank(page);
  await page.getByTestId('calibration-file').setInputFiles({
    name: 'observed.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(observed),
  });
  await expect(page.getByTestId('calibration-observed-ok')).toContainText('maturity_retention');
  await expect(page.getByTestId('calibration-observed-ok')).toContainText('3 pilot + 3 control branches');
  await page.getByTestId('calibration-particles').fill('150');
  await page.getByTestId('calibration-rounds').fill('2');
  await page.getByTestId('calibration-start').click();
  await expect(page.getByTestId('calibration-posterior')).toBeVisible({ timeout: 240_000 });
  const params = page.getByTestId('calibration-params').locator('tbody tr');
  await expect(params).toHaveCount(2);
  await expect(params.first()).toContainText('channels[ai_call].responseEffect');
  await expect(page.getByTestId('calibration-param-chart')).toHaveCount(2);
  await expect(page.getByTestId('calibration-checks-table')).toContainText('Response rate among reached');
  await expect(page.getByTestId('calibration-checks-rates')).toBeVisible();
  await expect(page.getByTestId('calibration-checks-money')).toBeVisible();
  await page.getByTestId('calibration-rollout-start').click();
  const rollout = page.getByTestId('calibration-rollout-table');
  await expect(rollout).toBeVisible({ timeout: 120_000 });
  await expect(rollout).toContainText('Conversion uplift, modelled (own counterfactual)');
  await expect(rollout.locator('tbody tr')).toHaveCount(6);
  // The screen scrolls inside the studio's main area: a tall window shows all of it at once.
  await page.setViewportSize({ width: 1440, height: 2800 });
  await page.screenshot({ path: 'docs/images/calibration.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await page.getByTestId('calibration-use').click();
  await expect(page.getByTestId('calibration-used')).toBeVisible();
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await expect(page.getByTestId('calibration-use')).toBeDisabled();
  await page.getByTestId('nav-json').click();
  const json = await page.getByTestId('raw-json').inputValue();
  const prior = JSON.parse(json).uncertainty[0].prior;
  // The posterior of a response effect on a bounded prior is written as a lognormal (docs/model.md).
  expect(prior.type).toBe('lognormal');
});

test('a bad observed file lists its problems at line and column', async ({ page }) => {
  const lines = makeObserved().trimEnd().split('\r\n');
  const header = lines[0].split(',');
  const cells = lines[1].split(',');
  cells[header.indexOf('buyers')] = '-3';
  lines[1] = cells.join(',');
  await openBank(page);
  await page.getByTestId('calibration-file').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n')),
  });
  const issues = page.getByTestId('calibration-observed-issues');
  await expect(issues).toContainText('bad.csv:2: error: column buyers: -3 is negative; expected 0 or more');
  await expect(page.getByTestId('calibration-start')).toBeDisabled();
});

test('in Chinese: the screen, the file summary and a located problem are worded in zh-CN', async ({
  page,
}) => {
  const lines = makeObserved().trimEnd().split('\r\n');
  await openBank(page);
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '按试点校准' })).toBeVisible();
  await page.getByTestId('calibration-file').setInputFiles({
    name: '观测.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n')),
  });
  await expect(page.getByTestId('calibration-observed-ok')).toContainText('试点 3 个 + 对照 3 个网点');
  await page.screenshot({ path: 'docs/images/calibration-zh-CN.png' });
  const cells = lines[1].split(',');
  cells[lines[0].split(',').indexOf('branch')] = 'B99';
  await page.getByTestId('calibration-file').setInputFiles({
    name: '观测.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([lines[0], cells.join(','), ...lines.slice(2)].join('\r\n')),
  });
  await expect(page.getByTestId('calibration-observed-issues')).toContainText(
    '观测.csv:2: 错误: 列 branch: B99 不是方案中的网点；应为 B01 … B08（共 8 个网点）',
  );
});

test('beside the naive view: what a quoted participants ÷ others multiple implies', async ({ page }) => {
  test.setTimeout(300_000);
  await openBank(page);
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await page.getByTestId('nav-results').click();
  const panel = page.getByTestId('naive-check');
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('naive-check-products').fill('1.3');
  await page.getByTestId('naive-check-aum').fill('80');
  await page.getByTestId('naive-check-run').click();
  const table = page.getByTestId('naive-check-table');
  await expect(table).toBeVisible({ timeout: 240_000 });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  // In this small bank non-participants lose money on net (maturity run-off), so a net-new-money
  // multiple is not defined; products held 1.3× is beyond every setting. Both are said plainly.
  const aum = table.getByRole('row', { name: /^Net new money per customer/ });
  await expect(aum).toHaveAttribute('data-status', 'not-defined');
  await expect(aum).toContainText('no multiple');
  const products = table.getByRole('row', { name: /^Products held per customer/ });
  await expect(products).toHaveAttribute('data-status', 'beyond-model');
  await expect(products).toContainText('no setting of the model reaches it');
  await panel.screenshot({ path: 'docs/images/naive-check.png' });
});
