// A decoded frame → a compact image (PNG or JPEG) at a window, optionally scaled down, for
// thumbnails, previews and the bundle's pre-rendered frames.
import type { DecodedFrame, Window } from '../../../../shared/imaging/frame.js';
import { renderToRgba } from '../../../../shared/imaging/render-rgba.js';
import type { View } from '../../../../shared/imaging/voi.js';
import { defaultWindow } from '../../../../shared/imaging/windows.js';
import { encodePng } from '../png.js';
import { encodeJpeg } from './codecs/jpeg.js';

export const DEFAULT_JPEG_QUALITY = 85;

export interface RenderOptions {
  format: 'png' | 'jpeg';
  /** Default: the file's first window, else the frame's full range. */
  window?: Window;
  invert?: boolean;
  useVoiLut?: boolean;
  /** Scale down (never up) so that neither side exceeds this. */
  maxSide?: number;
  /** JPEG quality 1–100. */
  quality?: number;
}

export interface RenderedImage {
  mime: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** Output size for a max side: the scale of the long side, each side rounded, at least 1. */
export function scaledSize(rows: number, columns: number, maxSide?: number): { width: number; height: number } {
  const scale = maxSide ? Math.min(1, maxSide / Math.max(rows, columns)) : 1;
  return { width: Math.max(1, Math.round(columns * scale)), height: Math.max(1, Math.round(rows * scale)) };
}

/** Full size (the bundle's viewer images): the channels picked out, nothing averaged. */
function channelsOf(rgba: Uint8ClampedArray, channels: 1 | 3): Uint8Array {
  const pixels = rgba.length / 4;
  const out = new Uint8Array(pixels * channels);
  if (channels === 1) for (let i = 0; i < pixels; i++) out[i] = rgba[i * 4]!;
  else
    for (let i = 0, o = 0; i < pixels; i++, o += 3) {
      out[o] = rgba[i * 4]!;
      out[o + 1] = rgba[i * 4 + 1]!;
      out[o + 2] = rgba[i * 4 + 2]!;
    }
  return out;
}

/** Area-average downscale of RGBA to `channels` (1: the red channel of a gray image; 3: RGB). */
function resample(rgba: Uint8ClampedArray, rows: number, columns: number, width: number, height: number, channels: 1 | 3): Uint8Array {
  if (width === columns && height === rows) return channelsOf(rgba, channels);
  const out = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * rows) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * rows) / height));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * columns) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * columns) / width));
      const n = (y1 - y0) * (x1 - x0);
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let sy = y0; sy < y1; sy++) for (let sx = x0; sx < x1; sx++) sum += rgba[(sy * columns + sx) * 4 + c] as number;
        out[(y * width + x) * channels + c] = Math.round(sum / n);
      }
    }
  }
  return out;
}

export function renderFrameImage(frame: DecodedFrame, options: RenderOptions): RenderedImage {
  const window = options.window ?? defaultWindow(frame);
  const view: View = { ...window, invert: options.invert ?? false, useVoiLut: options.useVoiLut ?? false };
  const rgba = renderToRgba(frame, view);
  const { width, height } = scaledSize(frame.rows, frame.columns, options.maxSide);
  const channels = frame.kind === 'gray' ? 1 : 3;
  const pixels = resample(rgba, frame.rows, frame.columns, width, height, channels);
  if (options.format === 'png') return { mime: 'image/png', bytes: encodePng(width, height, channels, pixels), width, height };
  const bytes = encodeJpeg(pixels, width, height, channels, options.quality ?? DEFAULT_JPEG_QUALITY);
  return { mime: 'image/jpeg', bytes, width, height };
}
