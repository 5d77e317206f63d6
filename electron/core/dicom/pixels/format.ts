// Which pixel layouts the engine renders, decided from the header before any byte is decoded.
import { fail } from './errors.js';
import type { PixelHeader } from './header.js';
import { MAX_DECODED_SAMPLES } from './limits.js';

export type FrameKind = 'gray' | 'palette' | 'colour';

/** Colour photometric interpretations; the YBR_PARTIAL ones only come converted out of a JPEG codec. */
const COLOUR = new Set(['RGB', 'YBR_FULL', 'YBR_FULL_422', 'YBR_RCT', 'YBR_ICT', 'YBR_PARTIAL_422', 'YBR_PARTIAL_420']);

function kindOf(h: PixelHeader): FrameKind | undefined {
  const p = h.photometric;
  if (h.samplesPerPixel === 1 && (p === 'MONOCHROME1' || p === 'MONOCHROME2')) return 'gray';
  if (h.samplesPerPixel === 1 && p === 'PALETTE COLOR' && [8, 16].includes(h.bitsAllocated)) return 'palette';
  if (h.samplesPerPixel === 3 && COLOUR.has(p) && [8, 16].includes(h.bitsAllocated)) return 'colour';
  return undefined;
}

/** The frame's kind, or a typed failure for layouts we do not render and sizes we will not allocate. */
export function checkFormat(h: PixelHeader): FrameKind {
  const kind = kindOf(h);
  const bitsOk = h.float ? true : [1, 8, 16, 32].includes(h.bitsAllocated) && h.bitsStored >= 1;
  if (!kind || !bitsOk || (h.float && kind !== 'gray')) {
    fail({ code: 'unsupported-pixel-format', photometric: h.photometric, samplesPerPixel: h.samplesPerPixel, bitsAllocated: h.bitsAllocated });
  }
  if (h.rows * h.columns * h.samplesPerPixel > MAX_DECODED_SAMPLES) {
    fail({ code: 'too-large', rows: h.rows, columns: h.columns, samplesPerPixel: h.samplesPerPixel, limit: MAX_DECODED_SAMPLES });
  }
  return kind;
}
