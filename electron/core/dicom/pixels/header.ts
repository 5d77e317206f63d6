// The Image Pixel module attributes (PS3.3 C.7.6.3) that decide how a frame's bytes are laid out.
import type { DataSet, Element } from '../dicom-parser-lib.js';
import { HeaderReader } from '../parse.js';

export const PIXEL_DATA = 'x7fe00010';
const FLOAT_PIXEL_DATA = 'x7fe00008';
const DOUBLE_FLOAT_PIXEL_DATA = 'x7fe00009';

export interface PixelHeader {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  /** How far the stored bits sit above bit 0 (High Bit + 1 − Bits Stored; 0 in current files). */
  shift: number;
  signed: boolean;
  /** Planar Configuration 1: R plane, G plane, B plane. */
  planar: boolean;
  photometric: string;
  frameCount: number;
  pixel: Element;
  /** Float (OF) or Double Float (OD) Pixel Data instead of integer samples. */
  float?: 32 | 64;
}

function pixelElement(ds: DataSet): { pixel: Element; float?: 32 | 64 } | undefined {
  const integer = ds.elements[PIXEL_DATA];
  if (integer) return { pixel: integer };
  const f32 = ds.elements[FLOAT_PIXEL_DATA];
  if (f32) return { pixel: f32, float: 32 };
  const f64 = ds.elements[DOUBLE_FLOAT_PIXEL_DATA];
  return f64 ? { pixel: f64, float: 64 } : undefined;
}

/** Number of Frames: a positive integer, else 1. */
export function readFrameCount(h: HeaderReader): number {
  const n = h.int('x00280008');
  return n !== undefined && n >= 1 ? n : 1;
}

/** Undefined when there is no pixel data or no image size. */
export function readPixelHeader(ds: DataSet): PixelHeader | undefined {
  const h = new HeaderReader(ds);
  const found = pixelElement(ds);
  const rows = h.us('x00280010') ?? 0;
  const columns = h.us('x00280011') ?? 0;
  if (!found || rows === 0 || columns === 0) return undefined;
  const bitsAllocated = found.float ?? h.us('x00280100') ?? 0;
  const bitsStored = Math.min(bitsAllocated, h.us('x00280101') || bitsAllocated);
  const highBit = h.us('x00280102') ?? bitsStored - 1;
  return {
    rows,
    columns,
    samplesPerPixel: h.us('x00280002') || 1,
    bitsAllocated,
    bitsStored,
    shift: Math.max(0, Math.min(bitsAllocated - bitsStored, highBit + 1 - bitsStored)),
    signed: h.us('x00280103') === 1,
    planar: h.us('x00280006') === 1,
    photometric: (h.text('x00280004') ?? 'MONOCHROME2').toUpperCase(),
    frameCount: readFrameCount(h),
    ...found,
  };
}
