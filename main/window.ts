// Runtime: Electron main (Node). The main window: secure webPreferences, a strict CSP, and no
// new windows, navigation, webviews or permissions beyond what the app needs.
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
} from 'electron';

export const APP_TITLE = 'Sandtable';

/** Where the renderer comes from: the built files, or a loopback dev server (Vite). */
export type RendererSource = { kind: 'file'; indexHtml: string } | { kind: 'url'; url: string };

export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: APP_TITLE,
    backgroundColor: '#f7f4ec',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** A loopback http(s) URL from SANDTABLE_DEV_URL, or null: the preload API never goes to a remote page. */
export function devServerUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    const isLoopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return isLoopback && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
  } catch {
    return null;
  }
}

/** True for the app's own pages and assets (the renderer folder, or the dev server's origin). */
export function isAppUrl(url: string, source: RendererSource): boolean {
  if (source.kind === 'url') {
    try {
      return new URL(url).origin === new URL(source.url).origin;
    } catch {
      return false;
    }
  }
  return url.startsWith(`${pathToFileURL(dirname(source.indexHtml)).href}/`);
}

/** The policy; the dev server additionally needs Vite's inline React-refresh preamble and its websocket. */
export function contentSecurityPolicy(devUrl?: string): string {
  const dev = devUrl ? new URL(devUrl) : null;
  const wsOrigin = dev ? `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}` : '';
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "worker-src 'self' blob:",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    dev ? `connect-src 'self' blob: data: ${wsOrigin}` : "connect-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Permissions a page may get; everything else (camera, geolocation, notifications…) is refused. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function hardenSession(session: Session, source: RendererSource): void {
  const csp = contentSecurityPolicy(source.kind === 'url' ? source.url : undefined);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, source)) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Loads the renderer; hardening of its webContents happens in `app.on('web-contents-created')`. */
export function createMainWindow(preloadPath: string, source: RendererSource): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  const loading = source.kind === 'file' ? win.loadFile(source.indexHtml) : win.loadURL(source.url);
  loading.catch((err: unknown) => {
    console.error('[window] could not load the renderer:', err);
    win.show();
  });
  return win;
}
