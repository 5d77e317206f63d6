// Bytes → string for text-based formats: BOM first, then strict UTF-8, then Latin-1
// (windows-1252), which never fails, for old exports from hospital systems.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const { encoding, bomLength } = detectEncoding(bytes);
  const text = new TextDecoder(encoding).decode(bytes.subarray(bomLength));
  return { text, encoding };
}

/** Strict UTF-8 check. `allowCutEnd` accepts a sequence cut off by the end of a sniffed head. */
export function isValidUtf8(bytes: Uint8Array, allowCutEnd = false): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    if (i + need >= bytes.length && need > 0) {
      if (!allowCutEnd) return false;
      for (let k = i + 1; k < bytes.length; k++) if ((bytes[k]! & 0xc0) !== 0x80) return false;
      return true;
    }
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    // Overlong and surrogate forms are invalid UTF-8.
    const b1 = bytes[i + 1] ?? 0;
    if (b === 0xe0 && b1 < 0xa0) return false;
    if (b === 0xed && b1 > 0x9f) return false;
    if (b === 0xf0 && b1 < 0x90) return false;
    if (b === 0xf4 && b1 > 0x8f) return false;
    i += need + 1;
  }
  return true;
}
