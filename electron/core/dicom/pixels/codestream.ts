// Reads a codestream's own header (size, components, precision) before any codec sees it: the
// frame must match the DICOM header, so a hostile codestream cannot make a codec allocate more
// than the (capped) header allows, and 12-bit JPEG is recognised before libjpeg-turbo refuses it.

export interface CodestreamInfo {
  width: number;
  height: number;
  components: number;
  precision: number;
}

const u16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32 = (b: Uint8Array, at: number): number => u16(b, at) * 0x10000 + u16(b, at + 2);

/** SOFn markers (T.81 B.1.1.3) and JPEG-LS SOF55 (T.87): C0–CF except DHT, JPG and DAC. */
function isStartOfFrame(marker: number): boolean {
  return (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) || marker === 0xf7;
}

/** JPEG, JPEG Lossless and JPEG-LS: walks marker segments from SOI to the frame header. */
export function peekJpeg(b: Uint8Array): CodestreamInfo | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1] as number;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = u16(b, at + 2);
    if (isStartOfFrame(marker)) {
      if (at + 10 > b.length) return undefined;
      return { precision: b[at + 4] as number, height: u16(b, at + 5), width: u16(b, at + 7), components: b[at + 9] as number };
    }
    if (marker === 0xda || length < 2) return undefined; // scan before any frame header
    at += 2 + length;
  }
  return undefined;
}

/** JPEG 2000 / HTJ2K: SIZ right after SOC (T.800 A.5.1), inside a JP2 wrapper or not. */
export function peekJ2k(b: Uint8Array): CodestreamInfo | undefined {
  const limit = Math.min(b.length - 4, 4096);
  for (let at = 0; at <= limit; at++) {
    if (b[at] !== 0xff || b[at + 1] !== 0x4f || b[at + 2] !== 0xff || b[at + 3] !== 0x51) continue;
    const siz = at + 4;
    if (siz + 40 > b.length) return undefined;
    const width = u32(b, siz + 4) - u32(b, siz + 12);
    const height = u32(b, siz + 8) - u32(b, siz + 16);
    const components = u16(b, siz + 36);
    const precision = ((b[siz + 38] ?? 0) & 0x7f) + 1; // Ssiz: bit depth − 1, top bit = signed
    return { width, height, components, precision };
  }
  return undefined;
}
