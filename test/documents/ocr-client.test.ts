// The OCR client's safety: a page that overruns its deadline has its thread terminated and is
// skipped with the reason, the file goes on in a fresh thread; a thread that dies costs only its
// page; the queue is bounded; cancelling stops the reading. The worker is a protocol stand-in.
import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { OcrClient } from '../../electron/core/documents/ocr/ocr-client.js';
import { OCR_LIMITS } from '../../electron/core/documents/ocr/limits.js';
import { findBuiltWorker } from '../../electron/core/base/built-worker.js';
import { bombPng } from '../fixtures/documents/paper.js';

const FAKE = path.resolve('test/fixtures/workers/ocr-fake-worker.mjs');
const plan = (p: { stall?: number[]; crash?: number[]; delayMs?: number }) => new TextEncoder().encode(JSON.stringify(p));
const threadOf = (text: string | undefined) => /thread (\d+)/.exec(text ?? '')?.[1];

describe('OcrClient', () => {
  it('finds the built OCR worker (npm test builds it first)', () => {
    expect(findBuiltWorker('ocr-worker.js')).toMatch(/dist[/\\]workers[/\\]ocr-worker\.js$/);
  });

  it('skips a page that overruns its deadline and reads the next pages in a fresh thread', async () => {
    const client = new OcrClient({ workerPath: FAKE, pageDeadlineMs: 500 });
    const progress: string[] = [];
    const reading = await client.readPdfPages(plan({ stall: [2] }), [1, 2, 3], { onPage: (done, total) => progress.push(`${done}/${total}`) });
    expect(reading.skipped).toEqual([{ page: 2, reason: 'reading text on this page did not finish within 1 s' }]);
    expect(reading.pages.map((p) => p.page)).toEqual([1, 3]);
    const [first, third] = reading.pages.map((p) => threadOf(p.text));
    expect(first).toBeDefined();
    expect(third).toBeDefined();
    expect(third).not.toBe(first);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    client.close();
  });

  it('gives up on the rest of a file after repeated overruns', async () => {
    const client = new OcrClient({ workerPath: FAKE, pageDeadlineMs: 300 });
    const reading = await client.readPdfPages(plan({ stall: [1, 2, 3, 4] }), [1, 2, 3, 4]);
    expect(reading.pages).toEqual([]);
    expect(reading.skipped.map((s) => s.page)).toEqual([1, 2, 3, 4]);
    expect(reading.skipped.slice(OCR_LIMITS.maxOverrunsPerFile).every((s) => /earlier pages of this file took too long/.test(s.reason))).toBe(true);
    client.close();
  });

  it('loses only the page whose thread died, and reads on in a fresh thread', async () => {
    const client = new OcrClient({ workerPath: FAKE, pageDeadlineMs: 30_000 });
    const reading = await client.readPdfPages(plan({ crash: [1] }), [1, 2]);
    expect(reading.skipped).toEqual([{ page: 1, reason: 'text recognition stopped unexpectedly on this page' }]);
    expect(reading.pages.map((p) => p.page)).toEqual([2]);
    client.close();
  });

  it('reads files one at a time and refuses more than the queue holds', async () => {
    const client = new OcrClient({ workerPath: FAKE, pageDeadlineMs: 30_000 });
    const files = Array.from({ length: OCR_LIMITS.maxQueuedFiles + 2 }, () => client.readImage(plan({ delayMs: 50 })));
    const readings = await Promise.all(files);
    // One is read at once, maxQueuedFiles wait; the one after is turned away at once.
    expect(readings.slice(0, -1).every((r) => r.pages.length === 1)).toBe(true);
    expect(readings.at(-1)).toMatchObject({ pages: [], skipped: [{ page: 1, reason: 'too many files were waiting for text recognition' }] });
    // All accepted files were read by the same (reused) thread.
    expect(new Set(readings.slice(0, -1).map((r) => threadOf(r.pages[0]?.text))).size).toBe(1);
    client.close();
  });

  it('stops reading when the import is cancelled', async () => {
    const client = new OcrClient({ workerPath: FAKE, pageDeadlineMs: 30_000 });
    const controller = new AbortController();
    const reading = client.readPdfPages(plan({ delayMs: 200 }), [1, 2, 3, 4, 5], { signal: controller.signal, onPage: () => controller.abort() });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    // The client is usable afterwards.
    expect((await client.readImage(plan({}))).pages).toHaveLength(1);
    client.close();
  });

  it('reads in this thread when the worker script cannot start', async () => {
    const client = new OcrClient({ workerPath: path.resolve('test/fixtures/workers/does-not-exist.mjs'), pageDeadlineMs: 30_000 });
    // The real runner, here: a 20,000 × 20,000 PNG is refused from its header.
    const reading = await client.readImage(bombPng(20_000, 20_000));
    expect(reading.skipped).toEqual([{ page: 1, reason: expect.stringMatching(/too large to read text from \(20000 × 20000 pixels/) }]);
    client.close();
  });
});
