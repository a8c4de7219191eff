// The optimizer screen on the omni example: a spec built in the form (omni_fund's holdout share on
// a grid × the AI step's channel, its modelled value under a cost cap), a problem shown at its field,
// a long run that streams candidates and is cancelled, a short run that completes with finalists
// and the selected plan, which is applied (and undone) and added as a Compare variant; the screen
// in zh-CN. Writes the screenshots under docs/images.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { removeFilePickers } from './file-pickers';

const DOCS = 'docs/images';
const HOLDOUT = 'strategies[omni_fund].holdout.share';
const AI_CHANNEL = 'strategies[omni_fund].journey.steps[ai].channel';

/** Words (4 letters or more) of the optimize namespace's English strings, for the zh-CN check. */
function englishWords(): Set<string> {
  const words = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const w of v.match(/[A-Za-z]{4,}/g) ?? []) words.add(w);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(JSON.parse(readFileSync('renderer/i18n/optimize.en.json', 'utf8')));
  walk(JSON.parse(readFileSync('messages/en.json', 'utf8')).output);
  // Names that stay as they are in Chinese text.
  for (const w of ['Nelson', 'Matejcik', 'Ctrl', 'json']) words.delete(w);
  return words;
}

/** The scenario's own labels (shown as written) taken out of a text. */
function withoutScenarioLabels(text: string): string {
  const labels: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'label' || k === 'reference') && typeof x === 'string') labels.push(x);
        else if (k === 'label' && x && typeof x === 'object') labels.push(...Object.values(x).map(String));
        else walk(x);
      }
  };
  walk(JSON.parse(readFileSync('scenarios/omnichannel-referral-pilot.json', 'utf8')));
  return labels.sort((a, b) => b.length - a.length).reduce((t, l) => t.split(l).join(' '), text);
}

async function pick(page: Page, row: string, search: string, path: string) {
  await page.getByTestId(`override-param-${row}`).click();
  await page.getByTestId(`override-search-${row}`).fill(search);
  await page.getByTestId(`param-option-${path}`).click();
}

async function rawJson(page: Page): Promise<{ strategies: Array<{ holdout: { share: number } }> }> {
  await page.getByTestId('nav-json').click();
  return JSON.parse(await page.getByTestId('raw-json').inputValue());
}

test('the optimizer: build a spec, cancel one run, complete another, use the plan; English and Chinese', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await removeFilePickers(page);
  page.on('dialog', (d) => void d.accept());
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.getByTestId('nav-optimize').click();
  await expect(page.getByTestId('screen-optimize')).toBeVisible();

  // The spec in the form: variables picked as in Compare, a range and a choice.
  await pick(page, 'opt-var-0', 'holdout', HOLDOUT);
  await expect(page.getByTestId('opt-var-0-current')).toHaveText('In the scenario now: 0.1');
  await page.getByTestId('opt-var-0-from').fill('0.05');
  await page.getByTestId('opt-var-0-to').fill('0.2');
  await page.getByTestId('opt-var-0-step').fill('0.05');
  await expect(page.getByTestId('opt-var-0-count')).toHaveText('4 values to try');
  await page.getByTestId('opt-variable-add').click();
  await expect(page.getByTestId('opt-var-1-param-error')).toHaveText('Pick a parameter.');
  await pick(page, 'opt-var-1', 'channel', AI_CHANNEL);
  await expect(page.getByTestId('opt-var-1-choice-ai_call')).toBeChecked();
  await page.getByTestId('opt-var-1-choice-wecom').check();
  await expect(page.getByTestId('opt-var-1-count')).toHaveText('2 values to try');
  await page.getByTestId('opt-objective-strategy').selectOption('omni_fund');
  // The trade-off's strategy follows the objective's (cost of the strategy optimized), and says so.
  await expect(page.getByTestId('opt-tradeoff-strategy')).toHaveValue('omni_fund');
  await expect(page.getByTestId('opt-tradeoff-hint')).toContainText(
    "Until you choose a strategy here it follows the objective's",
  );
  // Refinement between grid points: labelled from the schema's group, kept short for the test.
  await expect(page.getByTestId('opt-settings-refine')).toContainText('Refinement (between grid points');
  await expect(page.getByTestId('opt-settings-refine')).toContainText('Most new points');
  await expect(page.getByTestId('opt-settings-refine')).toContainText('Step halvings');
  await page.getByTestId('opt-refine-maxEvaluations').fill('4');
  await page.getByTestId('opt-constraint-add').click();
  await page.getByTestId('opt-constraint-0-strategy').selectOption('omni_fund');
  await page.getByTestId('opt-constraint-0-max').fill('22000');
  // A problem is shown at its field and keeps the run button off.
  await page.getByTestId('opt-selection-confidence').fill('1.5');
  await expect(page.getByTestId('opt-selection-confidence-error')).toHaveText('Must be less than 1.');
  await expect(page.getByTestId('opt-run')).toBeDisabled();
  await page.getByTestId('opt-selection-confidence').fill('');
  await page.getByTestId('opt-selection-finalists').fill('2');
  await page.getByTestId('opt-selection-indifference').fill('20000');
  await page.getByTestId('opt-selection-maxReplications').fill('4');
  await expect(page.getByTestId('opt-constraint-0-unit')).toHaveText('Bounds on Total cost: in yuan.');

  // The spec as the command line reads it.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('opt-save-spec').click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('omnichannel-referral-pilot-opt.json');
  const saved = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(saved).toMatchObject({
    kind: 'sandtable.optimize',
    variables: [
      { param: HOLDOUT, from: 0.05, to: 0.2, step: 0.05 },
      { param: AI_CHANNEL, choices: ['ai_call', 'wecom'] },
    ],
    objective: { output: 'modelledValue', strategy: 'omni_fund', sense: 'maximize' },
    constraints: [{ output: 'cost', strategy: 'omni_fund', max: 22000 }],
    tradeOff: { output: 'cost', strategy: 'omni_fund' },
    refine: { maxEvaluations: 4 },
    selection: { finalists: 2, indifference: 20000, maxReplications: 4 },
  });

  // A long run streams the candidates as they are evaluated, then stops at once on cancel.
  await page.getByTestId('opt-screening-replications').fill('40');
  await expect(page.getByTestId('opt-plan-note')).toContainText(
    '8 grid candidates and the current plan × 40',
  );
  await page.getByTestId('opt-run').click();
  await expect(page.getByTestId('opt-status-text')).toContainText(/Screening candidate 1 of 8 · .* ETA/);
  await expect(page.getByTestId('opt-screening-replications')).toBeDisabled();
  // The first candidate (the current plan) arrives in the search chart while the others run.
  await expect(page.getByTestId('opt-search-chart')).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('opt-status-text')).toContainText(/Screening candidate [2-8] of 8/);
  await page.getByTestId('opt-cancel').click();
  await expect(page.getByTestId('opt-status')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('opt-status-text')).toContainText(/evaluated so far (is|are) shown/);
  await expect(page.getByTestId('opt-finalists')).toHaveCount(0);

  // A short run: 2 replications a candidate; the search streams in, then the finalists.
  await page.getByTestId('opt-screening-replications').fill('2');
  await page.getByTestId('opt-run').click();
  await expect(page.getByTestId('opt-status')).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('opt-status')).toHaveAttribute('data-status', 'done', { timeout: 480_000 });
  await page.getByTestId('opt-search-chart').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('opt-search-chart').locator('svg, canvas').first()).toBeVisible();
  await expect(page.getByTestId('opt-status-text')).toContainText(
    /^8 candidates × 2 replications screened, [1-4] refinement points?, /,
  );
  // Refinement: its points in the path table, and where it went.
  await expect(page.getByTestId('opt-refinement-text')).toContainText(
    /^(From the best grid point|The best grid point)/,
  );
  await expect(page.getByTestId('opt-refinement-text')).toContainText('Smallest step tried: ');
  await page.getByTestId('opt-path').locator('summary').click();
  await expect(
    page.getByTestId('opt-path-table').locator('tbody tr', { hasText: 'Refinement' }).first(),
  ).toBeVisible();
  await page.getByTestId('opt-path').locator('summary').click();
  const finalists = page.getByTestId('opt-finalists');
  await expect(finalists.locator('tbody tr[data-kind="current"]')).toHaveCount(1);
  await expect(finalists.locator('thead')).toContainText('Modelled incremental value (Omni');
  await expect(page.getByTestId('opt-best')).toBeVisible();
  await expect(page.getByTestId('opt-best-gain')).toContainText(
    /^Modelled incremental value \(Omni.*\) vs the current plan: -?¥.* ± ¥.* \(90% interval .*\), paired on [2-4] replications\. The interval (leaves out|includes) 0/,
  );
  // The current plan (cost ≈ ¥24.7K) breaks the ¥22K cap: the gain line says what the difference means.
  await expect(page.getByTestId('opt-current-breaks')).toContainText('The current plan breaks a constraint');
  await page.setViewportSize({ width: 1440, height: 1400 });
  await page.getByTestId('opt-status').scrollIntoViewIfNeeded();
  await page.getByTestId('opt-finalists').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DOCS}/optimizer.png`, fullPage: false });

  // zh-CN: none of the namespace's English words left on the screen.
  await page.getByTestId('language-switch').selectOption('zh-CN');
  const words = englishWords();
  // biome-ignore lint/performance/useDomNodeTextContent: only what is visible counts (innerText skips hidden nodes)
  const text = withoutScenarioLabels(await page.getByTestId('screen-optimize').innerText());
  expect([...words].filter((w) => new RegExp(`\\b${w}\\b`).test(text))).toEqual([]);
  await expect(page.getByTestId('opt-status-text')).toContainText('已筛选 8 个候选方案 × 2 次重复');
  await page.getByTestId('opt-finalists').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DOCS}/optimizer-zh.png`, fullPage: false });
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByTestId('screen-optimize').evaluate((e) => e.closest('main')?.scrollTo({ top: 0 }));
  await page.screenshot({ path: `${DOCS}/optimizer-form.png`, fullPage: false });
  await page.getByTestId('opt-settings').scrollIntoViewIfNeeded();
  await page.getByTestId('opt-settings').screenshot({ path: `${DOCS}/optimizer-settings.png` });

  // Use the plan: applied to the scenario in one edit (Undo brings the old value back) …
  const share = Number(await page.getByTestId('opt-best-0').getAttribute('data-value'));
  await expect(page.getByTestId('opt-apply')).toBeEnabled();
  await page.getByTestId('opt-apply').click();
  expect((await rawJson(page)).strategies[0].holdout.share).toBe(share);
  await page.getByTestId('nav-optimize').click();
  await expect(page.getByTestId('opt-stale')).toBeVisible();
  await page.getByTestId('undo-button').click();
  expect((await rawJson(page)).strategies[0].holdout.share).toBe(0.1);
  await page.getByTestId('nav-optimize').click();
  await expect(page.getByTestId('opt-stale')).toHaveCount(0);
  // … and as a Compare variant beside the current plan.
  await page.getByTestId('opt-add-variant').click();
  await expect(page.getByTestId('screen-compare')).toBeVisible();
  await expect(page.getByTestId('variant-name-v2')).toHaveValue("Optimizer's plan");
});
