// Text recognition as the analyzers receive it (OcrCapability). One file is read at a time, in a
// worker thread; files wait in a short queue. Each page has a deadline: a page that overruns it
// has its thread terminated, is skipped with the reason, and the file goes on in a fresh thread.
import type { OcrCapability, OcrReadOptions, OcrReading } from '../../base/analysis.js';
import { findBuiltWorker } from '../../base/built-worker.js';
import { ocrAssets } from './assets.js';
import { OCR_LANGUAGE, OCR_LIMITS } from './limits.js';
import type { OcrReply, OcrRequest } from './protocol.js';
import { inThreadSession, threadSession, type OcrSession, type SessionEvents } from './sessions.js';

export interface OcrClientOptions {
  /** The built worker script; null reads in this thread. */
  workerPath: string | null;
  pageDeadlineMs: number;
}

interface Job {
  kind: 'image' | 'pdf';
  bytes: Uint8Array;
  /** Pages not yet settled, in reading order. */
  remaining: number[];
  total: number;
  reading: OcrReading;
  overruns: number;
  options: OcrReadOptions;
  resolve(reading: OcrReading): void;
  reject(err: Error): void;
}

export class OcrClient implements OcrCapability {
  private readonly queue: Job[] = [];
  private active: Job | null = null;
  private session: OcrSession | null = null;
  private inThread: boolean;
  private requestId = 0;
  private deadline: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: OcrClientOptions) {
    this.inThread = options.workerPath === null;
  }

  readImage(bytes: Uint8Array, options: OcrReadOptions = {}): Promise<OcrReading> {
    return this.enqueue('image', bytes, [1], options);
  }

  readPdfPages(bytes: Uint8Array, pages: number[], options: OcrReadOptions = {}): Promise<OcrReading> {
    return this.enqueue('pdf', bytes, pages, options);
  }

  /** Stops the reader thread (it restarts on the next request). */
  close(): void {
    this.stopSession();
    clearTimeout(this.idleTimer);
  }

  private enqueue(kind: Job['kind'], bytes: Uint8Array, pages: number[], options: OcrReadOptions): Promise<OcrReading> {
    return new Promise<OcrReading>((resolve, reject) => {
      const reading: OcrReading = { engine: ocrAssets().engine, language: OCR_LANGUAGE, pages: [], skipped: [] };
      const job: Job = { kind, bytes, remaining: pages.slice(0, OCR_LIMITS.maxPagesPerFile), total: pages.length, reading, overruns: 0, options, resolve, reject };
      for (const page of pages.slice(OCR_LIMITS.maxPagesPerFile))
        reading.skipped.push({ page, reason: `only the first ${OCR_LIMITS.maxPagesPerFile} scanned pages of a file are read` });
      if (options.signal?.aborted) return reject(abortError());
      if (this.queue.length >= OCR_LIMITS.maxQueuedFiles) {
        this.skipRemaining(job, 'too many files were waiting for text recognition');
        return resolve(reading);
      }
      options.signal?.addEventListener('abort', () => this.abort(job), { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  private pump(): void {
    if (this.active) return;
    const job = this.queue.shift();
    if (!job) return this.goIdle();
    clearTimeout(this.idleTimer);
    this.active = job;
    this.send(job);
  }

  private send(job: Job): void {
    const id = ++this.requestId;
    const req: OcrRequest = job.kind === 'image' ? { id, kind: 'image', bytes: job.bytes } : { id, kind: 'pdf', bytes: job.bytes, pages: job.remaining };
    this.armDeadline();
    this.ensureSession().post(req);
  }

  private ensureSession(): OcrSession {
    if (this.session) return this.session;
    const events = this.sessionEvents();
    try {
      this.session = this.inThread ? inThreadSession(events) : threadSession(this.options.workerPath!, events);
    } catch {
      this.inThread = true;
      this.session = inThreadSession(events);
    }
    return this.session;
  }

  private sessionEvents(): SessionEvents {
    return {
      reply: (reply) => this.onReply(reply),
      startFailed: () => {
        this.inThread = true;
        this.session = null;
        if (this.active) this.send(this.active); // nothing was read yet: start over in this thread
      },
      ended: () => {
        this.session = null;
        if (this.active) this.overrun(this.active, 'text recognition stopped unexpectedly on this page');
      },
    };
  }

  private onReply(reply: OcrReply): void {
    const job = this.active;
    if (!job || !('id' in reply) || reply.id !== this.requestId) return; // from a stopped request
    if (reply.type === 'page-start') return this.armDeadline();
    if (reply.type === 'page') {
      const { text, confidence, rotation } = reply.reading;
      job.reading.pages.push({ page: reply.page, text, confidence, rotation });
      return this.settle(job, reply.page);
    }
    if (reply.type === 'page-skipped') {
      job.reading.skipped.push({ page: reply.page, reason: reply.reason });
      return this.settle(job, reply.page);
    }
    if (reply.type === 'failed') this.skipRemaining(job, reply.reason);
    this.finish(job);
  }

  private settle(job: Job, page: number): void {
    job.remaining = job.remaining.filter((p) => p !== page);
    job.options.onPage?.(job.total - job.remaining.length, job.total);
    this.armDeadline();
  }

  /** The page being read took too long or killed its thread: skip it, go on in a fresh thread. */
  private overrun(job: Job, reason: string): void {
    this.stopSession();
    const page = job.remaining.shift();
    if (page !== undefined) {
      job.reading.skipped.push({ page, reason });
      job.options.onPage?.(job.total - job.remaining.length, job.total);
    }
    if (++job.overruns >= OCR_LIMITS.maxOverrunsPerFile) this.skipRemaining(job, 'not read: earlier pages of this file took too long');
    if (job.remaining.length) this.send(job);
    else this.finish(job);
  }

  private armDeadline(): void {
    clearTimeout(this.deadline);
    const ms = this.options.pageDeadlineMs;
    this.deadline = setTimeout(() => {
      if (this.active) this.overrun(this.active, `reading text on this page did not finish within ${Math.round(ms / 1000)} s`);
    }, ms);
  }

  private finish(job: Job): void {
    clearTimeout(this.deadline);
    this.active = null;
    job.reading.pages.sort((a, b) => a.page - b.page);
    job.reading.skipped.sort((a, b) => a.page - b.page);
    job.resolve(job.reading);
    this.pump();
  }

  private abort(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    else if (this.active === job) {
      clearTimeout(this.deadline);
      this.stopSession();
      this.active = null;
    } else return;
    job.reject(abortError());
    this.pump();
  }

  private skipRemaining(job: Job, reason: string): void {
    for (const page of job.remaining) job.reading.skipped.push({ page, reason });
    job.remaining = [];
  }

  private goIdle(): void {
    this.session?.idle();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopSession(), OCR_LIMITS.idleMs);
    this.idleTimer.unref();
  }

  private stopSession(): void {
    this.session?.stop();
    this.session = null;
  }
}

function abortError(): Error {
  const err = new Error('Text recognition was cancelled');
  err.name = 'AbortError';
  return err;
}

let shared: OcrClient | undefined;

/** The process-wide reader, started on first use. */
export function sharedOcr(): OcrClient {
  shared ??= new OcrClient({ workerPath: findBuiltWorker('ocr-worker.js'), pageDeadlineMs: OCR_LIMITS.pageDeadlineMs });
  return shared;
}
