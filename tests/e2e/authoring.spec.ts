// Building a campaign from nothing, in zh-CN: New → a strategy from the use-case library → edit its
// target rule → delete a step, choosing where its routes go → Save As → reopen → run → results; the saved file validates with the CLI.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { loadScenarioText, simApi, upliftOf } from '../../sim/index';
import { removeFilePickers } from './file-pickers';

const SHOTS = 'test-results/screenshots';
const DOCS = 'docs/images';

async function openStudioInChinese(page: Page, errors: string[]) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await removeFilePickers(page);
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

async function nav(page: Page, screen: string) {
  await page.getByTestId(`nav-${screen}`).click();
  await expect(page.getByTestId(`screen-${screen}`)).toBeVisible();
}

test('New → payroll day from the library → family stage → delete SMS → Save As → reopen → run → results', async ({
  page,
}) => {
  const errors: string[] = [];
  await page.setViewportSize({ width: 1280, height: 800 });
  await openStudioInChinese(page, errors);

  page.once('dialog', (d) => d.accept());
  await page.getByTestId('new-button').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('新方案');
  await expect(page.getByTestId('issues-summary')).toContainText('✓');

  // A smaller bank so the run takes seconds.
  await nav(page, 'population');
  await page.getByTestId('field-population.size').fill('8000');

  // The gallery: search, then add payroll day.
  await nav(page, 'strategies');
  await page.getByTestId('add-from-library').click();
  const gallery = page.getByTestId('library-gallery');
  await expect(gallery).toBeVisible();
  await expect(gallery.locator('[data-testid^="library-card-"]')).toHaveCount(12);
  await expect(page.getByTestId('library-card-payroll_day')).toContainText('代发日理财');
  await page.screenshot({ path: `${DOCS}/library-gallery.png` });
  await page.getByTestId('library-search').fill('代发');
  await expect(gallery.locator('[data-testid^="library-card-"]')).toHaveCount(2);
  await page.getByTestId('library-add-payroll_day').click();
  await expect(gallery).toHaveCount(0);
  await expect(page.getByTestId('strategy-tab-payroll_day')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('strategy-tab-payroll_day')).toContainText('代发日理财');

  // Its second rule (tier) becomes a life-stage rule: family only.
  await page.getByTestId('rule-attr-1-1').selectOption('life_stage');
  await page.getByTestId('rule-values-1-1-family').click();
  await page.getByTestId('rule-values-1-1-young').click();
  await expect(page.getByTestId('rule-values-1-1-family')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('rule-values-1-1-young')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('issues-summary')).toContainText('✓');

  // Delete the SMS step: the push's "no contact" route led there; send it to the AI call instead.
  await page.getByTestId('journey-node-sms').click();
  await page.getByTestId('journey-delete-step').click();
  await expect(page.getByTestId('step-delete-dialog')).toBeVisible();
  await page.getByTestId('step-delete-route-push-onNoContact').selectOption('ai');
  await page.getByTestId('step-delete-confirm').click();
  await expect(page.getByTestId('journey-node-sms')).toHaveCount(0);

  // The Overview lists what the library brought along.
  await nav(page, 'overview');
  await expect(page.getByTestId('overview-assumptions')).toContainText('发薪后 7 天内响应提高 1.6 倍');

  // Save As downloads under the scenario's name.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('save-as-button').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('新方案.json');
  const saved = await readFile(await download.path(), 'utf8');
  const savedPath = join(tmpdir(), `sandtable-e2e-${Date.now()}.json`);
  await writeFile(savedPath, saved);
  const cli = execFileSync('node', ['--import', 'tsx', 'sim/runtime/cli.ts', 'validate', savedPath], {
    encoding: 'utf8',
  });
  expect(cli).toContain(': ok (2 strategies, 8,000 customers)');
  const loaded = loadScenarioText(saved);
  expect(loaded.ok).toBe(true);
  if (!loaded.ok) return;
  expect(loaded.scenario.strategies[1].target.rules).toEqual([
    { attr: 'is_payroll', value: 1 },
    { attr: 'life_stage', op: 'in', values: ['family'] },
  ]);
  const steps = loaded.scenario.strategies[1].journey.steps;
  expect(steps.map((st) => st.id)).toEqual(['push', 'ai', 'agent']);
  expect(steps[0].onNoContact).toBe('ai');

  // Reopen it (after starting over), then run.
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('new-button').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-button').click();
  await (await chooser).setFiles({
    name: '新方案.json',
    mimeType: 'application/json',
    buffer: Buffer.from(saved),
  });
  await expect(page.getByTestId('file-name')).toHaveText('新方案.json');
  await nav(page, 'strategies');
  await expect(page.getByTestId('strategy-tab-payroll_day')).toBeVisible();

  await page.getByTestId('run-field-monteCarlo.replications').fill('8');
  await page.getByTestId('run-workers').fill('1');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('screen-results')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  // The numbers are the engine's for this file and seed (run here in Node, one block).
  const settings = { seed: String(loaded.scenario.monteCarlo.seed), replications: 8 };
  const summary = simApi.summarize(loaded.scenario, settings, [
    simApi.runBlock(loaded.scenario, settings, 0, 8),
  ]);
  for (const st of summary.strategies) {
    await expect(page.getByTestId(`uplift-mean-${st.id}`)).toHaveAttribute(
      'data-value',
      String(upliftOf(st.samples.conversionUpliftPp).mean),
    );
  }
  await page.screenshot({ path: `${SHOTS}/authoring-results.png` });
  expect(errors).toEqual([]);
});

test('the Overview shows the example in Chinese: description and assumptions with sources', async ({
  page,
}) => {
  const errors: string[] = [];
  await page.setViewportSize({ width: 1280, height: 800 });
  await openStudioInChinese(page, errors);
  await nav(page, 'overview');
  await expect(page.getByTestId('overview-description')).toContainText('四个用例同时运行');
  await expect(page.getByTestId('overview-assumptions').locator('li')).toHaveCount(6);
  await expect(page.getByTestId('overview-assumptions')).toContainText('seed 004: reach rate 92.8%');
  await page.screenshot({ path: `${DOCS}/overview.png` });
  expect(errors).toEqual([]);
});

test('the journey canvas is readable at 1280×720: text ≥ 12 px at the default zoom, handles ≥ 16 px targets', async ({
  page,
}) => {
  const errors: string[] = [];
  await page.setViewportSize({ width: 1280, height: 720 });
  await openStudioInChinese(page, errors);
  await nav(page, 'strategies');
  const canvas = page.getByTestId('journey-canvas');
  await expect(canvas).toHaveAttribute('data-view', 'shown');
  await canvas.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const measured = await canvas.evaluate((root) => {
    const vp = root.querySelector<HTMLElement>('.react-flow__viewport');
    const m = vp ? getComputedStyle(vp).transform : 'none';
    const zoom = m.startsWith('matrix(') ? Number(m.slice(7).split(',')[0]) : 1;
    const texts = [
      ...root.querySelectorAll<HTMLElement>('.react-flow__node *, .react-flow__edge-text'),
    ].filter((el) => el.childElementCount === 0 && (el.textContent ?? '').trim() !== '');
    const smallest = Math.min(...texts.map((el) => Number.parseFloat(getComputedStyle(el).fontSize) * zoom));
    // A handle's target: every point within 8 px of its centre (a 16 px square) hits it.
    // Handles in view (the canvas pans; those beyond its edges are reached by panning).
    const pane = root.querySelector('.react-flow')?.getBoundingClientRect() ?? root.getBoundingClientRect();
    const handles = [...root.querySelectorAll<HTMLElement>('.jhandle:not(.jhandle--in)')].filter((h) => {
      const r = h.getBoundingClientRect();
      return (
        r.top - 8 > pane.top &&
        r.bottom + 8 < pane.bottom &&
        r.left - 8 > pane.left &&
        r.right + 8 < pane.right
      );
    });
    const misses = handles.filter((h) => {
      const r = h.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      return [
        [cx - 7.5, cy],
        [cx + 7.5, cy],
        [cx, cy - 7.5],
        [cx, cy + 7.5],
      ].some(([x, y]) => document.elementFromPoint(x, y) !== h);
    });
    return { zoom, smallest, handles: handles.length, misses: misses.map((h) => h.dataset.testid) };
  });
  expect(measured.zoom).toBeGreaterThanOrEqual(1);
  expect(measured.smallest).toBeGreaterThanOrEqual(12);
  expect(measured.handles).toBeGreaterThan(8);
  expect(measured.misses).toEqual([]);
  // Edge labels name what they are: the push's forward "not converted" route is a next step.
  await expect(page.getByTestId('rf__edge-push:onNotConverted')).toContainText('下一步');
  await page.screenshot({ path: `${DOCS}/journey-canvas-zh.png` });
  expect(errors).toEqual([]);
});

/** A step's place on the canvas as React Flow holds it (flow units, independent of zoom and pan). */
async function flowPosition(page: Page, id: string) {
  const transform = await page
    .locator(`.react-flow__node[data-id="${id}"]`)
    .evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(transform);
  if (!m) throw new Error(`no position for ${id}: ${transform}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

test('a template journey, a dragged step, Save As and reopen: the step is where it was left', async ({
  page,
}) => {
  const errors: string[] = [];
  await page.setViewportSize({ width: 1280, height: 800 });
  await openStudioInChinese(page, errors);
  await nav(page, 'strategies');
  await expect(page.getByTestId('journey-canvas')).toHaveAttribute('data-view', 'shown');

  // Three wheels with referral and return, on the example's own channels; one undo step.
  // Open the menu until it says it is open: under load (CI once ran beside other test suites) one
  // click was lost while the canvas was still settling and the menu never opened; a second click
  // when aria-expanded is still false cannot close a menu that opened.
  const templateButton = page.getByTestId('journey-template');
  await expect(async () => {
    if ((await templateButton.getAttribute('aria-expanded')) !== 'true') await templateButton.click();
    await expect(templateButton).toHaveAttribute('aria-expanded', 'true', { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('journey-template-three_wheels')).toContainText('三轮驱动');
  await page.getByTestId('journey-template-three_wheels').click();
  for (const id of ['push', 'call', 'advisor', 'nurture'])
    await expect(page.getByTestId(`journey-node-${id}`)).toBeVisible();
  await expect(page.getByTestId('journey-node-advisor')).toHaveClass(/jnode--offline/);
  await expect(page.getByTestId('rf__edge-call:onInterested')).toContainText('转介');
  await expect(page.getByTestId('rf__edge-advisor:onNotConverted')).toContainText('回流');
  await expect(page.getByTestId('issues-summary')).toContainText('✓');
  await expect(page.getByTestId('journey-auto-layout')).toHaveCount(0);

  // Drag the adviser 180 px to the right along its lane (by its body, not a handle), with the
  // whole journey in view.
  await page.getByTestId('journey-canvas').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.locator('.react-flow__controls-fitview').click();
  const before = await flowPosition(page, 'advisor');
  const body = page.getByTestId('journey-node-advisor').locator('.jnode__channel');
  const box = await body.boundingBox();
  if (!box) throw new Error('advisor not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(box.x + box.width / 2 + 30 * k, box.y + box.height / 2);
  await page.mouse.up();
  await expect(page.getByTestId('journey-auto-layout')).toBeVisible();
  await expect.poll(async () => (await flowPosition(page, 'advisor')).x).toBeGreaterThan(before.x + 100);
  const after = await flowPosition(page, 'advisor');
  expect(after.y).toBe(before.y);
  await page.screenshot({ path: `${SHOTS}/journey-dragged.png` });

  const downloading = page.waitForEvent('download');
  await page.getByTestId('save-as-button').click();
  const saved = await readFile(await (await downloading).path(), 'utf8');
  const loaded = loadScenarioText(saved);
  expect(loaded.ok).toBe(true);
  if (!loaded.ok) return;
  // Only the dragged step has a saved place, x on the canvas and y from the top of its lane.
  const layout = loaded.scenario.strategies[0].journey.layout ?? {};
  expect(Object.keys(layout)).toEqual(['advisor']);
  expect(layout.advisor.x).toBe(Math.round(after.x));

  page.once('dialog', (d) => d.accept());
  await page.getByTestId('new-button').click();
  await expect(page.getByTestId('journey-node-advisor')).toHaveCount(0);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-button').click();
  await (await chooser).setFiles({
    name: 'dragged.json',
    mimeType: 'application/json',
    buffer: Buffer.from(saved),
  });
  await nav(page, 'strategies');
  await expect(page.getByTestId('journey-canvas')).toHaveAttribute('data-view', 'shown');
  const dropped = { x: Math.round(after.x), y: Math.round(after.y) };
  await expect.poll(() => flowPosition(page, 'advisor')).toEqual(dropped);

  // Auto layout puts it back, and Ctrl+Z brings the dragged place back again.
  await page.getByTestId('journey-auto-layout').click();
  await expect.poll(() => flowPosition(page, 'advisor')).toEqual(before);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => flowPosition(page, 'advisor')).toEqual(dropped);

  // The arrow keys move the selected step too (React Flow's 5 px a press), saved the same way.
  await page.getByTestId('journey-node-advisor').click();
  await page.locator('.react-flow__node[data-id="advisor"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => flowPosition(page, 'advisor')).toEqual({ x: dropped.x + 5, y: dropped.y });
  expect(errors).toEqual([]);
});

test('the KYC page adds and deletes tiers and life stages, asking first when something refers to them', async ({
  page,
}) => {
  const errors: string[] = [];
  await page.setViewportSize({ width: 1280, height: 800 });
  await openStudioInChinese(page, errors);
  await nav(page, 'population');
  const tiers = page.getByTestId('tier-card');
  await expect(tiers.locator('[data-testid^="tier-"]')).toHaveCount(5);
  await page.getByTestId('add-tier').click();
  await expect(page.getByTestId('tier-new_tier')).toBeVisible();
  await tiers.screenshot({ path: `${SHOTS}/tiers-zh.png` });
  await expect(page.getByTestId('issues-summary')).toContainText('✓');
  // "private" is named by a target rule and by tier multipliers: the dialog lists them first.
  await page.getByTestId('delete-tier-private').click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog).toContainText('删除客户层级 private');
  await expect(page.getByTestId('delete-references')).toContainText('strategies[3].target.rules[0].values');
  await tiers.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/tier-delete-zh.png` });
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('tier-private')).toHaveCount(0);
  await expect(page.getByTestId('issues-summary')).toContainText('✓');
  // A life stage goes and the others keep summing to 100%.
  await page.getByTestId('delete-lifeStage-retired').click();
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('population.lifeStages-sum')).toContainText('100');
  await expect(page.getByTestId('issues-summary')).toContainText('✓');
  await page.getByTestId('lifeStage-young').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/population-groups-zh.png` });
  expect(errors).toEqual([]);
});

test('a scenario with errors is saved as a draft and opens again to be fixed: nothing is lost', async ({
  page,
}) => {
  const errors: string[] = [];
  await page.setViewportSize({ width: 1280, height: 800 });
  await openStudioInChinese(page, errors);
  await nav(page, 'population');
  await page.getByTestId('field-population.size').fill('10');
  await expect(page.getByTestId('issues-summary')).not.toContainText('✓');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('save-as-button').click();
  const draft = await readFile(await (await downloading).path(), 'utf8');
  await expect(page.getByText(/保存为草稿，其中有 1 个错误/)).toBeVisible();
  expect(JSON.parse(draft).population.size).toBe(10);
  expect(loadScenarioText(draft).ok).toBe(false);

  // Reopened, it is explained first, then opened as it was, errors listed.
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('new-button').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-button').click();
  await (await chooser).setFiles({
    name: 'draft.json',
    mimeType: 'application/json',
    buffer: Buffer.from(draft),
  });
  await expect(page.getByTestId('open-error-dialog')).toContainText('population.size');
  await page.getByTestId('open-anyway').click();
  await expect(page.getByTestId('file-name')).toHaveText('draft.json');
  await nav(page, 'population');
  await expect(page.getByTestId('field-population.size')).toHaveValue('10');
  await expect(page.getByTestId('issues-summary')).not.toContainText('✓');
  expect(errors).toEqual([]);
});

test('a draft that is not even JSON yet is saved and opens again in the JSON tab', async ({ page }) => {
  const errors: string[] = [];
  await page.setViewportSize({ width: 1280, height: 800 });
  await openStudioInChinese(page, errors);
  await nav(page, 'json');
  const raw = page.getByTestId('raw-json');
  const text = `${await raw.inputValue()}\n,`;
  await raw.fill(text);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('save-as-button').click();
  const draft = await readFile(await (await downloading).path(), 'utf8');
  expect(draft).toBe(text);

  page.once('dialog', (d) => d.accept());
  await page.getByTestId('new-button').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-button').click();
  await (await chooser).setFiles({
    name: 'draft.json',
    mimeType: 'application/json',
    buffer: Buffer.from(draft),
  });
  await expect(page.getByTestId('open-error-dialog')).toBeVisible();
  await page.getByTestId('open-anyway').click();
  await expect(page.getByTestId('screen-json')).toBeVisible();
  await expect(page.getByTestId('raw-json')).toHaveValue(text);
  await expect(page.getByTestId('file-name')).toHaveText('draft.json');
  expect(errors).toEqual([]);
});
