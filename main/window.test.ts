// Runtime: Node (vitest; electron mocked). The window is secure: isolated, sandboxed, no Node, a
// strict CSP on the app's pages, no new windows, no navigation, no webviews, few permissions.
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from './csp';
import {
  createMainWindow,
  devServerUrl,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  type RendererSource,
  registerAppScheme,
  rendererSource,
  secureWindowOptions,
} from './window';

const created = vi.hoisted(() => [] as Array<{ options: unknown; loadFile: unknown; loadURL: unknown }>);
vi.mock('electron', () => ({
  BrowserWindow: class {
    loadFile = vi.fn(async () => {});
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    show = vi.fn();
    constructor(public options: unknown) {
      created.push(this as never);
    }
  },
}));

const APP_SOURCE: RendererSource = { kind: 'app', rendererDir: '/opt/Sandtable/dist/renderer' };

describe('window options', () => {
  it('creates the window with those options and loads the built renderer or the dev server', () => {
    createMainWindow('/p.cjs', APP_SOURCE);
    createMainWindow('/p.cjs', { kind: 'url', url: 'http://localhost:5173/' });
    const [built, dev] = created.slice(-2);
    expect(built.options).toEqual(secureWindowOptions('/p.cjs'));
    expect(built.loadURL).toHaveBeenCalledWith('app://sandtable/index.html');
    expect(built.loadFile).not.toHaveBeenCalled();
    expect(dev.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('honours SANDTABLE_DEV_URL only in an unpackaged build', () => {
    const rendererDir = '/opt/Sandtable/dist/renderer';
    const devUrl = 'http://localhost:5173';
    expect(rendererSource({ isPackaged: false, devUrl, rendererDir })).toEqual({
      kind: 'url',
      url: 'http://localhost:5173/',
    });
    expect(rendererSource({ isPackaged: true, devUrl, rendererDir })).toEqual({ kind: 'app', rendererDir });
    expect(rendererSource({ isPackaged: false, devUrl: undefined, rendererDir })).toEqual({
      kind: 'app',
      rendererDir,
    });
  });

  it('registers app:// as a standard, secure scheme', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (s) => void registered.push(...s) });
    expect(registered).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
  });
});

describe('webContents hardening', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
    let openHandler: ((details: unknown) => unknown) | undefined;
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
      on: (name: string, l: (event: { preventDefault: () => void }) => void) => void listeners.set(name, l),
    } as unknown as WebContents;
    hardenWebContents(contents);
    return { listeners, open: (d: unknown) => openHandler?.(d) };
  }

  it('denies every new window', () => {
    const { open } = fakeContents();
    expect(open({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const { listeners } = fakeContents();
    const preventDefault = vi.fn();
    listeners.get(name)!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('content security policy', () => {
  it('is strict for the built app', () => {
    const csp = contentSecurityPolicy();
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "worker-src 'self' blob:",
      "img-src 'self' data: blob:",
      "style-src 'self' 'unsafe-inline'",
      "object-src 'none'",
    ]) {
      expect(csp.split('; ')).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('lets the dev server add only its inline preamble and its websocket', () => {
    const csp = contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' });
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain('ws://localhost:5173');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('is added to responses for the app pages only', () => {
    type Listener = (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      cb: (r: unknown) => void,
    ) => void;
    let onHeaders: Listener | undefined;
    let onRequest: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let onCheck: ((c: unknown, p: string) => boolean) | undefined;
    const session = {
      webRequest: { onHeadersReceived: (l: Listener) => void (onHeaders = l) },
      setPermissionRequestHandler: (h: typeof onRequest) => void (onRequest = h),
      setPermissionCheckHandler: (h: typeof onCheck) => void (onCheck = h),
    } as unknown as Session;
    hardenSession(session, APP_SOURCE);

    const cb = vi.fn();
    onHeaders!({ url: 'app://sandtable/index.html', responseHeaders: { A: ['1'] } }, cb);
    expect(cb).toHaveBeenLastCalledWith({
      responseHeaders: { A: ['1'], 'Content-Security-Policy': [contentSecurityPolicy()] },
    });
    onHeaders!({ url: 'devtools://devtools/bundled/inspector.html' }, cb);
    expect(cb).toHaveBeenLastCalledWith({});

    const answer = vi.fn();
    onRequest!({}, 'media', answer);
    onRequest!({}, 'clipboard-sanitized-write', answer);
    expect(answer.mock.calls).toEqual([[false], [true]]);
    expect(onCheck!({}, 'geolocation')).toBe(false);
  });
});

describe('URLs', () => {
  it('accepts only loopback dev servers', () => {
    expect(devServerUrl('http://localhost:5173')).toBe('http://localhost:5173/');
    expect(devServerUrl('http://127.0.0.1:4000/app/')).toBe('http://127.0.0.1:4000/app/');
    expect(devServerUrl('https://example.com/')).toBeNull();
    expect(devServerUrl('file:///tmp/index.html')).toBeNull();
    expect(devServerUrl('not a url')).toBeNull();
    expect(devServerUrl(undefined)).toBeNull();
  });

  it('treats only the app:// origin (or the dev origin) as the app', () => {
    expect(isAppUrl('app://sandtable/assets/index-abc.js', APP_SOURCE)).toBe(true);
    expect(isAppUrl('file:///opt/Sandtable/dist/renderer/index.html', APP_SOURCE)).toBe(false);
    expect(isAppUrl('app://sandtable.evil/x.html', APP_SOURCE)).toBe(false);
    expect(isAppUrl('app://other/index.html', APP_SOURCE)).toBe(false);
    const dev: RendererSource = { kind: 'url', url: 'http://localhost:5173/' };
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('garbage', dev)).toBe(false);
  });
});
