// The few package files the renderer loads by URL (shared/vendor-paths.ts), served by the app://
// protocol and the browser host from the app's own node_modules: a fixed table, so no URL can
// name any other file. They already ship for the core, so the package does not carry them twice.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDF_LIBRARY_PATH, PDF_WORKER_PATH } from '../../shared/vendor-paths.js';

const VENDOR_FILES: Readonly<Record<string, string>> = {
  [PDF_LIBRARY_PATH]: 'pdfjs-dist/legacy/build/pdf.min.mjs',
  [PDF_WORKER_PATH]: 'pdfjs-dist/legacy/build/pdf.worker.min.mjs',
};

function moduleFile(): string {
  // CommonJS bundles (Electron's main) have __filename; ES modules (the browser host) import.meta.url.
  if (typeof __filename === 'string') return __filename;
  return fileURLToPath(import.meta.url);
}

/** The package file a URL pathname ("/vendor/…") names, or null when it names none. */
export function resolveVendorFile(pathname: string): string | null {
  const key = pathname.replace(/^\/+/, '');
  const specifier = Object.prototype.hasOwnProperty.call(VENDOR_FILES, key) ? VENDOR_FILES[key] : undefined;
  if (!specifier) return null;
  try {
    return path.resolve(createRequire(moduleFile()).resolve(specifier));
  } catch {
    return null; // the package is missing: a 404, like any other absent file
  }
}
