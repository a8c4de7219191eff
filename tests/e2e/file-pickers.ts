// Playwright cannot see the File System Access pickers, so the specs that open or save files remove
// them before the page loads: the studio then uses an <input> and a download (browser-fs-access's
// fallback), which Playwright's filechooser and download events see.
import type { Page } from '@playwright/test';

export async function removeFilePickers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    for (const picker of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker'])
      delete w[picker];
  });
}
