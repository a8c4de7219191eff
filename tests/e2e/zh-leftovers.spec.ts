// Every main screen of the studio in zh-CN, after a run, a comparison and a simulated pilot: no
// English word may show outside an allow-list (product, format and unit names) and the scenario's
// own content (ids, and the author's labels, which the studio shows as written). Also writes the zh-CN screenshots of Compare and Planner to
// docs/images.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

const EXAMPLE = 'scenarios/omnichannel-referral-pilot.json';

/** Names that stay as they are in Chinese text: products, file formats, units and statistics. */
const ALLOWED = new Set(
  [
    'Sandtable',
    'KYC',
    'KYP',
    'KYATO',
    'AUM',
    'MAU',
    'ROI',
    'ICC',
    'CV',
    'MDE',
    'SD',
    'SE',
    'CSV',
    'PDF',
    'PNG',
    'JSON',
    'App',
    'APP',
    'AI',
    'WeChat',
    'WeCom',
    'SMS',
    'pp',
    'df',
    'Monte',
    'Carlo',
    'Delete',
    'Esc',
    'Ctrl',
    'Shift',
    'Cmd',
    'React',
    'Flow',
    'ECharts',
    // The language menu names each language in itself.
    'English',
    'ISO',
  ].map((w) => w.toLowerCase()),
);

/**
 * Words of the scenario's own content: ids, and the author's one-language texts (a plain string is
 * the scenario's words, not the studio's; the studio cannot translate it). Of a bilingual text
 * ({ "zh-CN": …, "en": … }) only the Chinese side counts: its English side showing on a zh-CN
 * screen is a leftover.
 */
function scenarioWords(text: string, fileName: string): Set<string> {
  const words = new Set<string>();
  const add = (s: string) => {
    for (const w of s.split(/[^A-Za-z]+/)) if (w) words.add(w.toLowerCase());
  };
  const walk = (v: unknown) => {
    if (typeof v === 'string') add(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['zh-CN'] === 'string' && typeof o.en === 'string') add(o['zh-CN']);
      else for (const x of Object.values(o)) walk(x);
    }
  };
  walk(JSON.parse(text));
  add(fileName);
  return words;
}

async function screenText(page: Page, screen: string): Promise<string> {
  await page.getByTestId(`nav-${screen}`).click();
  await expect(page.getByTestId(`screen-${screen}`)).toBeVisible();
  // biome-ignore lint/performance/useDomNodeTextContent: only what is visible counts (innerText skips hidden nodes)
  return page.locator('body').innerText();
}

/** English words (three letters or more) in `text` that are neither allowed nor scenario ids. */
function leftovers(text: string, ids: Set<string>): string[] {
  const words = text.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? [];
  return [
    ...new Set(
      words.filter((w) => {
        const parts = w.toLowerCase().split(/[-']/);
        return !parts.every((p) => p.length < 3 || ALLOWED.has(p) || ids.has(p));
      }),
    ),
  ];
}

test('zh-CN screens show no English words outside the allow-list', async ({ page }) => {
  test.setTimeout(400_000);
  const ids = scenarioWords(readFileSync(EXAMPLE, 'utf8'), EXAMPLE);
  page.on('dialog', (d) => void d.accept());
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.getByTestId('language-switch').selectOption('zh-CN');
  await page.getByTestId('examples-button').click();
  await page.getByTestId('example-omnichannel-referral-pilot.json').click();

  const found: Record<string, string[]> = {};
  for (const screen of [
    'overview',
    'population',
    'offers',
    'strategies',
    'channels',
    'calendar',
    'teaching',
  ]) {
    found[screen] = leftovers(await screenText(page, screen), ids);
  }

  await page.getByTestId('run-field-monteCarlo.replications').fill('8');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  found.results = leftovers(await screenText(page, 'results'), ids);

  await page.getByTestId('nav-compare').click();
  await page.getByTestId('compare-replications').fill('6');
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-results')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'done', {
    timeout: 180_000,
  });
  found.compare = leftovers(await screenText(page, 'compare'), ids);
  await page.getByTestId('compare-results').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/images/compare-zh.png' });

  await page.getByTestId('nav-planner').click();
  await expect(page.getByTestId('planner-prefilled')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('planner-sim-replications').fill('6');
  await page.getByTestId('planner-sim-run').click();
  await expect(page.getByTestId('planner-sim-results')).toBeVisible({ timeout: 240_000 });
  found.planner = leftovers(await screenText(page, 'planner'), ids);
  await page.getByTestId('planner-sim-results').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/images/planner-zh-simulated.png' });
  await page.getByTestId('planner-scenario').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/images/planner-zh.png' });

  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
});
