// Recognises a file's format from its first bytes. Content decides; the name only breaks the
// tie between "text" and "other" for 8-bit text that is not UTF-8. DICOM is checked earlier
// by the pipeline (dicom/analyzer.ts).
import type { FileFormat } from '../../../shared/domain.js';
import { looksLikeCda } from './cda.js';
import { detectEncoding, isValidUtf8 } from './text-decode.js';

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const TEXT_EXTENSIONS = /\.(txt|text|csv|tsv|log|md|asc|me|rtf|htm|html|xml|json)$/i;

export function imageFormat(head: Uint8Array): 'jpeg' | 'png' | 'heic' | undefined {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    const major = ascii(head, 8, 12);
    // AVIF also lists mif1 as compatible; only its major brand tells it apart.
    if (major === 'avif' || major === 'avis') return undefined;
    if (HEIC_BRANDS.has(major)) return 'heic';
    const boxSize = Math.min(readU32(head, 0), head.length);
    for (let p = 16; p + 4 <= boxSize; p += 4) if (HEIC_BRANDS.has(ascii(head, p, p + 4))) return 'heic';
  }
  return undefined;
}

export function sniffFormat(head: Uint8Array, name: string): FileFormat {
  if (head.length === 0) return 'other';
  if (ascii(head, 0, Math.min(head.length, 1024)).includes('%PDF-')) return 'pdf';
  const image = imageFormat(head);
  if (image) return image;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  const text = headAsText(head, name);
  if (text === undefined) return 'other';
  const start = text.trimStart();
  if (start.startsWith('<')) {
    if (looksLikeCda(text)) return 'cda';
    if (/^<(!doctype html|html)[\s>]/i.test(start)) return 'text';
    if (/^<(\?xml|[A-Za-z_][\w.:-]*[\s/>]|!--)/.test(start)) return 'xml';
    return 'text';
  }
  if (/^\{\s*("|\})|^\[\s*[[{"\d\]-]/.test(start)) {
    return /"resourceType"\s*:\s*"/.test(text) ? 'fhir-json' : 'json';
  }
  return 'text';
}

/** The head as text when it is text (no NULs or control characters), else undefined. */
function headAsText(head: Uint8Array, name: string): string | undefined {
  const { encoding, bomLength } = detectEncoding(head);
  const body = head.subarray(bomLength);
  let text: string;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    text = new TextDecoder(encoding).decode(body.subarray(0, body.length - (body.length % 2)));
  } else if (encoding === 'utf-8' || isValidUtf8(body, true)) {
    text = new TextDecoder('utf-8').decode(body);
  } else {
    // 8-bit text (Latin-1/Windows-1252): accept it when few bytes are high, or the name says text.
    let high = 0;
    for (const b of body) if (b >= 0x80) high++;
    const share = high / body.length;
    if (share > 0.3 || (share > 0.05 && !TEXT_EXTENSIONS.test(name))) return undefined;
    text = new TextDecoder('windows-1252').decode(body);
  }
  // Tab, LF, FF, CR and DOS end-of-file (0x1A) are usual in text; other controls mean binary.
  return /[\u0000-\u0008\u000b\u000e-\u0019\u001b-\u001f\u007f]/.test(text) ? undefined : text;
}

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((v, i) => b[i] === v);
}

function ascii(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function readU32(b: Uint8Array, at: number): number {
  return at + 4 <= b.length ? ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0 : 0;
}
