// One frame's samples out of whatever holds them: native bytes, RLE, or a codec.
import type { DataSet } from '../dicom-parser-lib.js';
import { decodeRleFrame } from '../rle.js';
import type { TransferSyntax } from '../transfer-syntax.js';
import { peekJ2k, peekJpeg } from './codestream.js';
import { decodeHtj2k } from './codecs/htj2k.js';
import { decodeJ2k } from './codecs/j2k.js';
import { decodeJpeg } from './codecs/jpeg.js';
import { decodeJpegLossless } from './codecs/jpeg-lossless.js';
import { decodeJpegLs } from './codecs/jpeg-ls.js';
import type { CodecOutput } from './codecs/output.js';
import { fail } from './errors.js';
import { encapsulatedFrame, nativeFrame } from './frames.js';
import type { PixelHeader } from './header.js';
import type { RawSamples } from './samples.js';

export interface RawFrame extends RawSamples {
  planar: boolean;
  /** The codec already produced RGB from YCbCr. */
  rgb: boolean;
}

const CODECS: Record<Exclude<TransferSyntax['encoding'], 'native' | 'rle'>, (b: Uint8Array) => CodecOutput> = {
  jpeg: decodeJpeg,
  'jpeg-lossless': decodeJpegLossless,
  'jpeg-ls': decodeJpegLs,
  jpeg2000: decodeJ2k,
  htj2k: decodeHtj2k,
};

function nativeRaw(ds: DataSet, h: PixelHeader, ts: TransferSyntax, index: number): RawFrame {
  const bytes = nativeFrame(ds, h, index, ts.littleEndian);
  const bytesPerSample = h.bitsAllocated === 1 ? 1 : ((h.bitsAllocated / 8) as 1 | 2 | 4 | 8);
  return { bytes, bytesPerSample, float: h.float !== undefined, planar: h.planar, rgb: false };
}

function rleRaw(ds: DataSet, h: PixelHeader, index: number): RawFrame {
  const bytesPerSample = (h.bitsAllocated / 8) as 1 | 2 | 4;
  const rle = encapsulatedFrame(ds, h, index, 'rle');
  const bytes = decodeRleFrame(rle, h.rows * h.columns, h.samplesPerPixel, bytesPerSample);
  if (!bytes) fail({ code: 'frame-damaged', frame: index, cause: 'codec-error' });
  return { bytes, bytesPerSample, planar: false, rgb: false };
}

/** Checks the codestream's own header against the DICOM header before decoding it. */
function checkCodestream(codestream: Uint8Array, h: PixelHeader, ts: TransferSyntax, index: number): void {
  const info = ts.encoding === 'jpeg2000' || ts.encoding === 'htj2k' ? peekJ2k(codestream) : peekJpeg(codestream);
  if (!info) fail({ code: 'frame-damaged', frame: index, cause: 'codec-error' });
  if (ts.encoding === 'jpeg' && info.precision !== 8) {
    fail({ code: 'unsupported-bit-depth', transferSyntaxUID: ts.uid, name: ts.name, bitsPerSample: info.precision });
  }
  if (info.width !== h.columns || info.height !== h.rows || info.components !== h.samplesPerPixel || info.precision > 16) {
    fail({ code: 'frame-damaged', frame: index, cause: 'mismatch' });
  }
}

function codecRaw(ds: DataSet, h: PixelHeader, ts: TransferSyntax, index: number): RawFrame {
  const codestream = encapsulatedFrame(ds, h, index, ts.encoding);
  checkCodestream(codestream, h, ts, index);
  let out: CodecOutput;
  try {
    out = CODECS[ts.encoding as keyof typeof CODECS](codestream);
  } catch {
    return fail({ code: 'frame-damaged', frame: index, cause: 'codec-error' });
  }
  const bytesPerSample = out.bitsPerSample > 8 ? 2 : 1;
  const expected = h.rows * h.columns * h.samplesPerPixel * bytesPerSample;
  if (out.bytes.length === 0) fail({ code: 'frame-damaged', frame: index, cause: 'codec-error' });
  if (out.width !== h.columns || out.height !== h.rows || out.bytes.length !== expected) {
    fail({ code: 'frame-damaged', frame: index, cause: 'mismatch' });
  }
  return { bytes: out.bytes, bytesPerSample, planar: out.planar, rgb: out.rgb };
}

export function rawFrame(ds: DataSet, h: PixelHeader, ts: TransferSyntax, index: number): RawFrame {
  if (ts.encoding === 'native') return nativeRaw(ds, h, ts, index);
  if (ts.encoding === 'rle') return rleRaw(ds, h, index);
  return codecRaw(ds, h, ts, index);
}
