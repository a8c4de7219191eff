// Teaching mode in zh-CN: the glossary from "?" and from a field's ⓘ. Writes docs/images/glossary.png.
import { expect, type Page, test } from '@playwright/test';

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
