// pdf.js in a worker thread with a deadline: a hostile PDF that sends pdf.js into an endless loop
// is skipped after the deadline instead of freezing the import. One worker is kept and reused;
// where the built worker script is missing or cannot start (e.g. inside a packaged archive),
// extraction falls back to this thread with pdf.js's own limits.
import type { SkipReason } from '../../../shared/import-outcomes.js';
import { Worker } from 'node:worker_threads';
import { SkipFile } from '../base/analysis.js';
import { findBuiltWorker } from '../base/built-worker.js';
import { extractPdf, PDF_LIMITS, type PdfContent } from './pdf-extract.js';

type PdfResult = PdfContent | { kind: 'password' };
export interface PdfRequest {
  id: number;
  bytes: Uint8Array;
}
export type PdfReply = { id: number; ok: true; result: PdfResult } | { id: number; ok: false; skip?: SkipReason; error?: string };

/** dist/workers/pdf-worker.js, seen from a bundle in dist/<x>/ or from the sources. */
export function findPdfWorker(): string | null {
  return findBuiltWorker('pdf-worker.js');
}

export class PdfWorkerClient {
  private worker: Worker | null = null;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, { bytes: Uint8Array; resolve: (r: PdfResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  constructor(private readonly options: { workerPath: string | null; timeoutMs: number }) {}

  async extract(bytes: Uint8Array): Promise<PdfResult> {
    if (!this.options.workerPath || this.broken) return extractPdf(bytes);
    const worker = this.start();
    const id = this.nextId++;
    worker.ref();
    return new Promise<PdfResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.stop(); // the only way to stop a stalled pdf.js
        reject(new SkipFile({ code: 'damaged-pdf', problem: 'timeout', seconds: Math.round(this.options.timeoutMs / 1000) }));
      }, this.options.timeoutMs);
      this.pending.set(id, { bytes, resolve, reject, timer });
      worker.postMessage({ id, bytes: new Uint8Array(bytes) } satisfies PdfRequest);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerPath!);
    worker.on('message', (reply: PdfReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      if (this.pending.size === 0) worker.unref(); // an idle worker must not keep the CLI alive
      if (reply.ok) p.resolve(reply.result);
      else if (reply.skip !== undefined) p.reject(new SkipFile(reply.skip));
      else p.reject(new Error(reply.error ?? 'PDF extraction failed'));
    });
    worker.on('error', () => {
      // The script could not run here: use this thread from now on, for what was waiting too.
      this.broken = true;
      for (const [id, p] of this.pending) {
        clearTimeout(p.timer);
        this.pending.delete(id);
        extractPdf(p.bytes).then(p.resolve, p.reject);
      }
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error('the PDF reader stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
  }

  private stop(): void {
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
  }
}

let shared: PdfWorkerClient | undefined;

export function extractPdfIsolated(bytes: Uint8Array): Promise<PdfResult> {
  shared ??= new PdfWorkerClient({ workerPath: findPdfWorker(), timeoutMs: PDF_LIMITS.maxMillis });
  return shared.extract(bytes);
}
