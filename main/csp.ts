// Runtime: shared (no imports): the one Content Security Policy. The shell sends it as a header
// with every app:// response and the dev server's pages; the Vite build also writes it into
// index.html as a meta tag (a second lock when the page is opened some other way).

export type CspOptions = {
  /** The Vite dev server: its inline React-refresh preamble and its websocket are allowed. */
  devServerUrl?: string;
  /** For a <meta> tag: directives a meta tag cannot carry (frame-ancestors) are left out. */
  isMeta?: boolean;
};

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : null;
  const wsOrigin = dev ? `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}` : '';
  return [
    "default-src 'self'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "worker-src 'self' blob:",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    dev ? `connect-src 'self' ${wsOrigin}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    ...(options.isMeta ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');
}
