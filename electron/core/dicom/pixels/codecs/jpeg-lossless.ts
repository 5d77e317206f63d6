// JPEG Lossless (Process 14, any predictor; SV1 is predictor 1) with jpeg-lossless-decoder-js,
// a plain JavaScript decoder: nothing to load. Colour comes out interleaved and untransformed.
import { Decoder } from 'jpeg-lossless-decoder-js';
import type { CodecOutput } from './output.js';

export function decodeJpegLossless(encoded: Uint8Array): CodecOutput {
  const decoder = new Decoder();
  const samples = decoder.decode(encoded.buffer as ArrayBuffer, encoded.byteOffset, encoded.length);
  const bytes = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  return {
    width: decoder.xDim,
    height: decoder.yDim,
    components: decoder.numComp,
    bitsPerSample: decoder.precision ?? 8,
    bytes,
    planar: false,
    rgb: false,
  };
}
