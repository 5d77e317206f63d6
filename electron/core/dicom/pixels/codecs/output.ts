// What every codec wrapper returns: the decoded samples in a known layout.

export interface CodecOutput {
  width: number;
  height: number;
  components: number;
  bitsPerSample: number;
  /** Samples as bytes: one per sample up to 8 bits, else two (little endian). */
  bytes: Uint8Array;
  /** Components one after another (R…G…B…) rather than interleaved (RGBRGB…). */
  planar: boolean;
  /** True when the codec already turned YCbCr into RGB (libjpeg, JPEG 2000 with its MCT). */
  rgb: boolean;
}

/** A copy out of WASM memory (views into it die with the codec object). */
export function copyOut(view: ArrayLike<number> & { length: number; buffer: ArrayBufferLike; byteOffset: number }): Uint8Array {
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.length) as ArrayBuffer);
}

/** A codec reported failure without throwing (we never read its message, only that it failed). */
export class CodecFailed extends Error {}
