// The renderer build: the studio is served by `vite` in a browser and from app://sandtable in Electron
// (relative base, so either works). Workers are ES modules (sim/runtime/web.worker.ts imports the sim core).
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
// With its extension, as Vite's native config loader asks (tsconfig.json: allowImportingTsExtensions).
import { contentSecurityPolicy } from './main/csp.ts';

/** The built app carries the shell's CSP in a meta tag too (the dev server's preamble would break under it). */
const CSP = contentSecurityPolicy({ isMeta: true });

function cspMetaTag(): Plugin {
  return {
    name: 'sandtable-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  root: '.',
  base: './',
  plugins: [react(), cspMetaTag()],
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
