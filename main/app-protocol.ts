// Runtime: Node (Electron main; also the e2e stand-in server). The built renderer served from the
// app://sandtable origin instead of file://: a standard, secure origin of its own, so the page gets
// no file-system reach and same-origin means "the app's files". Only files under the renderer
// folder are served, each with the CSP header.
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://sandtable';
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `rendererDir` an app:// URL names, or null (another host, or outside the folder). */
export function appFilePath(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const rel = normalize(pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, ''));
  const file = join(rendererDir, rel);
  const inside = relative(rendererDir, file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : file;
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The response to one app:// request: the file with its type and the CSP, or 404/405. */
export async function appProtocolResponse(
  request: { url: string; method: string },
  rendererDir: string,
  csp: string,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
  const file = appFilePath(request.url, rendererDir);
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) return plain(404, 'not found');
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}
