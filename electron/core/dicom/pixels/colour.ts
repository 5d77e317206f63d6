// Colour frames to 8-bit interleaved RGB: planar → interleaved, 4:2:2 chroma upsampling, and
// YBR_FULL → RGB (PS3.3 C.7.6.3.1.2) where the codec has not converted already.
import type { RawSamples } from './samples.js';
import { containers } from './samples.js';

export interface ColourLayout {
  rows: number;
  columns: number;
  planar: boolean;
  /** Native 4:2:2: Y Y Cb Cr for each pair of pixels (PS3.3 C.7.6.3.1.2, YBR_FULL_422). */
  subsampled422: boolean;
  /** Samples are YCbCr (full range) and must be converted. */
  ycbcr: boolean;
  /** Bits below which 16-bit samples are dropped to make 8 (Bits Stored − 8). */
  downshift: number;
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

function ybrToRgb(rgb: Uint8Array): void {
  for (let i = 0; i < rgb.length; i += 3) {
    const y = rgb[i] as number;
    const cb = (rgb[i + 1] as number) - 128;
    const cr = (rgb[i + 2] as number) - 128;
    rgb[i] = clamp(y + 1.402 * cr);
    rgb[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
    rgb[i + 2] = clamp(y + 1.772 * cb);
  }
}

/** Y1 Y2 Cb Cr per pixel pair → Y Cb Cr per pixel (each pair shares its chroma). */
function upsample422(src: ArrayLike<number>, l: ColourLayout, at: (v: number) => number): Uint8Array {
  const out = new Uint8Array(l.rows * l.columns * 3);
  const pixels = l.rows * l.columns;
  for (let p = 0; p < pixels; p++) {
    const pair = (p >> 1) * 4;
    out[p * 3] = at(src[pair + (p & 1)] as number);
    out[p * 3 + 1] = at(src[pair + 2] as number);
    out[p * 3 + 2] = at(src[pair + 3] as number);
  }
  return out;
}

export function toRgb(raw: RawSamples, l: ColourLayout): Uint8Array {
  const src = containers(raw);
  const shift = raw.bytesPerSample > 1 ? l.downshift : 0;
  const at = (v: number): number => (v >>> shift) & 0xff;
  const pixels = l.rows * l.columns;
  let out: Uint8Array;
  if (l.subsampled422) {
    out = upsample422(src, l, at);
  } else {
    out = new Uint8Array(pixels * 3);
    for (let p = 0; p < pixels; p++) {
      for (let c = 0; c < 3; c++) out[p * 3 + c] = at((l.planar ? src[c * pixels + p] : src[p * 3 + c]) as number);
    }
  }
  if (l.ycbcr) ybrToRgb(out);
  return out;
}
