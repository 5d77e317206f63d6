// JPEG-LS (lossless and near-lossless) with CharLS.
import type { CodecOutput } from './output.js';
import { decodeFrame, type FrameDecoder } from './frame-decoder.js';
import type { WasmCodec } from './wasm.js';

export const CHARLS: WasmCodec = { js: '@cornerstonejs/codec-charls/decodewasmjs', wasm: '@cornerstonejs/codec-charls/decodewasm' };

interface JpegLsDecoder extends FrameDecoder {
  getInterleaveMode(): number;
}
interface CharLs {
  JpegLSDecoder: new () => JpegLsDecoder;
}

export function decodeJpegLs(encoded: Uint8Array): CodecOutput {
  return decodeFrame(
    {
      codec: CHARLS,
      isModule: (m): m is CharLs => typeof (m as Partial<CharLs>).JpegLSDecoder === 'function',
      create: (charls) => new charls.JpegLSDecoder(),
      // CharLS returns interleave mode "none" component by component, line and sample modes as RGBRGB.
      layout: (decoder, info) => ({ planar: info.componentCount > 1 && decoder.getInterleaveMode() === 0, rgb: false }),
    },
    encoded,
  );
}
