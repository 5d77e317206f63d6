// pdf.js's display layer builds a DOMMatrix as soon as its module loads (pdf.mjs, top level).
// Node has none, and pdf.js would borrow the one of @napi-rs/canvas, a 30 MB Skia addon that
// Dossier does not ship because it never renders pages. Text extraction only needs the class to
// exist, so a small pure-JS DOMMatrix is installed first (bundled by esbuild).
import CSSMatrix from '@thednp/dommatrix';

export function ensureDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  g.DOMMatrix ??= CSSMatrix;
}
