// 8-bit JPEG (baseline and extended) with libjpeg-turbo: decoding for frames, encoding for
// rendered previews. libjpeg turns YCbCr into RGB, so colour comes out as RGB.
import { copyOut, type CodecOutput } from './output.js';
import { wasmModule, withCodec, type CodecFrameInfo, type EmbindObject, type WasmCodec } from './wasm.js';

/** The full build: it has the encoder too, so one module serves both directions. */
export const LIBJPEG_TURBO: WasmCodec = { js: '@cornerstonejs/codec-libjpeg-turbo-8bit/wasmjs', wasm: '@cornerstonejs/codec-libjpeg-turbo-8bit/wasm' };

interface JpegDecoder extends EmbindObject {
  getEncodedBuffer(length: number): Uint8Array;
  readHeader(): void;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): CodecFrameInfo;
}
interface JpegEncoder extends EmbindObject {
  getDecodedBuffer(info: Required<CodecFrameInfo>): Uint8Array;
  setQuality(quality: number): void;
  setProgressive(progressive: number): void;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
}
interface LibJpegTurbo {
  JPEGDecoder: new () => JpegDecoder;
  JPEGEncoder: new () => JpegEncoder;
}
const isLibJpeg = (m: object): m is LibJpegTurbo =>
  typeof (m as Partial<LibJpegTurbo>).JPEGDecoder === 'function' && typeof (m as Partial<LibJpegTurbo>).JPEGEncoder === 'function';

/** `allow(width, height)` sees the size from the header before any pixel is decoded, and may throw (a bomb). */
export function decodeJpeg(encoded: Uint8Array, allow?: (width: number, height: number) => void): CodecOutput {
  const turbo = wasmModule(LIBJPEG_TURBO, isLibJpeg);
  return withCodec(LIBJPEG_TURBO, () => new turbo.JPEGDecoder(), (decoder) => {
    decoder.getEncodedBuffer(encoded.length).set(encoded);
    if (allow) {
      decoder.readHeader();
      const head = decoder.getFrameInfo();
      allow(head.width, head.height);
    }
    decoder.decode();
    const info = decoder.getFrameInfo();
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      bitsPerSample: 8,
      bytes: copyOut(decoder.getDecodedBuffer()),
      planar: false,
      rgb: info.componentCount === 3,
    };
  });
}

/** The encoder's output buffer is sized from the input: below this many bytes a JPEG's own headers overrun it. */
const MIN_ENCODE_BYTES = 1024;

/** Nearest-neighbour enlargement by a whole factor, so a tiny image still encodes. */
function enlarge(pixels: Uint8Array, width: number, height: number, channels: number, k: number): Uint8Array {
  const out = new Uint8Array(width * k * height * k * channels);
  for (let y = 0; y < height * k; y++)
    for (let x = 0; x < width * k; x++) {
      const from = (Math.floor(y / k) * width + Math.floor(x / k)) * channels;
      out.set(pixels.subarray(from, from + channels), (y * width * k + x) * channels);
    }
  return out;
}

/** pixels: width × height × channels bytes (gray, or RGB interleaved); quality 1–100. */
export function encodeJpeg(pixels: Uint8Array, width: number, height: number, channels: 1 | 3, quality: number): Uint8Array {
  const k = Math.ceil(Math.sqrt(MIN_ENCODE_BYTES / (width * height * channels)));
  if (k > 1) return encodeJpeg(enlarge(pixels, width, height, channels, k), width * k, height * k, channels, quality);
  const turbo = wasmModule(LIBJPEG_TURBO, isLibJpeg);
  return withCodec(LIBJPEG_TURBO, () => new turbo.JPEGEncoder(), (encoder) => {
    const info = { width, height, bitsPerSample: 8, componentCount: channels, isSigned: false, isUsingColorTransform: false };
    encoder.getDecodedBuffer(info).set(pixels);
    encoder.setQuality(quality);
    encoder.setProgressive(0); // baseline: what every browser and the bundle's INDEX.HTM expect
    encoder.encode();
    return copyOut(encoder.getEncodedBuffer());
  });
}
