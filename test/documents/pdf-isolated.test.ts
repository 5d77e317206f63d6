import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { PdfWorkerClient, findPdfWorker } from '../../electron/core/documents/pdf-isolated.js';
import { SkipFile } from '../../electron/core/base/analysis.js';
import { makePdf } from '../fixtures/documents/pdf.js';

describe('PDF extraction in a worker thread', () => {
  it('finds the built worker (npm test builds it first)', () => {
    expect(findPdfWorker()).toMatch(/dist[/\\]workers[/\\]pdf-worker\.js$/);
  });

  it('extracts text in the worker, and reuses it', async () => {
    const client = new PdfWorkerClient({ workerPath: findPdfWorker(), timeoutMs: 30_000 });
    for (const word of ['FIRSTWORD', 'SECONDWORD']) {
      const result = await client.extract(await makePdf({ pages: [[`Report with ${word}`]] }));
      expect(result).toMatchObject({ kind: 'content', pageCount: 1 });
      expect((result as { text: string }).text).toContain(word);
    }
  });

  it('skips a PDF whose reading stalls (the stalled worker is terminated)', async () => {
    const stalled = new PdfWorkerClient({ workerPath: path.resolve('test/fixtures/workers/stall-worker.mjs'), timeoutMs: 500 });
    const error = await stalled.extract(new Uint8Array([1, 2, 3])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkipFile);
    expect((error as Error).message).toMatch(/damaged PDF: reading it did not finish within 1 s/);
  });

  it('falls back to this thread when the worker script cannot start', async () => {
    const client = new PdfWorkerClient({ workerPath: path.resolve('test/fixtures/workers/does-not-exist.mjs'), timeoutMs: 30_000 });
    const result = await client.extract(await makePdf({ pages: [['FALLBACKWORD']] }));
    expect((result as { text: string }).text).toContain('FALLBACKWORD');
  });

  it('reports a damaged PDF as a skip with its reason, from inside the worker', async () => {
    const client = new PdfWorkerClient({ workerPath: findPdfWorker(), timeoutMs: 30_000 });
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not a pdf body at all\n%%EOF\n');
    const error = await client.extract(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkipFile);
    expect((error as Error).message).toMatch(/damaged PDF/);
  });
});
