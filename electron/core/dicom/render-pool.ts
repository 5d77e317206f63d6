// Renders a bundle's JPEGs (series previews, the viewer's images) in worker threads, so decoding and
// encoding run on the other core while the export decrypts, hashes and writes. In-thread where no
// worker is built (tests running the sources).
import { WorkerPool } from '../base/worker-pool.js';
import { renderInstanceImages, type ImagesRequest, type RenderedImages } from './preview.js';

export interface RenderRequest extends ImagesRequest {
  bytes: ArrayBuffer;
  offset: number;
  length: number;
}

export const RENDER_WORKER_SCRIPT = 'render-worker.js';

/** The buffers a reply hands back (transferred, not copied). */
export function renderedBuffers(images: RenderedImages): ArrayBuffer[] {
  const all = [images.preview, ...images.frames].filter((b): b is Uint8Array => b !== null).map((b) => b.buffer as ArrayBuffer);
  return [...new Set(all)];
}

let pool: WorkerPool<RenderRequest, RenderedImages> | null = null;

/**
 * Renders in a worker. The instance's bytes are copied for it, so the caller keeps them — unless the
 * caller hands them over and they fill a buffer of their own, which then moves to the worker as it is.
 */
export async function renderImages(bytes: Uint8Array, request: ImagesRequest, options: { handOver?: boolean } = {}): Promise<RenderedImages> {
  pool ??= new WorkerPool({ script: RENDER_WORKER_SCRIPT, transfer: (r) => [r.bytes], label: 'image rendering' });
  if (!pool.available) return renderInstanceImages(bytes, request);
  const own = options.handOver && ownsWholeBuffer(bytes) ? bytes : copyOf(bytes);
  return pool.request({ ...request, bytes: own.buffer as ArrayBuffer, offset: 0, length: own.byteLength });
}

/** A view over all of an ArrayBuffer (not a slice of Node's shared pool, not shared memory). */
function ownsWholeBuffer(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

function copyOf(bytes: Uint8Array): Uint8Array {
  const own = new Uint8Array(bytes.byteLength);
  own.set(bytes);
  return own;
}
