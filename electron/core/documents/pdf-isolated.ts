// pdf.js in a worker thread with a deadline: a hostile PDF that sends pdf.js into an endless loop
// is skipped after the deadline instead of freezing the import. One worker is kept and reused;
// where the built worker script is missing or cannot start (e.g. inside a packaged archive),
// extraction falls back to this thread with pdf.js's own limits.
import type { SkipReason } from '../../../shared/import-outcomes.js';
import { Worker } from 'node:worker_threads';
import { SkipFile } from '../base/analysis.js';
import { findBuiltWorker } from '../base/built-worker.js';
import { RequestChannel, type Reply } from '../../../shared/request-reply.js';
import { extractPdf, PDF_LIMITS, type PdfContent } from './pdf-extract.js';

type PdfResult = PdfContent | { kind: 'password' };
/** A worker's answer when extraction failed: a skip reason, or a message for the log. */
export type PdfFailure = { skip: SkipReason } | { error: string };

/** dist/workers/pdf-worker.js, seen from a bundle in dist/<x>/ or from the sources. */
export function findPdfWorker(): string | null {
  return findBuiltWorker('pdf-worker.js');
}

/** The script could not run here: what was waiting is read in this thread instead. */
const NO_WORKER = Symbol('no pdf worker');

export class PdfWorkerClient {
  private lane: { worker: Worker; channel: RequestChannel<Uint8Array, PdfResult> } | null = null;
  private broken = false;

  constructor(private readonly options: { workerPath: string | null; timeoutMs: number }) {}

  async extract(bytes: Uint8Array): Promise<PdfResult> {
    if (!this.options.workerPath || this.broken) return extractPdf(bytes);
    const { worker, channel } = this.start();
    worker.ref();
    try {
      return await channel.request(bytes, { timeoutMs: this.options.timeoutMs });
    } catch (err) {
      if (err === NO_WORKER) return extractPdf(bytes);
      if (err instanceof SkipFile && err.reason.code === 'damaged-pdf' && err.reason.problem === 'timeout') this.stop(); // the only way to stop a stalled pdf.js
      throw err;
    } finally {
      if (!channel.pending) worker.unref(); // an idle worker must not keep the CLI alive
    }
  }

  private start(): NonNullable<PdfWorkerClient['lane']> {
    if (this.lane) return this.lane;
    const worker = new Worker(this.options.workerPath!);
    const seconds = Math.round(this.options.timeoutMs / 1000);
    const channel = new RequestChannel<Uint8Array, PdfResult>(
      (id, bytes) => worker.postMessage({ id, request: new Uint8Array(bytes) }),
      () => new SkipFile({ code: 'damaged-pdf', problem: 'timeout', seconds }),
    );
    worker.on('message', (reply: Reply<PdfResult>) => channel.settle(reply.id, reply.ok ? reply : { id: reply.id, ok: false, error: failureError(reply.error) }));
    worker.on('error', () => {
      this.broken = true;
      channel.failAll(NO_WORKER);
    });
    worker.on('exit', () => {
      if (this.lane?.worker === worker) this.lane = null;
      channel.failAll(new Error('the PDF reader stopped'));
    });
    this.lane = { worker, channel };
    return this.lane;
  }

  private stop(): void {
    const lane = this.lane;
    this.lane = null;
    void lane?.worker.terminate();
  }
}

function failureError(failure: unknown): Error {
  const f = failure as Partial<{ skip: SkipReason; error: string }> | null;
  return f?.skip ? new SkipFile(f.skip) : new Error(f?.error ?? 'PDF extraction failed');
}

let shared: PdfWorkerClient | undefined;

export function extractPdfIsolated(bytes: Uint8Array): Promise<PdfResult> {
  shared ??= new PdfWorkerClient({ workerPath: findPdfWorker(), timeoutMs: PDF_LIMITS.maxMillis });
  return shared.extract(bytes);
}
