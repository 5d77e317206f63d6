// DICOM RLE Lossless decoding (PS3.5 Annex G): a 64-byte header of segment offsets, each segment
// one PackBits-compressed byte plane (most significant byte first, sample by sample).

function unpackBits(src: Uint8Array, start: number, end: number, out: Uint8Array): void {
  let i = start;
  let o = 0;
  while (i < end && o < out.length) {
    const n = src[i++] as number;
    if (n < 128) {
      const count = Math.min(n + 1, end - i, out.length - o); // literal run of n+1 bytes
      out.set(src.subarray(i, i + count), o);
      i += n + 1;
      o += count;
    } else if (n > 128) {
      const count = Math.min(257 - n, out.length - o); // byte repeated 257-n times
      out.fill(src[i++] ?? 0, o, o + count);
      o += count;
    } // 128 is a no-op
  }
}

/**
 * Decodes one frame into interleaved little-endian samples (the uncompressed layout), or null
 * when the header's segment count does not match the image's.
 */
export function decodeRleFrame(frame: Uint8Array, pixels: number, spp: number, bytesPerSample: number): Uint8Array | null {
  if (frame.length < 64) return null;
  const view = new DataView(frame.buffer, frame.byteOffset, 64);
  const segments = view.getUint32(0, true);
  if (segments !== spp * bytesPerSample || segments > 15) return null;
  const out = new Uint8Array(pixels * segments);
  const plane = new Uint8Array(pixels);
  for (let s = 0; s < segments; s++) {
    const start = view.getUint32(4 + s * 4, true);
    const end = s + 1 < segments ? view.getUint32(8 + s * 4, true) : frame.length;
    if (start < 64 || end > frame.length || end < start) return null;
    plane.fill(0);
    unpackBits(frame, start, end, plane);
    const sample = Math.floor(s / bytesPerSample);
    const byteInSample = bytesPerSample - 1 - (s % bytesPerSample); // segments are MSB first
    for (let p = 0; p < pixels; p++) out[(p * spp + sample) * bytesPerSample + byteInSample] = plane[p] as number;
  }
  return out;
}
