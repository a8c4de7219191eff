// Runtime: Node (vitest; electron mocked). The desktop security checklist (docs/security.md) read
// from the files that carry it: electron-builder.yml's fuses and asar, the window's webPreferences,
// the app:// scheme, the dev-server switch and the CSP. A regression in any item fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from './csp';
import { registerAppScheme, rendererSource, secureWindowOptions } from './window';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

const builderYml = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');

/** The `key: value` lines of a top-level YAML block (the file's own flat layout). */
function yamlBlock(text: string, name: string): Record<string, string> {
  const lines = text.split('\n');
  const start = lines.indexOf(`${name}:`);
  if (start < 0) return {};
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^\s+([A-Za-z]\w*):\s*(\S+)\s*(#.*)?$/.exec(line);
    if (!m) break;
    out[m[1]] = m[2];
  }
  return out;
}

const topLevel = (key: string) => new RegExp(`^${key}:\\s*(\\S+)`, 'm').exec(builderYml)?.[1];

describe('electron-builder.yml', () => {
  const fuses = yamlBlock(builderYml, 'electronFuses');

  it.each([
    ['runAsNode', 'false', 'ELECTRON_RUN_AS_NODE turns the app into a plain Node runtime'],
    ['enableNodeOptionsEnvironmentVariable', 'false', 'NODE_OPTIONS could inject code at start-up'],
    ['enableNodeCliInspectArguments', 'false', '--inspect would open a debugger into the main process'],
    ['enableCookieEncryption', 'true', 'cookies at rest encrypted with the OS key store'],
    ['enableEmbeddedAsarIntegrityValidation', 'true', 'app.asar checked against its embedded hash'],
    ['onlyLoadAppFromAsar', 'true', 'no loose app folder can replace the signed archive'],
    ['grantFileProtocolExtraPrivileges', 'false', 'file:// pages get no extra powers (the app uses app://)'],
  ])('fuse %s is %s: %s', (fuse, value) => {
    expect(fuses[fuse], `electronFuses.${fuse}`).toBe(value);
  });

  it('packs the app into an asar archive with its integrity hash', () => {
    expect(topLevel('asar')).toBe('true');
    expect(builderYml).not.toMatch(/disableIntegrity:\s*true/);
  });
});

describe('window and origin', () => {
  it('isolates and sandboxes the renderer, with no Node and no webviews', () => {
    expect(secureWindowOptions('/p.cjs').webPreferences).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('serves the renderer on app:// (standard, secure), and a packaged app ignores SANDTABLE_DEV_URL', () => {
    const schemes: Electron.CustomScheme[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => void schemes.push(...s) });
    expect(schemes[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(schemes[0].privileges).not.toHaveProperty('bypassCSP');
    const packaged = rendererSource({ isPackaged: true, devUrl: 'http://localhost:5173', rendererDir: '/r' });
    expect(packaged.kind).toBe('app');
  });

  it('has a strict CSP: no inline or eval script, no plugins, no framing, no foreign connections', () => {
    const directives = contentSecurityPolicy().split('; ');
    for (const d of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-src 'none'",
      "frame-ancestors 'none'",
    ])
      expect(directives).toContain(d);
    expect(directives.join('; ')).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });
});
