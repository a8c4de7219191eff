// Runtime: Electron main (Node). The main window: secure webPreferences, the renderer served from
// app://sandtable, a strict CSP, and no new windows, navigation, webviews or permissions beyond
// what the app needs.
import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type Protocol,
  type Session,
  type WebContents,
} from 'electron';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, appProtocolResponse } from './app-protocol';
import { contentSecurityPolicy } from './csp';

export const APP_TITLE = 'Sandtable';

/** Where the renderer comes from: the built files (served as app://), or a loopback dev server (Vite). */
export type RendererSource = { kind: 'app'; rendererDir: string } | { kind: 'url'; url: string };

/** The dev server only in an unpackaged build (`SANDTABLE_DEV_URL`); a packaged app always serves its own files. */
export function rendererSource(opts: {
  isPackaged: boolean;
  devUrl: string | undefined;
  rendererDir: string;
}): RendererSource {
  const dev = opts.isPackaged ? null : devServerUrl(opts.devUrl);
  return dev ? { kind: 'url', url: dev } : { kind: 'app', rendererDir: opts.rendererDir };
}

/** app:// behaves like https: a standard, secure origin with fetch; must run before `app` is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serve the renderer folder on app:// in this session, each response with the CSP. */
export function serveApp(session: Session, rendererDir: string): void {
  const csp = contentSecurityPolicy();
  session.protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request, rendererDir, csp));
}

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
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** Permissions a page may get; everything else (camera, geolocation, notifications…) is refused. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function hardenSession(session: Session, source: RendererSource): void {
  const csp = contentSecurityPolicy({ devServerUrl: source.kind === 'url' ? source.url : undefined });
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
  const loading = win.loadURL(source.kind === 'app' ? APP_INDEX_URL : source.url);
  loading.catch((err: unknown) => {
    console.error('[window] could not load the renderer:', err);
    win.show();
  });
  return win;
}
