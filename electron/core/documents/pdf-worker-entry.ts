// Worker-thread entry for PDF text extraction (built to dist/workers/pdf-worker.js): pdf.js runs
// here so that a PDF built to stall it can be stopped by terminating the thread.
import { parentPort } from 'node:worker_threads';
import { SkipFile } from '../base/analysis.js';
import { extractPdf } from './pdf-extract.js';
import type { PdfReply, PdfRequest } from './pdf-isolated.js';

parentPort?.on('message', (req: PdfRequest) => {
  extractPdf(req.bytes).then(
    (result) => parentPort!.postMessage({ id: req.id, ok: true, result } satisfies PdfReply),
    (err: unknown) =>
      parentPort!.postMessage({
        id: req.id,
        ok: false,
        ...(err instanceof SkipFile ? { skip: err.reason } : { error: (err as Error)?.message ?? String(err) }),
      } satisfies PdfReply),
  );
});
