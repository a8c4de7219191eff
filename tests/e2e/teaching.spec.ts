// Teaching mode in zh-CN: the glossary from "?" and a field's ⓘ; a lesson's predict-then-run step;
// a learner's sealed challenge (hidden fields locked, pilots within budget, an answer file); the
// trainer's class board. Writes docs/images/glossary.png, lesson-step.png and class-board.png.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { removeFilePickers } from './file-pickers';

const DOCS = 'docs/images';

async function openInChinese(page: Page, errors: string[]) {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(page.getByTestId('help-button')).toHaveAttribute('aria-label', '术语表与帮助');
}

test('the glossary opens from "?" and from a field’s ⓘ, in zh-CN', async ({ page }) => {
  const errors: string[] = [];
  await openInChinese(page, errors);
  await page.getByTestId('help-button').click();
  const dialog = page.getByTestId('glossary-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('glossary-search').fill('半衰期');
  await page.getByTestId('glossary-item-channels[].leadHalfLifeDays').click();
  await expect(page.getByTestId('glossary-entry-term')).toHaveText('商机半衰期');
  await expect(page.getByTestId('glossary-entry')).toContainText('0.5^(等待天数 ÷ 半衰期)');
  await expect(page.getByTestId('glossary-entry')).toContainText('示例中为 5–7 天');
  await page.getByTestId('glossary-search').fill('');
  await page.getByTestId('glossary-item-channels[].responseEffect').click();
  await expect(page.getByTestId('glossary-entry-term')).toHaveText('响应效果');
  await page.screenshot({ path: `${DOCS}/glossary.png` });
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toHaveCount(0);

  // The ⓘ beside a form field opens the same glossary at that field's entry.
  await page.getByTestId('nav-channels').click();
  await page.getByTestId('info-channels[].closeRate').first().click();
  await expect(page.getByTestId('glossary-entry-term')).toHaveText('成交率');
  await expect(page.getByTestId('glossary-entry')).toContainText('回流');
  expect(errors).toEqual([]);
});

test('a learner takes a lesson step in zh-CN: predicts, runs, sees the result beside the prediction, scored', async ({
  page,
}) => {
  const errors: string[] = [];
  await openInChinese(page, errors);
  await page.getByTestId('nav-teaching').click();
  await expect(page.getByTestId('lesson-funnel')).toContainText('漏斗与各阶段');
  await page.screenshot({ path: 'test-results/screenshots/lessons-zh.png' });
  await page.getByTestId('lesson-start-funnel').click();
  const panel = page.getByTestId('lesson-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('scenario-name')).toContainText('理财到期');
  await expect(page.getByTestId('lesson-step-count')).toHaveText('第 1 步，共 6 步');
  await page.getByTestId('lesson-action').click();
  await expect(page.getByTestId('nav-overview')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('lesson-next').click();
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-step-title')).toHaveText('预测触达率');
  // The run button is outlined while the step points at it.
  await expect(page.getByTestId('run-button')).toHaveClass(/lesson-highlight/);
  // Predict first: Run appears only after the prediction is committed.
  await expect(page.getByTestId('lesson-run')).toHaveCount(0);
  await page.getByTestId('lesson-prediction').fill('90');
  await page.getByTestId('lesson-commit').click();
  await expect(page.getByTestId('lesson-committed')).toContainText('90 %');
  await page.getByTestId('lesson-run').click();
  await expect(page.getByTestId('lesson-result')).toBeVisible({ timeout: 120_000 });
  // Seed and replications are the lesson's: reach 91.33%, so |90 − 91.33| = 1.33 against a
  // tolerance of 5 → 100 × (1 − 1.33 / 10) = 87.
  await expect(page.getByTestId('lesson-result-prediction')).toHaveText('90 %');
  await expect(page.getByTestId('lesson-result-actual')).toHaveText('91.3 %');
  await expect(page.getByTestId('lesson-score')).toHaveText('87');
  await expect(page.getByTestId('lesson-explanation')).toContainText('92.8%');
  await page.screenshot({ path: `${DOCS}/lesson-step.png` });
  // Progress is kept locally: after a reload the lesson continues at this step with its score.
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.getByTestId('nav-teaching').click();
  await expect(page.getByTestId('lesson-progress-funnel')).toHaveText('进行中：第 3 步，共 6 步');
  expect(errors).toEqual([]);
});

// tests/fixtures/challenge/maturity-uplift.json: made by `challenge make` on the wealth-maturity
// example with the wealth manager's close rate 0.553 and the AI call's response effect 1.43 hidden
// (passphrase "sandtable-demo"), task: a 90% interval for maturity_retention's conversion uplift.
const CHALLENGE = 'tests/fixtures/challenge/maturity-uplift.json';

test('a learner opens a sealed challenge: hidden fields locked, pilots within budget, an answer file', async ({
  page,
}) => {
  const errors: string[] = [];
  await removeFilePickers(page);
  await openInChinese(page, errors);
  await page.getByTestId('nav-teaching').click();
  await page.getByTestId('teaching-tab-challenge').click();
  await page.getByTestId('challenge-file').setInputFiles(CHALLENGE);
  await expect(page.getByTestId('challenge-title')).toHaveText('理财到期承接：估计真实提升');
  const hidden = page.getByTestId('challenge-hidden');
  for (const path of ['channels[wealth_manager].closeRate', 'channels[ai_call].responseEffect']) {
    const field = page.getByTestId(`locked-${path}`);
    await expect(field).toBeDisabled();
    await expect(field).toHaveValue('');
  }
  await expect(hidden).toContainText('成交率');
  await expect(hidden).not.toContainText('0.553');
  // Beside the locked field, the rest of the wealth manager's channel is visible (reach rate 0.9).
  await expect(hidden).toContainText('触达成功率');
  await page.screenshot({ path: 'test-results/screenshots/challenge-learner.png', fullPage: true });
  // The budget: 6 simulated pilots, one per press; then the button is spent.
  await expect(page.getByTestId('challenge-budget')).toHaveText('已查看试点：0 / 6');
  for (let i = 1; i <= 6; i++) await page.getByTestId('challenge-run-pilot').click();
  await expect(page.getByTestId('challenge-budget')).toHaveText('已查看试点：6 / 6');
  await expect(page.getByTestId('challenge-run-pilot')).toBeDisabled();
  await expect(page.getByTestId('challenge-observation')).toHaveCount(6);
  await expect(page.getByTestId('challenge-observation').first()).toContainText('5.53');
  await page.getByTestId('answer-name').fill('小王');
  await page.getByTestId('answer-low').fill('5');
  await page.getByTestId('answer-high').fill('9');
  const download = page.waitForEvent('download');
  await page.getByTestId('answer-submit').click();
  const file = await download;
  const answer = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(answer).toMatchObject({
    kind: 'sandtable.challenge-answer',
    challenge: 'maturity-uplift',
    learner: '小王',
    pilotsUsed: 6,
    answer: { kind: 'estimate', low: 5, high: 9 },
  });
  await expect(page.getByTestId('answer-saved')).toContainText('maturity-uplift-小王.json');
  expect(errors).toEqual([]);
});

test('the trainer unlocks the challenge, imports two answers and sees the class board', async ({ page }) => {
  const errors: string[] = [];
  await openInChinese(page, errors);
  await page.getByTestId('nav-teaching').click();
  await page.getByTestId('teaching-tab-board').click();
  await page.getByTestId('board-challenge-file').setInputFiles(CHALLENGE);
  // A wrong passphrase: a clear error and nothing revealed.
  await page.getByTestId('board-passphrase').fill('not-the-passphrase');
  await page.getByTestId('board-unlock').click();
  await expect(page.getByTestId('board-lock-error')).toContainText('口令无法打开此挑战');
  await expect(page.getByTestId('board-hidden')).toHaveCount(0);
  await page.getByTestId('board-passphrase').fill('sandtable-demo');
  await page.getByTestId('board-unlock').click();
  await expect(page.getByTestId('board-hidden')).toContainText(
    '理财经理 · 成交率 = 0.553 (channels[wealth_manager].closeRate)',
  );
  const challenge = JSON.parse(readFileSync(CHALLENGE, 'utf8'));
  const seal = challenge.sealed.data.slice(0, 24);
  const answer = (learner: string, low: number, high: number) => ({
    name: `${learner}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        kind: 'sandtable.challenge-answer',
        version: 1,
        challenge: 'maturity-uplift',
        seal,
        learner,
        pilotsUsed: 6,
        answer: { kind: 'estimate', low, high },
      }),
    ),
  });
  // One reads the naive gap (21.75 pp) as the effect; one gives an interval around the pilots.
  await page.getByTestId('board-answer-files').setInputFiles([answer('小王', 5, 9), answer('小李', 18, 25)]);
  const rows = page.getByTestId('board-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('小王');
  await expect(rows.nth(1)).toContainText('小李');
  await expect(rows.nth(1)).toContainText('把朴素差距当成效果');
  await expect(page.getByTestId('board-mistakes')).toContainText('把朴素差距当成效果');
  await expect(page.getByTestId('board-plot')).toBeVisible();
  // The interval score of [5, 9] is its width, 4, as long as it covers the truth.
  await expect(page.getByTestId('board-score').first()).toHaveText('4');
  await page.setViewportSize({ width: 1440, height: 1100 });
  await page.screenshot({ path: `${DOCS}/class-board.png` });
  // The debrief deck lays out through the report's print path.
  // window.print records what the printed page holds at that moment, then ends the print.
  await page.evaluate(() => {
    const w = window as unknown as { printed?: string };
    window.print = () => {
      w.printed = document.querySelector('[data-testid="debrief-print"]')?.textContent ?? '';
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  await page.getByTestId('board-debrief').click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed?: string }).printed ?? null))
    .toMatch(/课堂复盘.*小王.*小李.*把朴素差距当成效果/s);
  await expect(page.getByTestId('debrief-print')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the trainer makes a challenge from the open scenario in the studio; a hidden value that shows elsewhere is refused', async ({
  page,
}) => {
  const errors: string[] = [];
  await removeFilePickers(page);
  await openInChinese(page, errors);
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-wealth-maturity-retention.json').click();
  await expect(page.getByTestId('scenario-name')).toContainText('理财到期');
  await page.getByTestId('run-field-monteCarlo.replications').fill('20');
  await page.getByTestId('nav-teaching').click();
  await page.getByTestId('teaching-tab-board').click();
  await page.getByTestId('challenge-maker').locator('summary').click();
  const pick = async (row: number, query: string) => {
    await page.getByTestId(`override-param-maker-${row}`).click();
    await page.getByTestId(`override-search-maker-${row}`).fill(query);
    await page.getByTestId(`override-search-maker-${row}`).press('Enter');
  };
  // The wealth manager's close rate (0.55) equals the long tail's app-user share: refused at once.
  await pick(0, 'channels[wealth_manager].closeRate');
  await page.getByTestId('maker-pilots').fill('4');
  await page.getByTestId('maker-passphrase').fill('class-passphrase');
  await page.getByTestId('maker-passphrase-again').fill('class-passphrase');
  await page.getByTestId('maker-make').click();
  await expect(page.getByTestId('maker-status')).toContainText('0.55');
  await expect(page.getByTestId('maker-status')).toContainText('同一数字出现在别处');
  // The AI call's response effect (1.4) shows elsewhere only as the mode of its own prior, which is
  // sealed with it: hiding it works, and the saved file holds no 1.4.
  await pick(0, 'channels[ai_call].responseEffect');
  const download = page.waitForEvent('download');
  await page.getByTestId('maker-make').click();
  const file = await download;
  const text = readFileSync(await file.path(), 'utf8');
  const made = JSON.parse(text);
  expect(made).toMatchObject({
    kind: 'sandtable.challenge',
    hidden: ['channels[ai_call].responseEffect'],
    budget: { pilots: 4 },
  });
  expect(made.observations).toHaveLength(4);
  expect(text).not.toMatch(/(^|[^0-9])1\.4(?![0-9])/);
  await expect(page.getByTestId('maker-status')).toContainText('已保存');
  expect(errors).toEqual([]);
});
