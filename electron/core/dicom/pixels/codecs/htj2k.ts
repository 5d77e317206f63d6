// High-Throughput JPEG 2000 with OpenJPH. decode() does not throw on a bad codestream: it reports
// through getIsHeaderValid() and a non-empty getLastErrorMessage(), which we check (not read).
import { CodecFailed, type CodecOutput } from './output.js';
import { decodeFrame, type FrameDecoder } from './frame-decoder.js';
import type { WasmCodec } from './wasm.js';

export const OPENJPH: WasmCodec = { js: '@cornerstonejs/codec-openjph/wasmjs', wasm: '@cornerstonejs/codec-openjph/wasm' };

interface HtJ2kDecoder extends FrameDecoder {
  getIsHeaderValid(): boolean;
  getLastErrorMessage(): string;
}
interface OpenJph {
  HTJ2KDecoder: new () => HtJ2kDecoder;
}

export function decodeHtj2k(encoded: Uint8Array): CodecOutput {
  return decodeFrame(
    {
      codec: OPENJPH,
      isModule: (m): m is OpenJph => typeof (m as Partial<OpenJph>).HTJ2KDecoder === 'function',
      create: (openjph) => new openjph.HTJ2KDecoder(),
      check: (decoder) => {
        if (!decoder.getIsHeaderValid() || decoder.getLastErrorMessage() !== '') throw new CodecFailed('htj2k');
      },
      layout: (_, info) => ({ planar: false, rgb: info.componentCount === 3 }),
    },
    encoded,
  );
}
