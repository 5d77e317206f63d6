// Builds the React UI to dist/renderer with relative asset URLs (served from app://dossier/ and
// from the loopback browser host alike). No inline scripts or styles: the CSP forbids them. The
// <meta> CSP is written from electron/shell/csp.ts, the one definition of the policy.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RENDERER_META_CSP } from '../electron/shell/csp.js';

const CSP_PLACEHOLDER = '%DOSSIER_CSP%';

function metaCsp(): Plugin {
  return {
    name: 'dossier-meta-csp',
    transformIndexHtml: {
      order: 'pre', // before Vite reads %…% as an environment variable
      handler(html) {
        if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html lacks ${CSP_PLACEHOLDER}`);
        return html.replace(CSP_PLACEHOLDER, RENDERER_META_CSP);
      },
    },
  };
}

/**
 * `virtual:pdfjs-wasm/<name>` (no .wasm ending, which Vite's own WASM plugin would claim): one of pdf.js's WebAssembly decoders as a base64 string, in a
 * chunk of its own, so the renderer can hand it to the pdf.js worker without any fetch.
 */
const PDFJS_WASM = 'virtual:pdfjs-wasm/';
const PDFJS_WASM_FILES = new Set(['openjpeg', 'jbig2']);

function pdfjsWasm(): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'dossier-pdfjs-wasm',
    resolveId: (id) => (id.startsWith(PDFJS_WASM) && PDFJS_WASM_FILES.has(id.slice(PDFJS_WASM.length)) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${PDFJS_WASM}`)) return null;
      const file = require.resolve(`pdfjs-dist/wasm/${id.slice(PDFJS_WASM.length + 1)}.wasm`);
      return `export default ${JSON.stringify(gzipSync(readFileSync(file), { level: 9 }).toString('base64'))};`;
    },
  };
}

export default defineConfig({
  root: path.join(import.meta.dirname, '../renderer'),
  base: './',
  plugins: [react(), metaCsp(), pdfjsWasm()],
  build: {
    outDir: path.join(import.meta.dirname, '../dist/renderer'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});
