// Runtime: Node (vitest). The app:// handler serves the renderer folder and nothing else.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFilePath, appProtocolResponse } from './app-protocol';

let root: string;
let rendererDir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sandtable-app-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(rendererDir, 'assets', 'app-1.js'), 'export {}');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') =>
  appProtocolResponse({ url, method }, rendererDir, "default-src 'self'");

describe('app:// protocol', () => {
  it('serves files of the renderer folder with their type, the CSP and nosniff', async () => {
    const page = await get('app://sandtable/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>x</title>');
    const script = await get('app://sandtable/assets/app-1.js?v=1');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://sandtable/')).status).toBe(200);
  });

  it.each([
    'app://sandtable/../secret.txt',
    'app://sandtable/%2e%2e/secret.txt',
    'app://sandtable/assets/..%2f..%2fsecret.txt',
    'app://sandtable/..%5csecret.txt',
    'app://sandtable/%00index.html',
    'app://other/index.html',
    'app://sandtable.evil/index.html',
  ])('refuses %s', async (url) => {
    const r = await get(url);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('outside the renderer');
  });

  it('maps only paths inside the folder and answers 404 for folders and missing files, 405 for POST', async () => {
    expect(appFilePath('app://sandtable/assets/app-1.js', rendererDir)).toBe(
      join(rendererDir, 'assets', 'app-1.js'),
    );
    expect(appFilePath('file:///etc/passwd', rendererDir)).toBeNull();
    expect((await get('app://sandtable/assets')).status).toBe(404);
    expect((await get('app://sandtable/missing.js')).status).toBe(404);
    expect((await get('app://sandtable/index.html', 'POST')).status).toBe(405);
  });
});
