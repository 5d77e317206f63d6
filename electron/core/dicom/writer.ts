// A small DICOM dataset encoder (PS3.5 §7): used by the export (DICOMDIR, encapsulated PDF) and by
// test fixtures. It writes what it is given — callers choose tags, VRs and the character set.
import { deflateRawSync } from 'node:zlib';
import { TS } from './transfer-syntax.js';

/** Root for the UIDs Dossier mints itself (placeholder until an org root is registered). */
export const DOSSIER_UID_ROOT = '1.2.826.0.1.3680043.10.1413';
export const IMPLEMENTATION_CLASS_UID = `${DOSSIER_UID_ROOT}.1.1`;
export const IMPLEMENTATION_VERSION_NAME = 'DOSSIER_010';

export { TS };

export type Vr =
  | 'AE' | 'AS' | 'AT' | 'CS' | 'DA' | 'DS' | 'DT' | 'FD' | 'FL' | 'IS' | 'LO' | 'LT' | 'OB' | 'OD'
  | 'OF' | 'OL' | 'OV' | 'OW' | 'PN' | 'SH' | 'SL' | 'SQ' | 'SS' | 'ST' | 'TM' | 'UC' | 'UI' | 'UL' | 'UN'
  | 'UR' | 'US' | 'UT';

/** Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table (empty unless given), then the fragments. */
export interface EncapsulatedFragments {
  fragments: Uint8Array[];
  basicOffsetTable?: readonly number[];
}

export type DicomValue =
  | string
  | readonly string[]
  | number
  | readonly number[]
  | Uint8Array
  | readonly DicomItem[]
  | EncapsulatedFragments;

export interface DicomElement {
  /** (group << 16) | element, e.g. 0x00100010 for PatientName. */
  tag: number;
  vr: Vr;
  value: DicomValue;
  /** Sequences only: write with undefined length and delimitation items. */
  undefinedLength?: boolean;
}

export type DicomItem = DicomElement[];
export type Dataset = DicomElement[];

export interface Encoding {
  explicitVr: boolean;
  littleEndian: boolean;
}

export const EXPLICIT_LE: Encoding = { explicitVr: true, littleEndian: true };

export function el(tag: number, vr: Vr, value: DicomValue, undefinedLength = false): DicomElement {
  return { tag, vr, value, undefinedLength };
}

const LONG_LENGTH_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'UC', 'UN', 'UR', 'UT']);
const BINARY_NUMBER_BYTES: Partial<Record<Vr, number>> = { US: 2, SS: 2, UL: 4, SL: 4, FL: 4, FD: 8, AT: 4 };
const UNDEFINED = 0xffffffff;

class ByteSink {
  private chunks: Uint8Array[] = [];
  length = 0;
  constructor(private readonly le: boolean) {}
  bytes(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }
  u16(v: number): void {
    const b = new Uint8Array(2);
    new DataView(b.buffer).setUint16(0, v, this.le);
    this.bytes(b);
  }
  u32(v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, this.le);
    this.bytes(b);
  }
  tag(tag: number): void {
    this.u16(tag >>> 16);
    this.u16(tag & 0xffff);
  }
  ascii(s: string): void {
    this.bytes(new TextEncoder().encode(s));
  }
  concat(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

function isItems(v: DicomValue): v is readonly DicomItem[] {
  return Array.isArray(v) && v.every((x) => Array.isArray(x));
}

function encodeText(vr: Vr, value: DicomValue): Uint8Array {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') text = String(value);
  else if (Array.isArray(value)) text = value.map(String).join('\\');
  else throw new Error(`DICOM writer: ${vr} value must be text`);
  const bytes = new TextEncoder().encode(text);
  if (bytes.length % 2 === 0) return bytes;
  const padded = new Uint8Array(bytes.length + 1);
  padded.set(bytes);
  padded[bytes.length] = vr === 'UI' ? 0x00 : 0x20;
  return padded;
}

function encodeBinaryNumbers(vr: Vr, value: DicomValue, le: boolean): Uint8Array {
  const size = BINARY_NUMBER_BYTES[vr] as number;
  const nums = typeof value === 'number' ? [value] : (value as readonly number[]);
  const out = new Uint8Array(nums.length * size);
  const view = new DataView(out.buffer);
  nums.forEach((n, i) => {
    const at = i * size;
    if (vr === 'US') view.setUint16(at, n, le);
    else if (vr === 'SS') view.setInt16(at, n, le);
    else if (vr === 'UL') view.setUint32(at, n, le);
    else if (vr === 'SL') view.setInt32(at, n, le);
    else if (vr === 'FL') view.setFloat32(at, n, le);
    else if (vr === 'FD') view.setFloat64(at, n, le);
    else {
      view.setUint16(at, n >>> 16, le); // AT: group then element
      view.setUint16(at + 2, n & 0xffff, le);
    }
  });
  return out;
}

/** OB/UN bytes are written as given; OW/OL/OF/OD bytes are given little endian and swapped for BE. */
function encodeBytes(vr: Vr, value: Uint8Array, le: boolean): Uint8Array {
  const word = vr === 'OW' ? 2 : vr === 'OL' || vr === 'OF' ? 4 : vr === 'OD' || vr === 'OV' ? 8 : 1;
  let padded = value;
  if (value.length % 2 !== 0) {
    padded = new Uint8Array(value.length + 1); // pad first: an odd OW's last byte is half of a word
    padded.set(value);
  }
  if (le || word === 1) return padded;
  const out = new Uint8Array(padded.length);
  for (let i = 0; i < padded.length; i++) out[i] = padded[i - (i % word) + (word - 1 - (i % word))] ?? 0;
  return out;
}

function writeHeader(sink: ByteSink, e: DicomElement, length: number, enc: Encoding): void {
  sink.tag(e.tag);
  if (!enc.explicitVr) {
    sink.u32(length);
  } else if (LONG_LENGTH_VRS.has(e.vr)) {
    sink.ascii(e.vr);
    sink.u16(0);
    sink.u32(length);
  } else {
    if (length > 0xffff) throw new Error(`DICOM writer: value of ${tagString(e.tag)} too long for ${e.vr}`);
    sink.ascii(e.vr);
    sink.u16(length);
  }
}

function writeElement(sink: ByteSink, e: DicomElement, enc: Encoding): void {
  const v = e.value;
  if (e.vr === 'SQ') {
    if (!isItems(v)) throw new Error(`DICOM writer: ${tagString(e.tag)} SQ needs items`);
    const items = v.map((item) => encodeItem(item, enc, e.undefinedLength === true));
    const body = Buffer.concat(items);
    writeHeader(sink, e, e.undefinedLength ? UNDEFINED : body.length, enc);
    sink.bytes(body);
    if (e.undefinedLength) delimiter(sink, 0xfffee0dd);
    return;
  }
  if (typeof v === 'object' && 'fragments' in v) {
    writeHeader(sink, e, UNDEFINED, enc);
    const table = v.basicOffsetTable ?? [];
    sink.tag(0xfffee000);
    sink.u32(table.length * 4);
    for (const offset of table) sink.u32(offset);
    for (const f of v.fragments) {
      const frag = encodeBytes('OB', f, enc.littleEndian);
      sink.tag(0xfffee000);
      sink.u32(frag.length);
      sink.bytes(frag);
    }
    delimiter(sink, 0xfffee0dd);
    return;
  }
  let body: Uint8Array;
  if (v instanceof Uint8Array) body = encodeBytes(e.vr, v, enc.littleEndian);
  else if (BINARY_NUMBER_BYTES[e.vr] !== undefined) body = encodeBinaryNumbers(e.vr, v, enc.littleEndian);
  else body = encodeText(e.vr, v);
  writeHeader(sink, e, body.length, enc);
  sink.bytes(body);
}

function delimiter(sink: ByteSink, tag: number): void {
  sink.tag(tag);
  sink.u32(0);
}

function encodeItem(item: DicomItem, enc: Encoding, undefinedLength: boolean): Uint8Array {
  const body = encodeDataset(item, enc);
  const sink = new ByteSink(enc.littleEndian);
  sink.tag(0xfffee000);
  sink.u32(undefinedLength ? UNDEFINED : body.length);
  sink.bytes(body);
  if (undefinedLength) delimiter(sink, 0xfffee00d);
  return sink.concat();
}

/** Encodes elements in ascending tag order, as PS3.5 §7.1 requires. */
export function encodeDataset(ds: Dataset, enc: Encoding = EXPLICIT_LE): Uint8Array {
  const sink = new ByteSink(enc.littleEndian);
  for (const e of [...ds].sort((a, b) => a.tag - b.tag)) writeElement(sink, e, enc);
  return sink.concat();
}

export function encodingFor(transferSyntaxUID: string): Encoding {
  if (transferSyntaxUID === TS.implicitLE) return { explicitVr: false, littleEndian: true };
  if (transferSyntaxUID === TS.explicitBE) return { explicitVr: true, littleEndian: false };
  return EXPLICIT_LE;
}

export interface Part10Meta {
  transferSyntaxUID: string;
  sopClassUID: string;
  sopInstanceUID: string;
  /** Fixtures only: false writes the bare dataset (no preamble, no meta header). */
  preamble?: boolean;
}

/** Preamble + "DICM" + group 0002 meta header (always explicit VR LE) + the encoded dataset. */
export function writePart10(ds: Dataset, meta: Part10Meta): Uint8Array {
  const enc = encodingFor(meta.transferSyntaxUID);
  let body = encodeDataset(ds.filter((e) => e.tag >>> 16 !== 0x0002), enc);
  if (meta.transferSyntaxUID === TS.deflatedLE) body = deflateRawSync(body);
  if (meta.preamble === false) return body;
  const group = encodeDataset([
    el(0x00020001, 'OB', new Uint8Array([0, 1])),
    el(0x00020002, 'UI', meta.sopClassUID),
    el(0x00020003, 'UI', meta.sopInstanceUID),
    el(0x00020010, 'UI', meta.transferSyntaxUID),
    el(0x00020012, 'UI', IMPLEMENTATION_CLASS_UID),
    el(0x00020013, 'SH', IMPLEMENTATION_VERSION_NAME),
  ]);
  const groupLength = encodeDataset([el(0x00020000, 'UL', group.length)]);
  const head = new Uint8Array(132);
  head.set([0x44, 0x49, 0x43, 0x4d], 128);
  return Buffer.concat([head, groupLength, group, body]);
}

export function tagString(tag: number): string {
  const hex = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');
  return `(${hex(tag >>> 16)},${hex(tag & 0xffff)})`;
}
