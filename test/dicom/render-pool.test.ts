// Rendering in worker threads: the caller's bytes are copied for the worker unless it hands them
// over, and a handed-over buffer moves only when the bytes are all of it (never a slice of a larger
// buffer the caller still uses). What comes back is what the in-thread renderer makes.
import { describe, expect, it } from 'vitest';
import { findBuiltWorker } from '../../electron/core/base/built-worker.js';
import { renderImages, RENDER_WORKER_SCRIPT } from '../../electron/core/dicom/render-pool.js';
import { renderInstanceImages } from '../../electron/core/dicom/preview.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';

const request = { preview: true, frames: [0] };

describe('renderImages in worker threads', () => {
  it('runs the built worker (npm test builds it first)', () => {
    expect(findBuiltWorker(RENDER_WORKER_SCRIPT)).not.toBeNull();
  });

  it('keeps the caller its bytes unless handed over, and renders what the in-thread renderer does', async () => {
    const instance = makeDicomInstance();
    const expected = renderInstanceImages(instance, request);

    const kept = Uint8Array.from(instance);
    const copied = await renderImages(kept, request);
    expect(kept.byteLength).toBe(instance.byteLength);
    expect(Buffer.from(copied.preview!).equals(Buffer.from(expected.preview!))).toBe(true);

    const given = Uint8Array.from(instance);
    const moved = await renderImages(given, request, { handOver: true });
    expect(given.byteLength).toBe(0); // its buffer went to the worker, not a copy
    expect(Buffer.from(moved.frames[0]!).equals(Buffer.from(expected.frames[0]!))).toBe(true);
  });

  it('a handed-over slice of a larger buffer is copied, never moved', async () => {
    const instance = makeDicomInstance();
    const larger = new Uint8Array(instance.byteLength + 100);
    larger.set(instance, 50);
    const slice = larger.subarray(50, 50 + instance.byteLength);
    const rendered = await renderImages(slice, request, { handOver: true });
    expect(slice.byteLength).toBe(instance.byteLength);
    expect(larger[larger.length - 1]).toBe(0);
    expect(rendered.preview).not.toBeNull();
  });
});
