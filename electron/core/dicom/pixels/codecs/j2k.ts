// JPEG 2000 with OpenJPEG. The codec undoes the multiple-component transform (YBR_RCT/YBR_ICT)
// itself, so colour comes out as RGB. OpenJPEG reports failures by leaving the output empty.
import { copyOut, type CodecOutput } from './output.js';
import { wasmModule, withCodec, type CodecFrameInfo, type EmbindObject, type WasmCodec } from './wasm.js';

export const OPENJPEG: WasmCodec = { js: '@cornerstonejs/codec-openjpeg/decodewasmjs', wasm: '@cornerstonejs/codec-openjpeg/decodewasm' };

interface J2kDecoder extends EmbindObject {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): CodecFrameInfo;
}
interface OpenJpeg {
  J2KDecoder: new () => J2kDecoder;
}
const isOpenJpeg = (m: object): m is OpenJpeg => typeof (m as Partial<OpenJpeg>).J2KDecoder === 'function';

export function decodeJ2k(encoded: Uint8Array): CodecOutput {
  const openjpeg = wasmModule(OPENJPEG, isOpenJpeg);
  return withCodec(OPENJPEG, () => new openjpeg.J2KDecoder(), (decoder) => {
    decoder.getEncodedBuffer(encoded.length).set(encoded);
    decoder.decode();
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
