// A render worker thread: a bundle's JPEGs from one DICOM instance (render-pool.ts).
import { parentPort } from 'node:worker_threads';
import { serveRequests } from '../base/worker-pool.js';
import { renderInstanceImages } from './preview.js';
import { renderedBuffers, type RenderRequest } from './render-pool.js';

if (!parentPort) throw new Error('render-worker must run in a worker thread');
serveRequests(parentPort, (r: RenderRequest) => renderInstanceImages(new Uint8Array(r.bytes, r.offset, r.length), { preview: r.preview, frames: r.frames }), renderedBuffers);
