// The assumption ledger and the tornado in the studio: the ledger lists the example's priors and
// marked assumptions with their sources, a parameter is marked in the form, the tornado runs on
// the worker pool (progress, then cancel, then a whole run) and puts a channel a strategy does not
// use at zero; both screens in zh-CN. Writes the screenshots under docs/images.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

const DOCS = 'docs/images';

/** Words (4 letters or more) of the sensitivity namespace's English strings and the outputs' names, for the zh-CN check. */
function englishWords(): Set<string> {
  const words = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const w of v.match(/[A-Za-z]{4,}/g) ?? []) words.add(w);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(JSON.parse(readFileSync('renderer/i18n/sensitivity.en.json', 'utf8')));
  // The outputs' names come from the message catalogue (shared with the CLI).
  walk(JSON.parse(readFileSync('messages/en.json', 'utf8')).output);
  // Names that stay as they are in Chinese text.
  for (const w of ['Beta', 'JSON', 'Monte', 'Carlo', 'Sobol', 'Saltelli', 'Jansen']) words.delete(w);
  return words;
}

/**
 * The text without the scenario's own labels and ledger references, which the studio shows as
 * written ("Non-money-market fund 非货基").
 */
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
  return labels.reduce((t, l) => t.split(l).join(' '), text);
}

async function openStudio(page: Page) {
  page.on('dialog', (d) => void d.accept());
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
}

test('the assumption ledger and the tornado, in English and Chinese', async ({ page }) => {
  test.setTimeout(600_000);
  await openStudio(page);

  // The ledger: the example's three priors, then its marked assumptions, each with its source.
  await page.getByTestId('nav-assumptions').click();
  await expect(page.getByTestId('screen-assumptions')).toBeVisible();
  await expect(page.getByTestId('ledger-count')).toHaveText('12 assumptions');
  const ai = page.getByTestId('ledger-row-channels[ai_call].responseEffect');
  await expect(ai).toHaveAttribute('data-kind', 'prior');
  // Triangular(0.5, 0.8, 1.1): 5th and 95th percentiles 0.5949 and 1.005.
  await expect(page.getByTestId('ledger-range-channels[ai_call].responseEffect')).toContainText(
    '0.5949 – 1.0051',
  );
  await expect(page.getByTestId('ledger-range-channels[sms].responseEffect')).toContainText(
    '0.16 – 0.24 (±20% of the value)',
  );
  // Mark one more: the remote agent's reach rate, by its label in the picker.
  await page.getByTestId('override-param-ledger-add').click();
  await page.getByTestId('override-search-ledger-add').fill('remote reach');
  await page.getByTestId('param-option-channels[remote_agent].reachRate').click();
  await expect(page.getByTestId('ledger-count')).toHaveText('13 assumptions');
  const marked = page.getByTestId('ledger-row-channels[remote_agent].reachRate');
  await expect(marked).toHaveAttribute('data-kind', 'assumption');
  await marked.getByLabel('Reference (figure or document)').fill('call-centre connect rate, 2025');
  await marked.getByLabel('Low (blank: default)').fill('0.8');
  await marked.getByLabel('High (blank: default)').fill('0.98');
  await expect(page.getByTestId('ledger-range-channels[remote_agent].reachRate')).toContainText(
    '0.8 – 0.98 (set here)',
  );
  // Removing it takes it off the ledger again.
  await page.getByTestId('ledger-remove-12').click();
  await expect(page.getByTestId('ledger-count')).toHaveText('12 assumptions');
  await expect(page.getByTestId('ledger-table').locator('tbody tr')).toHaveCount(12);
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.screenshot({ path: `${DOCS}/assumptions.png` });

  // The tornado: a long run shows progress and ETA and stops at once on cancel.
  await page.getByTestId('nav-sensitivity').click();
  await expect(page.getByTestId('screen-sensitivity')).toBeVisible();
  await expect(page.getByTestId('tornado-points-note')).toContainText('12 assumptions → 25 runs');
  await page.getByTestId('tornado-replications').fill('200');
  await page.getByTestId('tornado-run').click();
  await expect(page.getByTestId('tornado-status-text')).toContainText(/Running point 1 of 25 · .* ETA/);
  await page.getByTestId('tornado-cancel').click();
  await expect(page.getByTestId('tornado-status')).toHaveAttribute('data-status', 'cancelled');

  // A whole run at 3 replications a point (25 points on 100,000 customers).
  await page.getByTestId('tornado-replications').fill('3');
  await page.getByTestId('tornado-run').click();
  await expect(page.getByTestId('tornado-status')).toHaveAttribute('data-status', 'done', {
    timeout: 480_000,
  });
  await expect(page.getByTestId('tornado-status-text')).toContainText('25 points × 3 replications');
  await expect(page.getByTestId('tornado-table').locator('tbody tr')).toHaveCount(12);
  // The activation campaign (SMS only, no money product) cannot be moved by the AI call.
  await page.getByTestId('tornado-strategy').selectOption('app_activation');
  const aiRow = page.getByTestId('tornado-row-channels[ai_call].responseEffect');
  await expect(aiRow.getByTestId('tornado-swing')).toHaveText('¥0 ± ¥0');
  await expect(aiRow).toContainText('within 2 SE');
  await page.getByTestId('tornado-strategy').selectOption('');
  await page.getByTestId('tornado-output').selectOption('roi');
  await expect(page.getByTestId('tornado-base')).toContainText('ROI (modelled value ÷ cost) · Base:');
  await page.getByTestId('tornado-output').selectOption('modelledNewMoney');
  await expect(page.getByTestId('tornado-chart').locator('svg, canvas').first()).toBeVisible();
  await page.getByTestId('tornado-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DOCS}/sensitivity-tornado.png` });

  // Both screens in zh-CN: none of the namespace's English words left.
  await page.getByTestId('language-switch').selectOption('zh-CN');
  const words = englishWords();
  const checkChinese = async (screen: string) => {
    await page.getByTestId(`nav-${screen}`).click();
    // biome-ignore lint/performance/useDomNodeTextContent: only what is visible counts (innerText skips hidden nodes)
    const text = withoutScenarioLabels(await page.getByTestId(`screen-${screen}`).innerText());
    expect([screen, [...words].filter((w) => new RegExp(`\\b${w}\\b`).test(text))]).toEqual([screen, []]);
  };
  await checkChinese('assumptions');
  await expect(page.getByTestId('ledger-count')).toHaveText('12 条假设');
  await checkChinese('sensitivity');
  await expect(page.getByTestId('tornado-status-text')).toContainText('25 个点 × 3 次重复');
  await page.getByTestId('tornado-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DOCS}/sensitivity-tornado-zh.png` });

  // Sobol indices: N = 2 base rows × (12 + 2) = 28 points of 2 replications.
  await page.getByTestId('sensitivity-method').selectOption('sobol');
  await page.getByTestId('tornado-replications').fill('2');
  await page.getByTestId('sobol-base-rows').fill('2');
  await expect(page.getByTestId('tornado-points-note')).toContainText('2 × 14 = 28');
  await page.getByTestId('tornado-run').click();
  await expect(page.getByTestId('tornado-status')).toHaveAttribute('data-status', 'done', {
    timeout: 480_000,
  });
  await expect(page.getByTestId('sobol-table').locator('tbody tr')).toHaveCount(12);
  await checkChinese('sensitivity');
  await page.getByTestId('language-switch').selectOption('en');
  await expect(page.getByTestId('sobol-noise')).toContainText('Replication noise is');
  await page.getByTestId('sobol-results').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DOCS}/sensitivity-sobol.png` });

  // Sweeps: one way (a line with its band), then two ways (a heatmap), on the Compare picker.
  await page.getByTestId('sensitivity-method').selectOption('sweep');
  await page.getByTestId('override-param-sweep-x').click();
  await page.getByTestId('override-search-sweep-x').fill('SMS response');
  await page.getByTestId('param-option-channels[sms].responseEffect').click();
  await page.getByTestId('sweep-x-from').fill('0.1');
  await page.getByTestId('sweep-x-to').fill('0.4');
  await page.getByTestId('sweep-x-steps').fill('4');
  await page.getByTestId('tornado-replications').fill('2');
  await page.getByTestId('tornado-output').selectOption('conversionUplift');
  await page.getByTestId('tornado-strategy').selectOption('payday_wmp');
  await expect(page.getByTestId('tornado-points-note')).toHaveText(
    '4 points × 2 replications (8 in all), on common random numbers.',
  );
  await page.getByTestId('tornado-run').click();
  await expect(page.getByTestId('tornado-status')).toHaveAttribute('data-status', 'done', {
    timeout: 300_000,
  });
  await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('sweep-line').locator('svg, canvas').first()).toBeVisible();
  await page.getByTestId('sweep-results').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DOCS}/sensitivity-sweep.png` });
  await page.getByTestId('sweep-add-y').click();
  await page.getByTestId('override-param-sweep-y').click();
  await page.getByTestId('override-search-sweep-y').fill('App push response');
  await page.getByTestId('param-option-channels[app_push].responseEffect').click();
  await page.getByTestId('sweep-y-steps').fill('3');
  await page.getByTestId('tornado-run').click();
  await expect(page.getByTestId('tornado-status')).toHaveAttribute('data-status', 'done', {
    timeout: 300_000,
  });
  await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(12);
  await expect(page.getByTestId('sweep-heatmap').locator('svg, canvas').first()).toBeVisible();
  await page.getByTestId('sweep-results').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DOCS}/sensitivity-sweep-2way.png` });
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await checkChinese('sensitivity');
  await page.getByTestId('sweep-results').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${DOCS}/sensitivity-sweep-zh.png` });
});
