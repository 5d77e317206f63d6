// JPEG 2000 with OpenJPEG. The codec undoes the multiple-component transform (YBR_RCT/YBR_ICT)
// itself, so colour comes out as RGB. OpenJPEG reports failures by leaving the output empty.
import type { CodecOutput } from './output.js';
import { decodeFrame, type FrameDecoder } from './frame-decoder.js';
import type { WasmCodec } from './wasm.js';

export const OPENJPEG: WasmCodec = { js: '@cornerstonejs/codec-openjpeg/decodewasmjs', wasm: '@cornerstonejs/codec-openjpeg/decodewasm' };

interface OpenJpeg {
  J2KDecoder: new () => FrameDecoder;
}

export function decodeJ2k(encoded: Uint8Array): CodecOutput {
  return decodeFrame(
    {
      codec: OPENJPEG,
      isModule: (m): m is OpenJpeg => typeof (m as Partial<OpenJpeg>).J2KDecoder === 'function',
      create: (openjpeg) => new openjpeg.J2KDecoder(),
      layout: (_, info) => ({ planar: false, rgb: info.componentCount === 3 }),
    },
    encoded,
  );
}
