// pdf.js in the renderer, locked down: the library and its worker are the copies the app already
// ships for the core, loaded as modules from the app's own origin (shared/vendor-paths.ts); no code
// evaluation (isEvalSupported: false), no scripting, no annotations or XFA forms, no network. The
// worker's WebAssembly decoders (JBIG2 and JPEG 2000 images in scanned PDFs) are handed to it from
// this bundle instead of being fetched, so the page needs no connect-src.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDF_LIBRARY_PATH, PDF_WORKER_PATH } from '../../../shared/vendor-paths.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | null = null;

/** pdf.js, loaded on first use (a large module the library screen never needs), not bundled. */
export function loadPdfjs(): Promise<Pdfjs> {
  const url = new URL(PDF_LIBRARY_PATH, document.baseURI).href;
  pdfjs ??= (import(/* @vite-ignore */ url) as Promise<Pdfjs>).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = new URL(PDF_WORKER_PATH, document.baseURI).href;
    return lib;
  });
  return pdfjs;
}

/** Base64 of gzipped bytes → the bytes (the browser's own gunzip; no network involved). */
async function gunzipBase64(base64: string): Promise<Uint8Array> {
  const binary = atob(base64);
  const gz = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) gz[i] = binary.charCodeAt(i);
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** What the worker may ask for: its two WASM image decoders, from this bundle. Nothing else. */
class BundledBinaryData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    if (kind === 'wasmUrl' && filename === 'openjpeg.wasm') return gunzipBase64((await import('virtual:pdfjs-wasm/openjpeg')).default);
    if (kind === 'wasmUrl' && filename === 'jbig2.wasm') return gunzipBase64((await import('virtual:pdfjs-wasm/jbig2')).default);
    throw new Error(`pdf.js asked for ${kind} ${filename}, which Dossier does not ship`);
  }
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await loadPdfjs();
  return lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    useWorkerFetch: false,
    BinaryDataFactory: BundledBinaryData,
    // No CMaps or standard fonts are shipped: system fonts stand in for unembedded ones.
    useSystemFonts: true,
    stopAtErrors: false,
  }).promise;
}
