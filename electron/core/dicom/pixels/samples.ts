// Stored values (PS3.5 8.1.1): the Bits Stored bits of each sample, below High Bit, masked free of
// whatever sits above them (overlays, garbage) and sign-extended for signed pixels.
import type { SampleArray, SampleType } from '../../../../shared/imaging/frame.js';

/** Little endian samples as written by a decoder: 1, 2 or 4 bytes each, or IEEE floats. */
export interface RawSamples {
  bytes: Uint8Array;
  bytesPerSample: 1 | 2 | 4 | 8;
  float?: boolean;
}

export interface StoredValues {
  samples: SampleArray;
  sampleType: SampleType;
  min: number;
  max: number;
}

function aligned(bytes: Uint8Array, size: number): ArrayBuffer {
  const buffer = bytes.byteOffset % size === 0 ? bytes.buffer : new Uint8Array(bytes).buffer; // a copy (Buffer#slice is not)
  return buffer as ArrayBuffer;
}

/** The raw containers as numbers (views when aligned, copies otherwise). */
export function containers(raw: RawSamples): ArrayLike<number> {
  const { bytes, bytesPerSample: size } = raw;
  const buffer = aligned(bytes, size);
  const offset = buffer === bytes.buffer ? bytes.byteOffset : 0;
  const n = Math.floor(bytes.length / size);
  if (raw.float) return size === 8 ? new Float64Array(buffer, offset, n) : new Float32Array(buffer, offset, n);
  if (size === 1) return bytes;
  return size === 2 ? new Uint16Array(buffer, offset, n) : new Uint32Array(buffer, offset, n);
}

function outputFor(bitsStored: number, signed: boolean, n: number): { samples: SampleArray; sampleType: SampleType } {
  if (signed) {
    if (bitsStored <= 8) return { samples: new Int8Array(n), sampleType: 'i8' };
    if (bitsStored <= 16) return { samples: new Int16Array(n), sampleType: 'i16' };
    return { samples: new Int32Array(n), sampleType: 'i32' };
  }
  if (bitsStored <= 8) return { samples: new Uint8Array(n), sampleType: 'u8' };
  if (bitsStored <= 16) return { samples: new Uint16Array(n), sampleType: 'u16' };
  // 32 unsigned bits do not fit an Int32Array; floats hold them to 24 bits of precision.
  return bitsStored < 32 ? { samples: new Int32Array(n), sampleType: 'i32' } : { samples: new Float32Array(n), sampleType: 'f32' };
}

export interface StoredLayout {
  bitsStored: number;
  shift: number;
  signed: boolean;
}

export function storedValues(raw: RawSamples, layout: StoredLayout, count: number): StoredValues {
  const input = containers(raw);
  if (raw.float) {
    const samples = Float32Array.from({ length: count }, (_, i) => input[i] as number);
    return { samples, sampleType: 'f32', ...range(samples) };
  }
  const { bitsStored, shift, signed } = layout;
  const out = outputFor(bitsStored, signed, count);
  const mask = bitsStored >= 32 ? 0xffffffff : 2 ** bitsStored - 1;
  const signBit = 2 ** (bitsStored - 1);
  const full = 2 ** bitsStored;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    let v = (((input[i] as number) >>> shift) & mask) >>> 0;
    if (signed && v >= signBit) v -= full;
    out.samples[i] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { ...out, min, max };
}

function range(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
