// The desktop app loads the built renderer from file:// (BrowserWindow.loadFile), where the Electron
// binary cannot run here. Closest stand-in: Debian's Chromium opening dist/renderer/index.html from
// file:// with file access granted to file pages, as Electron grants it. The module scripts, the
// module Web Workers (the population preview and a run) and the CSP meta tag must all work there.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, expect, test } from '@playwright/test';
import config from '../../playwright.config';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
const indexHtml = pathToFileURL(join(root, 'dist/renderer/index.html')).href;

test('the built renderer runs from file://, workers included', async () => {
  test.setTimeout(120_000);
  const launch = config.use?.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launch,
    args: [...(launch.args ?? []), '--allow-file-access-from-files'],
  });
  try {
    const page = await browser.newPage({ locale: 'en-US' });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(indexHtml);
    await expect(page.getByTestId('app-ready')).toBeVisible();
    // The population preview is built in a module worker.
    await expect(page.getByTestId('population-preview-panel')).not.toContainText(
      'Building the synthetic population',
    );
    await expect(page.getByTestId('population-preview-updating')).toHaveCount(0);
    // A short run: the pool of module workers and the summarizer.
    await page.getByTestId('run-field-monteCarlo.replications').fill('4');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
