// High-Throughput JPEG 2000 with OpenJPH. decode() does not throw on a bad codestream: it reports
// through getIsHeaderValid() and a non-empty getLastErrorMessage(), which we check (not read).
import { CodecFailed, copyOut, type CodecOutput } from './output.js';
import { wasmModule, withCodec, type CodecFrameInfo, type EmbindObject, type WasmCodec } from './wasm.js';

export const OPENJPH: WasmCodec = { js: '@cornerstonejs/codec-openjph/wasmjs', wasm: '@cornerstonejs/codec-openjph/wasm' };

interface HtJ2kDecoder extends EmbindObject {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): CodecFrameInfo;
  getIsHeaderValid(): boolean;
  getLastErrorMessage(): string;
}
interface OpenJph {
  HTJ2KDecoder: new () => HtJ2kDecoder;
}
const isOpenJph = (m: object): m is OpenJph => typeof (m as Partial<OpenJph>).HTJ2KDecoder === 'function';

export function decodeHtj2k(encoded: Uint8Array): CodecOutput {
  const openjph = wasmModule(OPENJPH, isOpenJph);
  return withCodec(OPENJPH, () => new openjph.HTJ2KDecoder(), (decoder) => {
    decoder.getEncodedBuffer(encoded.length).set(encoded);
    decoder.decode();
    if (!decoder.getIsHeaderValid() || decoder.getLastErrorMessage() !== '') throw new CodecFailed('htj2k');
    const info = decoder.getFrameInfo();
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      bitsPerSample: info.bitsPerSample,
      bytes: copyOut(decoder.getDecodedBuffer()),
      planar: false,
      rgb: info.componentCount === 3,
    };
  });
}
