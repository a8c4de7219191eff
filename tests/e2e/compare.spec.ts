// Compare variants belong to the scenario file: an edited variant is saved with it and comes back
// when the file is opened after a reload; the table exports as CSV with its cost rows; a variant can
// be applied to the scenario and undone.
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { removeFilePickers } from './file-pickers';

async function openStudio(page: Page) {
  await removeFilePickers(page);
  page.on('dialog', (d) => void d.accept());
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
}

async function toCompare(page: Page) {
  await page.getByTestId('nav-compare').click();
  await expect(page.getByTestId('screen-compare')).toBeVisible();
}

test('a saved variant survives a reload; the table exports with cost rows; apply is undoable', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openStudio(page);
  await toCompare(page);
  // The offered pair is not written into the file until the user edits a variant.
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await page.getByTestId('variant-name-v2').fill('Holdout 20% kept');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByTestId('save-as-button').click();
  const download = await downloading;
  const saved = await readFile(await download.path(), 'utf8');
  const doc = JSON.parse(saved);
  expect(doc.compare.variants.map((v: { name: string }) => v.name)).toEqual([
    'Current scenario',
    'Holdout 20% kept',
  ]);

  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('open-button').click();
  await (await chooser).setFiles({
    name: 'with-variants.json',
    mimeType: 'application/json',
    buffer: Buffer.from(saved),
  });
  await expect(page.getByTestId('file-name')).toHaveText('with-variants.json');
  await toCompare(page);
  await expect(page.getByTestId('variant-name-v2')).toHaveValue('Holdout 20% kept');

  // Run both variants briefly; the table has the cost rows and exports as CSV.
  await page.getByTestId('compare-replications').fill('4');
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'done', {
    timeout: 240_000,
  });
  await expect(page.getByTestId('compare-row-cost')).toBeVisible();
  await expect(page.getByTestId('compare-row-cost-per-buyer')).toBeVisible();
  await expect(page.getByTestId('compare-row-staff-hours')).toBeVisible();
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('compare-export-csv').click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toMatch(/^with-variants-compare-.+\.csv$/);
  const csv = (await readFile(await csvFile.path(), 'utf8')).replace(/^\uFEFF/, '');
  expect(csv.split('\r\n')[0]).toContain('diff_vs_base_mean');
  expect(csv).toMatch(/\r\n[^,]+,cost,"?Holdout 20% kept"?,false,/);
  // …and as a picture: a PNG (its signature) at 2× the table's size on screen.
  const pngDownload = page.waitForEvent('download');
  await page.getByTestId('compare-export-png').click();
  const pngFile = await pngDownload;
  expect(pngFile.suggestedFilename()).toMatch(/^compare-.+-table\.png$/);
  await pngFile.saveAs('test-results/screenshots/compare-table.png');
  const png = await readFile(await pngFile.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const table = (await page.getByTestId('compare-table').boundingBox())!;
  expect(Math.abs(png.readUInt32BE(16) - 2 * table.width)).toBeLessThanOrEqual(4);

  // Apply the variant: the scenario takes its holdout; the comparison is now out of date; Undo reverts.
  const share = async () => JSON.parse(await rawJson(page)).strategies[0].holdout.share;
  const before = await share();
  await toCompare(page);
  await page.getByTestId('variant-apply-v2').click();
  expect(await share()).toBe(doc.compare.variants[1].overrides[0].value);
  await toCompare(page);
  await expect(page.getByTestId('compare-stale')).toBeVisible();
  await page.getByTestId('undo-button').click();
  expect(await share()).toBe(before);
});

async function rawJson(page: Page): Promise<string> {
  await page.getByTestId('nav-json').click();
  return page.getByTestId('raw-json').inputValue();
}
