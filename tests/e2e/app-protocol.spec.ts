// The desktop app serves the built renderer from app://sandtable through main/app-protocol.ts
// (protocol.handle), where the Electron binary cannot run here. Closest stand-in: the same handler
// behind a loopback HTTP server (a secure origin of its own, like app://), each response with the
// shell's CSP header and the meta tag, opened in Debian's Chromium. The module scripts, the module
// Web Workers (the population preview and a run) must all work under that policy.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { APP_ORIGIN, appProtocolResponse } from '../../main/app-protocol';
import { contentSecurityPolicy } from '../../main/csp';

const rendererDir = join(fileURLToPath(new URL('.', import.meta.url)), '../../dist/renderer');
let server: Server;
let origin = '';

test.beforeAll(async () => {
  const csp = contentSecurityPolicy();
  server = createServer(async (req, res) => {
    const r = await appProtocolResponse(
      { url: `${APP_ORIGIN}${req.url}`, method: req.method ?? 'GET' },
      rendererDir,
      csp,
    );
    res.writeHead(r.status, Object.fromEntries(r.headers));
    res.end(Buffer.from(await r.arrayBuffer()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

test('the built renderer runs when served by the app:// handler, under its CSP header, workers included', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const response = await page.goto(`${origin}/index.html`);
  expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy());
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
  // Nothing outside the renderer folder is reachable from the page's origin.
  const outside = await page.evaluate(async () => (await fetch('/../main/index.cjs')).status);
  expect(outside).toBe(404);
});
