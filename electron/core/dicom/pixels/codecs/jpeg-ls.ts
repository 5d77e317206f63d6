// JPEG-LS (lossless and near-lossless) with CharLS.
import { copyOut, type CodecOutput } from './output.js';
import { wasmModule, withCodec, type CodecFrameInfo, type EmbindObject, type WasmCodec } from './wasm.js';

export const CHARLS: WasmCodec = { js: '@cornerstonejs/codec-charls/decodewasmjs', wasm: '@cornerstonejs/codec-charls/decodewasm' };

interface JpegLsDecoder extends EmbindObject {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): CodecFrameInfo;
  getInterleaveMode(): number;
}
interface CharLs {
  JpegLSDecoder: new () => JpegLsDecoder;
}
const isCharLs = (m: object): m is CharLs => typeof (m as Partial<CharLs>).JpegLSDecoder === 'function';

export function decodeJpegLs(encoded: Uint8Array): CodecOutput {
  const charls = wasmModule(CHARLS, isCharLs);
  return withCodec(CHARLS, () => new charls.JpegLSDecoder(), (decoder) => {
    decoder.getEncodedBuffer(encoded.length).set(encoded);
    decoder.decode();
    const info = decoder.getFrameInfo();
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      bitsPerSample: info.bitsPerSample,
      bytes: copyOut(decoder.getDecodedBuffer()),
      // CharLS returns interleave mode "none" component by component, line and sample modes as RGBRGB.
      planar: info.componentCount > 1 && decoder.getInterleaveMode() === 0,
      rgb: false,
    };
  });
}
