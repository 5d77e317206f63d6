// Worker-thread entry for PDF text extraction (built to dist/workers/pdf-worker.js): pdf.js runs
// here so that a PDF built to stall it can be stopped by terminating the thread.
import { parentPort } from 'node:worker_threads';
import { SkipFile } from '../base/analysis.js';
import { extractPdf } from './pdf-extract.js';
import type { PdfFailure } from './pdf-isolated.js';

parentPort?.on('message', ({ id, request }: { id: number; request: Uint8Array }) => {
  extractPdf(request).then(
    (value) => parentPort!.postMessage({ id, ok: true, value }),
    (err: unknown) => {
      const error: PdfFailure = err instanceof SkipFile ? { skip: err.reason } : { error: (err as Error)?.message ?? String(err) };
      parentPort!.postMessage({ id, ok: false, error });
    },
  );
});
