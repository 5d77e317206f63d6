// Runs pdfjs-dist in Node, offline: the worker's message handler is loaded in-process and
// handed to pdfjs through globalThis.pdfjsWorker, so no worker script is fetched or spawned.
import { SkipFile } from '../base/analysis.js';
import { ensureDomMatrix } from './dom-matrix.js';

export interface PdfContent {
  kind: 'content';
  pageCount: number;
  info: Record<string, unknown>;
  text: string;
  failedPages: number;
  truncatedReason?: string;
}

/** Limits so that a huge or hostile PDF cannot hold the import hostage. */
export const PDF_LIMITS = {
  maxPages: 2000,
  maxTextChars: 5 * 1024 * 1024,
  maxMillis: 60_000,
};

export type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** How pdf.js is opened on untrusted bytes: no eval, no fonts or fetches, no WebAssembly. */
export const PDFJS_SAFE_OPTIONS = {
  isEvalSupported: false,
  useSystemFonts: false,
  disableFontFace: true,
  useWorkerFetch: false,
  useWasm: false,
  stopAtErrors: false,
} as const;
let pdfjsPromise: Promise<PdfjsModule> | undefined;

export function loadPdfjs(): Promise<PdfjsModule> {
  pdfjsPromise ??= (async () => {
    ensureDomMatrix(); // before pdf.js loads: without @napi-rs/canvas it cannot polyfill one
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

interface TextItemLike {
  str?: unknown;
  hasEOL?: unknown;
  transform?: unknown;
}

export async function extractPdf(bytes: Uint8Array): Promise<PdfContent | { kind: 'password' }> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs transfers (detaches) the buffer it is given: hand it a copy, the caller keeps its bytes.
    // (Buffer#slice is a view, not a copy, and pdf.js refuses Buffers: copy into a plain Uint8Array.)
    data: new Uint8Array(bytes),
    ...PDFJS_SAFE_OPTIONS,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await withDeadline(task.promise, PDF_LIMITS.maxMillis);
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      if (name === 'PasswordException') return { kind: 'password' };
      throw new SkipFile(`damaged PDF: ${describeOpenError(err)}`);
    }
    if (doc.numPages < 1) throw new SkipFile('damaged PDF: it contains no pages');
    const info = await readInfo(doc);
    const started = Date.now();
    const pages: string[] = [];
    let total = 0;
    let failedPages = 0;
    let truncatedReason: string | undefined;
    const last = Math.min(doc.numPages, PDF_LIMITS.maxPages);
    if (doc.numPages > last) truncatedReason = `Only the first ${last} of ${doc.numPages} pages were read`;
    for (let n = 1; n <= last; n++) {
      if (Date.now() - started > PDF_LIMITS.maxMillis) {
        truncatedReason = `Text extraction stopped after ${n - 1} pages (took too long)`;
        break;
      }
      let pageText = '';
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pageText = joinItems(content.items as TextItemLike[]);
        page.cleanup();
      } catch {
        failedPages++;
      }
      if (total + pageText.length > PDF_LIMITS.maxTextChars) {
        pages.push(pageText.slice(0, Math.max(0, PDF_LIMITS.maxTextChars - total)));
        truncatedReason = `Text was cut at ${PDF_LIMITS.maxTextChars} characters (page ${n})`;
        break;
      }
      total += pageText.length + 1;
      pages.push(pageText);
    }
    if (failedPages === last && last > 0) throw new SkipFile('damaged PDF: none of its pages could be read');
    return { kind: 'content', pageCount: doc.numPages, info, text: pages.join('\f'), failedPages, truncatedReason };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

async function readInfo(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<Record<string, unknown>> {
  try {
    const { info } = await doc.getMetadata();
    return info && typeof info === 'object' ? { ...(info as Record<string, unknown>) } : {};
  } catch {
    return {}; // a broken Info dictionary should not cost us the text
  }
}

/** Items → lines: pdfjs marks line ends (hasEOL); a change of baseline also starts a new line. */
function joinItems(items: TextItemLike[]): string {
  let out = '';
  let lastY: number | undefined;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = Array.isArray(item.transform) && typeof item.transform[5] === 'number' ? item.transform[5] : undefined;
    if (lastY !== undefined && y !== undefined && Math.abs(y - lastY) > 1 && out && !out.endsWith('\n')) out += '\n';
    out += item.str;
    if (item.hasEOL === true) out += '\n';
    if (y !== undefined) lastY = y;
  }
  return out.replace(/[ \t]+\n/g, '\n').trimEnd();
}

function describeOpenError(err: unknown): string {
  if (err instanceof Error && err.name === 'InvalidPDFException') {
    return 'invalid structure (no readable cross-reference table or page tree)';
  }
  const detail = (err instanceof Error && err.message ? err.message : String(err)).replace(/\.$/, '');
  return detail.charAt(0).toLowerCase() + detail.slice(1);
}

/** pdfjs yields between steps, so a deadline bounds a slow open (it cannot stop a tight loop). */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it took more than ${ms / 1000} s to open`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
