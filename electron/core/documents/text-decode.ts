// Bytes → string for text-based formats: BOM first, then strict UTF-8, then Latin-1
// (windows-1252), which never fails, for old exports from hospital systems.
import { isUtf8 } from 'node:buffer';

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

/** Strict UTF-8 check (Node's). `allowCutEnd` accepts a sequence cut off by the end of a sniffed head. */
export function isValidUtf8(bytes: Uint8Array, allowCutEnd = false): boolean {
  if (isUtf8(bytes)) return true;
  if (!allowCutEnd) return false;
  const start = lastSequenceStart(bytes);
  return start !== null && isUtf8(bytes.subarray(0, start));
}

/** Where an unfinished multi-byte sequence at the very end begins, or null when the end is not one. */
function lastSequenceStart(bytes: Uint8Array): number | null {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const need = b > 0xf4 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 ? 1 : 0;
    return need >= back ? bytes.length - back : null;
  }
  return null;
}
