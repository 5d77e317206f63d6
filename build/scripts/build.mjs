// Builds every entry point: Node-side code with esbuild, the renderer with Vite. package.json's
// `dependencies` are exactly the packages left external (they ship in the packaged app's
// node_modules: the native SQLite addon, and packages that load files by path — pdf.js, tesseract,
// WASM codecs); every other library is bundled into dist/ and is a devDependency.
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'dist');
const only = process.argv[2]; // optional: 'node' or 'renderer'
const runtimePackages = Object.keys(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies ?? {});

const nodeEntries = [
  // [entry, outfile, format]
  ['electron/core/cli/main.ts', 'cli/dossier.js', 'esm'],
  ['electron/host/browser-host-cli.ts', 'host/browser-host.js', 'esm'],
  ['electron/main.ts', 'electron/main.cjs', 'cjs'],
  ['electron/preload.ts', 'electron/preload.cjs', 'cjs'],
  ['electron/core/service/service-worker.ts', 'electron/service-worker.cjs', 'cjs'],
  ['electron/core/documents/pdf-worker-entry.ts', 'workers/pdf-worker.js', 'esm'],
  ['electron/core/documents/ocr/ocr-worker-entry.ts', 'workers/ocr-worker.js', 'esm'],
  ['electron/core/vault/seal-worker-entry.ts', 'workers/seal-worker.js', 'esm'],
  ['electron/core/dicom/render-worker-entry.ts', 'workers/render-worker.js', 'esm'],
];

const PDFJS_MINIFIED = {
  'pdfjs-dist/legacy/build/pdf.mjs': 'pdfjs-dist/legacy/build/pdf.min.mjs',
  'pdfjs-dist/legacy/build/pdf.worker.mjs': 'pdfjs-dist/legacy/build/pdf.worker.min.mjs',
  // pdf-lib (the bundle's SUMMARY.PDF) ships one minified ES module with its font metrics: half the size.
  'pdf-lib': 'pdf-lib/dist/pdf-lib.esm.min.js',
};

async function buildNode() {
  for (const [entry, outfile, format] of nodeEntries) {
    if (!existsSync(path.join(root, entry))) continue; // entry not written yet
    await build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(out, outfile),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format,
      sourcemap: true,
      // What ships in app.asar (electron/, workers/) is minified to keep the package in its budget;
      // names are kept so stack traces still say which function failed (the maps stay in dist/).
      ...(outfile.startsWith('electron/') || outfile.startsWith('workers/') ? { minify: true, keepNames: true } : {}),
      // The preload runs sandboxed: it must be one self-contained file with only 'electron' external.
      external: entry.endsWith('preload.ts') ? ['electron'] : ['electron', ...runtimePackages],
      // pdf.js ships a minified copy of the same build; the packaged app carries only that one.
      alias: PDFJS_MINIFIED,
      logLevel: 'warning',
      // built-worker.ts and ocr/assets.ts read import.meta.url only where __dirname/__filename are
      // missing (ES module builds).
      logOverride: { 'empty-import-meta': 'silent' },
      define: { 'process.env.DOSSIER_BUILD': '"1"' },
      // Bundled CommonJS libraries (ws, dicom-parser) call require('zlib'); ES module output has no
      // require of its own, so give it Node's.
      ...(format === 'esm' ? { banner: { js: "import { createRequire as __dossierRequire } from 'node:module'; const require = __dossierRequire(import.meta.url);" } } : {}),
    });
  }
}

function buildRenderer() {
  const config = path.join(root, 'build/vite.renderer.config.ts');
  if (!existsSync(config)) return;
  const res = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', config, '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error('renderer build failed');
}

if (!only) rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
if (!only || only === 'node') await buildNode();
if (!only || only === 'renderer') buildRenderer();
