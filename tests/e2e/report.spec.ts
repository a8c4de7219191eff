// The report PDF: every strategy of the run, one from each new page, every chart drawn and inside
// the page. The browser's print dialog is replaced by a marker; Chromium's own print-to-PDF (what
// Electron's printToPDF uses too) makes the PDF while the print layout is up.
import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

const SHOTS = 'test-results/screenshots';

test('Report PDF prints every strategy with its charts, sized to the page', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    window.print = () => {
      document.body.dataset.printRequested = 'yes';
    };
  });
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.getByTestId('run-field-monteCarlo.replications').fill('20');
  await page.getByTestId('run-field-monteCarlo.seed').fill('report-seed');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  await page.getByTestId('nav-results').click();
  const strategyIds = await page
    .locator('[data-testid^="strategy-tab-"]')
    .evaluateAll((tabs) =>
      tabs.map((t) => t.getAttribute('data-testid')?.replace('strategy-tab-', '') ?? ''),
    );
  expect(strategyIds).toHaveLength(4);

  await page.getByTestId('export-pdf').click();
  await expect(page.locator('body[data-print-requested="yes"]')).toBeAttached();
  const report = page.getByTestId('print-report');
  await expect(report).toBeAttached();
  for (const id of strategyIds) await expect(page.getByTestId(`print-strategy-${id}`)).toBeAttached();
  // The assumption ledger is printed too: the example's 12 assumptions with their sources.
  await expect(report.getByTestId('print-ledger').locator('tbody tr')).toHaveCount(12);
  await expect(report.getByTestId('print-ledger-channels[wealth_manager].closeRate')).toContainText(
    'Seed figure · seed 004',
  );

  // Every chart of the report is drawn (as SVG) and fits the width of the page's content.
  const charts = await report.evaluate((el) => {
    const width = el.getBoundingClientRect().width;
    const hosts = [...el.querySelectorAll('[role="img"]')];
    return {
      width,
      hosts: hosts.length,
      drawn: hosts.filter((h) => h.querySelector('svg')).length,
      widest: Math.max(...hosts.map((h) => h.querySelector('svg')?.getBoundingClientRect().width ?? 0)),
      // Charts drawn at another width than their place in the page (drawn before layout settled).
      misfits: hosts
        .map((h) => ({
          name: h.getAttribute('data-testid') ?? h.getAttribute('aria-label'),
          host: Math.round(h.getBoundingClientRect().width),
          svg: Math.round(h.querySelector('svg')?.getBoundingClientRect().width ?? 0),
        }))
        .filter((m) => Math.abs(m.host - m.svg) > 2),
    };
  });
  expect(charts.hosts).toBeGreaterThanOrEqual(4 * 8);
  expect(charts.drawn).toBe(charts.hosts);
  expect(charts.widest).toBeLessThanOrEqual(charts.width);
  expect(charts.misfits).toEqual([]);

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await writeFile('test-results/report.pdf', pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  // Each strategy starts a page of its own, after the title block.
  expect(pages).toBeGreaterThanOrEqual(strategyIds.length + 1);

  // Printing over: the print layout goes, the dashboard is as it was.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(report).toHaveCount(0);
  await expect(page.getByTestId('strategy-panel')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/11-after-report.png` });
  expect(errors).toEqual([]);
});
