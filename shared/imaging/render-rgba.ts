// Maps a decoded frame to RGBA pixels at a window: the only per-interaction work of the viewer.
// Integer frames go through a table built once per call over their stored-value range, so a
// 512 × 512 frame costs one lookup per pixel.
import type { DecodedFrame } from './frame.js';
import { grayMapper, windowFunction, type View } from './voi.js';

/** Widest stored-value range mapped through a table; wider (or float) frames are mapped per pixel. */
export const MAX_TABLE_ENTRIES = 65536;

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** One opaque grey RGBA pixel as a 32-bit word in this machine's byte order. */
function grayWord(g: number): number {
  return LITTLE_ENDIAN ? (0xff000000 | (g << 16) | (g << 8) | g) >>> 0 : ((g << 24) | (g << 16) | (g << 8) | 0xff) >>> 0;
}

function integerSamples(frame: DecodedFrame): boolean {
  return frame.sampleType !== 'f32';
}

function grayToRgba(frame: DecodedFrame, view: View, out: Uint8ClampedArray): void {
  const words = new Uint32Array(out.buffer, out.byteOffset, out.length / 4);
  const map = grayMapper(frame, view);
  const { samples, storedMin, storedMax } = frame;
  const span = storedMax - storedMin + 1;
  if (integerSamples(frame) && span <= MAX_TABLE_ENTRIES) {
    const table = new Uint32Array(span);
    for (let i = 0; i < span; i++) table[i] = grayWord(map(storedMin + i));
    for (let p = 0; p < words.length; p++) words[p] = table[(samples[p] as number) - storedMin] as number;
    return;
  }
  for (let p = 0; p < words.length; p++) words[p] = grayWord(map(samples[p] as number));
}

/** Colour frames: the window (LINEAR, default 128/256 = identity) applies to each channel alike. */
function rgbToRgba(frame: DecodedFrame, view: View, out: Uint8ClampedArray): void {
  const fn = windowFunction(view.center, view.width, view.function ?? 'LINEAR');
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    const y = Math.round(fn(v));
    table[v] = view.invert ? 255 - y : y;
  }
  const { samples } = frame;
  const pixels = frame.rows * frame.columns;
  for (let p = 0; p < pixels; p++) {
    out[p * 4] = table[samples[p * 3] as number] as number;
    out[p * 4 + 1] = table[samples[p * 3 + 1] as number] as number;
    out[p * 4 + 2] = table[samples[p * 3 + 2] as number] as number;
    out[p * 4 + 3] = 255;
  }
}

/**
 * RGBA bytes (rows × columns × 4, opaque) of the frame at the given window. `into`: an array of
 * that length to fill instead of a new one (the viewer reuses its ImageData while scrolling).
 */
export function renderToRgba(frame: DecodedFrame, view: View, into?: Uint8ClampedArray): Uint8ClampedArray {
  const size = frame.rows * frame.columns * 4;
  const out = into?.length === size ? into : new Uint8ClampedArray(size);
  if (frame.kind === 'rgb') rgbToRgba(frame, view, out);
  else grayToRgba(frame, view, out);
  return out;
}
