// Turns arbitrary bytes into a dicom-parser DataSet, or a SkipFile with a specific reason.
// Handles what dicom-parser alone does not: files without the 128-byte preamble, raw datasets
// without a meta header (layout guessed from the first elements), deflate bombs, and truncations
// that dicom-parser accepts silently (it seeks past the end of a short last element).
import { SkipFile } from '../base/analysis.js';
import { inflateRawSync } from 'node:zlib';
import { dicomParser, type DataSet, type Element } from './dicom-parser-lib.js';
import { TS } from './transfer-syntax.js';

const TS_IMPLICIT_LE = TS.implicitLE;
const TS_EXPLICIT_LE = TS.explicitLE;
const TS_EXPLICIT_BE = TS.explicitBE;
const PIXEL_DATA = 'x7fe00010';
/** Header-only reads never need more than this after inflating a deflated dataset. */
const MAX_INFLATED_BYTES = 1 << 30;

const VRS = new Set(
  'AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '),
);

export interface RawLayout {
  explicitVr: boolean;
  littleEndian: boolean;
}

export interface ReadDataSet {
  dataSet: DataSet;
  transferSyntaxUID: string;
  /** True when the file had a group 0002 meta header (possibly without the preamble). */
  hasMetaHeader: boolean;
}

function u16(b: Uint8Array, at: number, le: boolean): number {
  const lo = b[at] ?? 0;
  const hi = b[at + 1] ?? 0;
  return le ? lo | (hi << 8) : (lo << 8) | hi;
}

function u32(b: Uint8Array, at: number, le: boolean): number {
  return le ? (u16(b, at, true) + u16(b, at + 2, true) * 0x10000) : (u16(b, at, false) * 0x10000 + u16(b, at + 2, false));
}

function vrAt(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0);
}

/**
 * Guesses the encoding of a dataset that starts at offset 0 by walking its first few elements:
 * tags must ascend from a plausible first group, lengths must stay inside the bytes we have.
 * `head` may be just the beginning of a file: running out of bytes is not held against it.
 */
export function sniffRawDataset(head: Uint8Array): RawLayout | null {
  const layouts: RawLayout[] = [
    { explicitVr: true, littleEndian: true },
    { explicitVr: false, littleEndian: true },
    { explicitVr: true, littleEndian: false },
  ];
  return layouts.find((l) => walksPlausibly(head, l)) ?? null;
}

function walksPlausibly(b: Uint8Array, { explicitVr, littleEndian }: RawLayout): boolean {
  const firstGroup = u16(b, 0, littleEndian);
  if (b.length < 8 || ![0x0002, 0x0008].includes(firstGroup)) return false;
  let at = 0;
  let previous = -1;
  for (let n = 0; n < 4 && at + 8 <= b.length; n++) {
    const tag = u16(b, at, littleEndian) * 0x10000 + u16(b, at + 2, littleEndian);
    if (tag <= previous || tag >= 0x7fe00010 || (tag >>> 16) > 0x0100) return false;
    let length: number;
    let header = 8;
    if (explicitVr) {
      const vr = vrAt(b, at + 4);
      if (!VRS.has(vr)) return false;
      if (['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV'].includes(vr)) {
        if (at + 12 > b.length) return true;
        length = u32(b, at + 8, littleEndian);
        header = 12;
      } else {
        length = u16(b, at + 6, littleEndian);
      }
    } else {
      length = u32(b, at + 4, littleEndian);
      // Implicit VR header values (group 0008 strings, UIDs) are short; VR letters read as a length are not.
      if (length > 0x4000 && length !== 0xffffffff) return false;
    }
    if (length === 0xffffffff) return n > 0;
    previous = tag;
    at += header + length;
  }
  return at <= b.length + 0x4000;
}

function hasDicmAt(b: Uint8Array, at: number): boolean {
  return b[at] === 0x44 && b[at + 1] === 0x49 && b[at + 2] === 0x43 && b[at + 3] === 0x4d;
}

function withPreamble(b: Uint8Array, addDicm: boolean): Buffer {
  const head = Buffer.alloc(addDicm ? 132 : 128);
  if (addDicm) head.write('DICM', 128, 'latin1');
  return Buffer.concat([head, b]);
}

function describe(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'exception' in e) return describe((e as { exception: unknown }).exception);
  return String(e);
}

export function tagLabel(tag: string): string {
  return `(${tag.slice(1, 5).toUpperCase()},${tag.slice(5, 9).toUpperCase()})`;
}

/** The last element parsed before a failure, and whether its value runs past the end of the file. */
function lastElement(e: unknown): { tag: string; cut: boolean } | undefined {
  if (!e || typeof e !== 'object' || !('dataSet' in e)) return undefined;
  const ds = (e as { dataSet?: DataSet }).dataSet;
  const tags = ds ? Object.keys(ds.elements).sort() : [];
  const tag = tags[tags.length - 1];
  if (!ds || !tag) return undefined;
  const el = ds.elements[tag];
  const cut = !!el && el.length !== 0xffffffff && el.dataOffset + el.length > ds.byteArray.length;
  return { tag, cut };
}

function toSkip(e: unknown): SkipFile {
  if (e instanceof SkipFile) return e;
  const message = describe(e);
  const last = lastElement(e);
  if (/cannot be greater than or equal/.test(message)) {
    return new SkipFile({ code: 'truncated-dicom', where: 'after-file-meta' });
  }
  if (/past end|overread|overrun|eof|not found/i.test(message)) {
    return new SkipFile(
      last ? { code: 'truncated-dicom', where: last.cut ? 'inside-element' : 'after-element', element: tagLabel(last.tag) } : { code: 'truncated-dicom', where: 'before-first-element' },
    );
  }
  const cause = e && typeof e === 'object' && 'exception' in e ? (e as { exception: unknown }).exception : e;
  if (cause instanceof RangeError) return new SkipFile({ code: 'damaged-dicom', detail: 'nesting too deep' });
  return new SkipFile({ code: 'damaged-dicom', detail: message.replace(/^dicomParser[.:]\w*:?\s*/, '') });
}

/** Finds the first element whose value runs past the end of the bytes (dicom-parser lets it pass). */
function findOverrun(ds: DataSet, size: number, depth = 0): Element | undefined {
  if (depth > 64) return undefined;
  for (const element of Object.values(ds.elements)) {
    if (element.dataOffset === undefined) continue; // meta header placeholder for raw datasets
    if (element.length !== 0xffffffff && element.dataOffset + element.length > size) return element;
    for (const item of element.items ?? []) {
      const inner = item.dataSet ? findOverrun(item.dataSet, size, depth + 1) : undefined;
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Walks encapsulated fragments' item headers (never their contents) to prove they are complete. */
function encapsulatedComplete(b: Uint8Array, start: number, le: boolean): boolean {
  let at = start;
  while (at + 8 <= b.length) {
    const group = u16(b, at, le);
    const element = u16(b, at + 2, le);
    const length = u32(b, at + 4, le);
    if (group !== 0xfffe) return false;
    if (element === 0xe0dd) return true;
    if (element !== 0xe000 || length === 0xffffffff) return false;
    at += 8 + length;
  }
  return false;
}

export interface ReadOptions {
  /** Stop at Pixel Data (header-only reads for import); its extent is still checked. */
  untilPixelData: boolean;
}

export function readDicomDataSet(bytes: Uint8Array, { untilPixelData }: ReadOptions): ReadDataSet {
  let buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let rawTransferSyntax: string | undefined;
  if (hasDicmAt(buffer, 128)) {
    // standard Part 10
  } else if (hasDicmAt(buffer, 0)) {
    buffer = withPreamble(buffer, false);
  } else if (u16(buffer, 0, true) === 0x0002 && VRS.has(vrAt(buffer, 4))) {
    buffer = withPreamble(buffer, true); // meta header written without the preamble
  } else {
    const layout = sniffRawDataset(buffer);
    if (!layout) throw new SkipFile({ code: 'not-dicom' });
    rawTransferSyntax = !layout.explicitVr ? TS_IMPLICIT_LE : layout.littleEndian ? TS_EXPLICIT_LE : TS_EXPLICIT_BE;
  }
  if (rawTransferSyntax === undefined) checkMetaHeaderComplete(buffer);
  const inflated = rawTransferSyntax === undefined ? inflateDeflated(buffer) : undefined;
  if (inflated) buffer = inflated;

  try {
    const dataSet = parseChecked(buffer, rawTransferSyntax, untilPixelData);
    const transferSyntaxUID = rawTransferSyntax ?? (inflated ? TS.deflatedLE : readTransferSyntax(dataSet));
    return { dataSet, transferSyntaxUID, hasMetaHeader: rawTransferSyntax === undefined };
  } catch (e) {
    const retry = rawTransferSyntax === undefined ? retryWithSniffedLayout(buffer, untilPixelData) : undefined;
    if (retry) return retry;
    throw e;
  }
}

const layoutOf = (ts: string): string => (ts === TS_IMPLICIT_LE ? 'implicit' : ts === TS_EXPLICIT_BE ? 'big' : 'explicit');

/**
 * Some writers declare one transfer syntax in the meta header and encode the dataset in another
 * (classically implicit VR under an explicit VR UID). When the declared one fails, and the bytes
 * after the meta header plainly decode another way, read them that way.
 */
function retryWithSniffedLayout(buffer: Buffer, untilPixelData: boolean): ReadDataSet | undefined {
  try {
    const meta = dicomParser.readPart10Header(buffer);
    const declared = readTransferSyntax(meta);
    const metaEnd = 144 + (meta.uint32('x00020000') ?? -144);
    const layout = metaEnd > 144 ? sniffRawDataset(buffer.subarray(metaEnd)) : null;
    if (!layout) return undefined;
    const actual = !layout.explicitVr ? TS_IMPLICIT_LE : layout.littleEndian ? TS_EXPLICIT_LE : TS_EXPLICIT_BE;
    if (layoutOf(actual) === layoutOf(declared)) return undefined;
    const dataSet = parseChecked(buffer.subarray(metaEnd), actual, untilPixelData);
    return { dataSet, transferSyntaxUID: actual, hasMetaHeader: true };
  } catch {
    return undefined;
  }
}

/** The Extended Offset Table and its lengths (7FE0,0001/0002), explicit VR OV, in either byte order. */
const OV_HEADERS = [
  [0xe0, 0x7f, 0x01, 0x00, 0x4f, 0x56, 0, 0],
  [0xe0, 0x7f, 0x02, 0x00, 0x4f, 0x56, 0, 0],
  [0x7f, 0xe0, 0x00, 0x01, 0x4f, 0x56, 0, 0],
  [0x7f, 0xe0, 0x00, 0x02, 0x4f, 0x56, 0, 0],
].map((h) => Buffer.from(h));

const PIXEL_DATA_TAGS = [Buffer.from([0xe0, 0x7f, 0x10, 0x00]), Buffer.from([0x7f, 0xe0, 0x00, 0x10])];

/** Where the first Pixel Data tag ends (little endian first, the usual case), or the buffer's end. */
function pixelDataTagEnd(buffer: Buffer): number {
  for (const tag of PIXEL_DATA_TAGS) {
    const at = buffer.indexOf(tag);
    if (at >= 0) return at + tag.length;
  }
  return buffer.length;
}

/**
 * dicom-parser gives VR OV (PS3.5 7.1.2, 2017) a 2-byte length, which derails the rest of the
 * dataset. Its value layout is OB's, so OV headers read as OB for the parse and are restored
 * afterwards: zero-copy, and synchronous, so nothing else sees the bytes in between.
 */
function withOvReadAsOb<T>(buffer: Buffer, parse: () => T): T {
  // The offset tables precede Pixel Data (7FE0,0010): search only the bytes before it, not the pixels.
  const head = buffer.subarray(0, pixelDataTagEnd(buffer));
  const patched = OV_HEADERS.map((h) => head.indexOf(h)).filter((at) => at >= 0);
  for (const at of patched) buffer[at + 5] = 0x42; // 'OV' → 'OB'
  try {
    return parse();
  } finally {
    for (const at of patched) buffer[at + 5] = 0x56;
  }
}

/** dicom-parser plus the checks it does not make; every failure is a SkipFile. */
function parseChecked(buffer: Buffer, rawTransferSyntax: string | undefined, untilPixelData: boolean): DataSet {
  let dataSet: DataSet;
  try {
    dataSet = withOvReadAsOb(buffer, () => dicomParser.parseDicom(buffer, {
      ...(rawTransferSyntax ? { TransferSyntaxUID: rawTransferSyntax } : {}),
      ...(untilPixelData ? { untilTag: PIXEL_DATA } : {}),
      inflater: (arr: Uint8Array, position: number) => {
        const inflated = inflateRawSync(arr.subarray(position), { maxOutputLength: MAX_INFLATED_BYTES });
        return Buffer.concat([arr.subarray(0, position), inflated]);
      },
    }));
  } catch (e) {
    throw toSkip(e);
  }
  const overrun = findOverrun(dataSet, dataSet.byteArray.length);
  if (overrun) throw new SkipFile({ code: 'truncated-dicom', where: 'inside-element', element: tagLabel(overrun.tag) });
  const pixel = dataSet.elements[PIXEL_DATA];
  if (untilPixelData && pixel && pixel.length === 0xffffffff) {
    const le = dataSet.byteArrayParser === dicomParser.littleEndianByteArrayParser;
    if (!encapsulatedComplete(dataSet.byteArray, pixel.dataOffset, le)) {
      throw new SkipFile({ code: 'truncated-dicom', where: 'inside-element', element: '(7FE0,0010) Pixel Data' });
    }
  }
  return dataSet;
}

/**
 * Deflated Explicit VR Little Endian, inflated here rather than by dicom-parser, which misreads
 * some such files: it parses one element of the compressed bytes while looking for the end of
 * the meta header, and parses its inflater's result from byte 0 (the preamble). The copy's meta
 * header then declares Explicit VR Little Endian (same length, NUL-padded); callers are told the
 * file's real syntax. Undefined when the file is not deflated or has no meta group length.
 */
function inflateDeflated(buffer: Buffer): Buffer | undefined {
  const hasGroupLength = u32(buffer, 132, true) === 0x00000002 && vrAt(buffer, 136) === 'UL';
  if (!hasGroupLength) return undefined;
  const metaEnd = 144 + u32(buffer, 140, true);
  const ts = deflatedSyntaxElement(buffer.subarray(0, metaEnd));
  if (!ts) return undefined;
  let body: Buffer;
  try {
    body = inflateRawSync(buffer.subarray(metaEnd), { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    throw new SkipFile({ code: 'damaged-dicom', detail: 'deflated data cannot be inflated' });
  }
  const out = Buffer.concat([buffer.subarray(0, metaEnd), body]);
  out.fill(0, ts.dataOffset, ts.dataOffset + ts.length);
  out.write(TS.explicitLE, ts.dataOffset, 'latin1');
  return out;
}

/** The meta header's Transfer Syntax UID element when it says deflated; a damaged meta header
 * gives undefined here and fails, with its reason, on the ordinary path. */
function deflatedSyntaxElement(metaBytes: Buffer): Element | undefined {
  try {
    const meta = dicomParser.readPart10Header(metaBytes);
    const ts = meta.elements.x00020010;
    return ts && readTransferSyntax(meta) === TS.deflatedLE ? ts : undefined;
  } catch {
    return undefined;
  }
}

/** Uses (0002,0000) group length, when present, to tell a cut meta header from a damaged one. */
function checkMetaHeaderComplete(b: Uint8Array): void {
  const truncated = new SkipFile({ code: 'truncated-dicom', where: 'file-meta' });
  if (b.length < 144) throw truncated;
  const hasGroupLength = u32(b, 132, true) === 0x00000002 && vrAt(b, 136) === 'UL';
  if (!hasGroupLength) return;
  const end = 144 + u32(b, 140, true);
  if (b.length < end) throw truncated;
  if (b.length === end) throw new SkipFile({ code: 'truncated-dicom', where: 'after-file-meta' });
}

function readTransferSyntax(ds: DataSet): string {
  const element = ds.elements.x00020010;
  if (!element) throw new SkipFile({ code: 'damaged-dicom', detail: 'no transfer syntax in the meta header' });
  return ds.string('x00020010')?.replace(/\0/g, '').trim() ?? '';
}
