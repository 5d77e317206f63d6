// The decoders of the Cornerstone codec packages (CharLS, OpenJPEG, OpenJPH) share one shape:
// copy the codestream into their buffer, decode, read the frame info and the samples. This runs
// that sequence once for all of them; each codec says only how its samples are laid out.
import { copyOut, type CodecOutput } from './output.js';
import { wasmModule, withCodec, type CodecFrameInfo, type EmbindObject, type WasmCodec } from './wasm.js';

export interface FrameDecoder extends EmbindObject {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): CodecFrameInfo;
}

export interface FrameCodec<M extends object, D extends FrameDecoder> {
  codec: WasmCodec;
  isModule: (m: object) => m is M;
  create: (module: M) => D;
  /** Throws when the decoder reported a failure without throwing. */
  check?: (decoder: D) => void;
  layout: (decoder: D, info: CodecFrameInfo) => Pick<CodecOutput, 'planar' | 'rgb'>;
}

export function decodeFrame<M extends object, D extends FrameDecoder>(c: FrameCodec<M, D>, encoded: Uint8Array): CodecOutput {
  const module = wasmModule(c.codec, c.isModule);
  return withCodec(c.codec, () => c.create(module), (decoder) => {
    decoder.getEncodedBuffer(encoded.length).set(encoded);
    decoder.decode();
    c.check?.(decoder);
    const info = decoder.getFrameInfo();
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      bitsPerSample: info.bitsPerSample,
      bytes: copyOut(decoder.getDecodedBuffer()),
      ...c.layout(decoder, info),
    };
  });
}
