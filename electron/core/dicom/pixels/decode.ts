// decodeFrame: one frame of a DICOM instance → DecodedFrame (shared/imaging/frame.ts).
import type { DecodedFrame, ModalityTransform } from '../../../../shared/imaging/frame.js';
import { modalityMapper } from '../../../../shared/imaging/voi.js';
import { readDicomDataSet } from '../dataset.js';
import type { DataSet } from '../dicom-parser-lib.js';
import { transferSyntax, transferSyntaxName } from '../transfer-syntax.js';
import { toRgb } from './colour.js';
import { readGeometry, readModality, readVoi } from './display.js';
import { fail } from './errors.js';
import { checkFormat } from './format.js';
import { readPixelHeader, type PixelHeader } from './header.js';
import { applyPalette } from './palette.js';
import { rawFrame, type RawFrame } from './raw-frame.js';
import { storedValues } from './samples.js';

/** A parsed instance: kept by the viewer's cache so that each frame of a file is not parsed again. */
export interface OpenedInstance {
  readonly ds: DataSet;
  readonly transferSyntaxUID: string;
  /** Bytes the parsed dataset holds on to (the file, or its inflated copy). */
  readonly byteLength: number;
}

function open(bytes: Uint8Array): OpenedInstance {
  try {
    const { dataSet, transferSyntaxUID } = readDicomDataSet(bytes, { untilPixelData: false });
    return { ds: dataSet, transferSyntaxUID, byteLength: dataSet.byteArray.byteLength };
  } catch {
    return fail({ code: 'damaged-dataset' });
  }
}

/** Parses an instance once, for decoding several of its frames. */
export function openInstance(bytes: Uint8Array): OpenedInstance {
  return open(bytes);
}

/** Number of frames of a parsed instance (throws 'no-pixel-data' when it has no image). */
export function openedFrameCount(opened: OpenedInstance): number {
  return header(opened.ds).frameCount;
}

function header(ds: DataSet): PixelHeader {
  return readPixelHeader(ds) ?? fail({ code: 'no-pixel-data' });
}

/** Number of frames of an instance (1 for single-frame images). */
export function frameCount(bytes: Uint8Array): number {
  return header(open(bytes).ds).frameCount;
}

/** Modality value range over the stored range (LUTs may be non-monotonic: scan the range). */
function modalityRange(modality: ModalityTransform, min: number, max: number): { min: number; max: number } {
  const map = modalityMapper(modality);
  if (modality.kind === 'rescale' || max - min > 65536) {
    const a = map(min);
    const b = map(max);
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let v = min; v <= max; v++) {
    const m = map(v);
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  return { min: lo, max: hi };
}

function grayFrame(ds: DataSet, h: PixelHeader, raw: RawFrame, index: number): Omit<DecodedFrame, 'frameIndex' | 'frameCount' | 'photometric' | 'rows' | 'columns'> {
  const bits = h.bitsAllocated === 1 ? { bitsStored: 1, shift: 0 } : { bitsStored: h.bitsStored, shift: h.shift };
  const stored = storedValues(raw, { ...bits, signed: h.signed }, h.rows * h.columns);
  const modality = readModality(ds, index, h.signed);
  return {
    kind: 'gray',
    sampleType: stored.sampleType,
    samples: stored.samples,
    bitsStored: bits.bitsStored,
    modality,
    voi: readVoi(ds, index, h.signed),
    invert: h.photometric === 'MONOCHROME1',
    storedMin: stored.min,
    storedMax: stored.max,
    ...modalityRange(modality, stored.min, stored.max),
    ...readGeometry(ds, index),
  };
}

function rgbSamples(ds: DataSet, h: PixelHeader, raw: RawFrame, index: number, palette: boolean): Uint8Array {
  if (palette) {
    const indices = storedValues(raw, { bitsStored: h.bitsStored, shift: h.shift, signed: false }, h.rows * h.columns);
    return applyPalette(ds, indices.samples, h.signed, index);
  }
  const p = h.photometric;
  const ycbcr = !raw.rgb && (p === 'YBR_FULL' || p === 'YBR_FULL_422');
  if (!raw.rgb && (p.startsWith('YBR_PARTIAL') || p === 'YBR_RCT' || p === 'YBR_ICT')) {
    fail({ code: 'unsupported-pixel-format', photometric: p, samplesPerPixel: h.samplesPerPixel, bitsAllocated: h.bitsAllocated });
  }
  const subsampled422 = !raw.rgb && p === 'YBR_FULL_422';
  return toRgb(raw, { rows: h.rows, columns: h.columns, planar: raw.planar, subsampled422, ycbcr, downshift: Math.max(0, h.bitsStored - 8) });
}

function colourFrame(ds: DataSet, h: PixelHeader, raw: RawFrame, index: number, palette: boolean): Omit<DecodedFrame, 'frameIndex' | 'frameCount' | 'photometric' | 'rows' | 'columns'> {
  return {
    kind: 'rgb',
    sampleType: 'u8',
    samples: rgbSamples(ds, h, raw, index, palette),
    bitsStored: 8,
    modality: { kind: 'rescale', slope: 1, intercept: 0 },
    voi: { windows: [], luts: [], function: 'LINEAR' },
    invert: false,
    storedMin: 0,
    storedMax: 255,
    min: 0,
    max: 255,
    ...readGeometry(ds, index),
  };
}

/** Decodes frame `frameIndex` (0-based) only; throws PixelDecodeError with a typed detail. */
export function decodeFrameSync(bytes: Uint8Array, frameIndex: number): DecodedFrame {
  return decodeOpenedFrame(open(bytes), frameIndex);
}

/** Decodes frame `frameIndex` (0-based) of an instance parsed by openInstance. */
export function decodeOpenedFrame(opened: OpenedInstance, frameIndex: number): DecodedFrame {
  const { ds, transferSyntaxUID } = opened;
  const ts = transferSyntax(transferSyntaxUID);
  if (!ts) return fail({ code: 'unsupported-transfer-syntax', transferSyntaxUID, ...nameOf(transferSyntaxUID) });
  const h = header(ds);
  if (!Number.isInteger(frameIndex) || frameIndex < 0 || frameIndex >= h.frameCount) {
    fail({ code: 'frame-out-of-range', frame: frameIndex, frameCount: h.frameCount });
  }
  const kind = checkFormat(h);
  const raw = rawFrame(ds, h, ts, frameIndex);
  const body = kind === 'gray' ? grayFrame(ds, h, raw, frameIndex) : colourFrame(ds, h, raw, frameIndex, kind === 'palette');
  return { rows: h.rows, columns: h.columns, ...body, photometric: h.photometric, frameIndex, frameCount: h.frameCount };
}

function nameOf(uid: string): { name?: string } {
  const name = transferSyntaxName(uid);
  return name ? { name } : {};
}

/**
 * Async form for callers off the UI path (the API). The work is synchronous today (the codecs
 * compile on first use in ~10 ms each); the Promise leaves room to move it to a worker.
 */
export async function decodeFrame(bytes: Uint8Array, frameIndex: number): Promise<DecodedFrame> {
  return decodeFrameSync(bytes, frameIndex);
}
