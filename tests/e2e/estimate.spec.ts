// The run's cost is known before it starts: the estimate beside Run, a question before a large
// run (800,000 customers), and a refusal, with what to reduce, of one that would not fit in memory
// (5,000,000 customers: the format's maximum), in English and in Chinese. Nothing is run.
import { expect, test } from '@playwright/test';

test('estimate before a large run, a question first, and a refusal of one that would not fit', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('app-ready')).toBeVisible();
  const estimate = page.getByTestId('run-estimate');
  await expect(estimate).toContainText(/^estimate: about \d+ s with \d+ worker\(s\)/);
  const atExample = await estimate.textContent();

  await page.getByTestId('nav-population').click();
  const size = page.getByTestId('field-population.size');
  // 800,000 customers × 400 replications: ~70 s with 2 workers, above the 60 s that asks first.
  await size.fill('800000');
  // The scenario is validated after a pause in typing: wait for the estimate of 800,000 customers.
  await expect(estimate).not.toHaveText(atExample ?? '');
  await expect(estimate).toContainText('peak memory about');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-ask')).toContainText('This is a large run: estimate: about');
  await page.getByTestId('run-ask-cancel').click();
  await expect(page.getByTestId('run-ask')).toHaveCount(0);
  await expect(page.getByTestId('run-status')).not.toHaveAttribute('data-status', 'running');

  await size.fill('5000000');
  await expect(page.getByTestId('run-button')).toBeDisabled();
  const reason = page.getByTestId('run-disabled-reason');
  await expect(reason).toContainText('Too big to run here: this run would need about');
  await expect(reason).toContainText('5000000 customers take');
  await expect(reason).toContainText('Reduce the replications, the population size or the workers');

  await page.getByTestId('language-switch').selectOption('zh-CN');
  await expect(reason).toContainText('规模过大，无法在此运行：本次运行约需');
  await expect(reason).toContainText('请减少重复次数、客群规模或工作线程数');
  await size.fill('100000');
  await expect(page.getByTestId('run-estimate')).toContainText(/^预估：\d+ 个工作线程约 \d+ 秒/);
  await expect(page.getByTestId('run-button')).toBeEnabled();
});
