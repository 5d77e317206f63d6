// Reads LUTs (LUT Descriptor + LUT Data, PS3.3 C.11.1.1) from a dataset or sequence item.
import type { Lut } from '../../../../shared/imaging/frame.js';
import type { DataSet } from '../dicom-parser-lib.js';
import { HeaderReader } from '../parse.js';

export const LUT_DESCRIPTOR = 'x00283002';
const LUT_EXPLANATION = 'x00283003';
export const LUT_DATA = 'x00283006';

export interface LutDescriptor {
  entries: number;
  firstMapped: number;
  bits: number;
}

/** Descriptor values: 0 entries means 65536; the first mapped value is signed for signed pixels. */
export function readDescriptor(ds: DataSet, tag: string, signedPixels: boolean): LutDescriptor | undefined {
  const e = ds.elements[tag];
  if (!e || e.length < 6) return undefined;
  const entries = ds.uint16(tag, 0) ?? 0;
  const first = ds.uint16(tag, 1) ?? 0;
  return {
    entries: entries === 0 ? 65536 : entries,
    firstMapped: signedPixels && first > 0x7fff ? first - 0x10000 : first,
    bits: ds.uint16(tag, 2) ?? 16,
  };
}

/** `entries` values: 16-bit words, or one byte each when the data is exactly that long. */
export function readLutData(ds: DataSet, tag: string, entries: number): Uint16Array | undefined {
  const e = ds.elements[tag];
  if (!e || e.length === 0xffffffff) return undefined;
  const out = new Uint16Array(entries);
  if (e.length === entries) {
    out.set(ds.byteArray.subarray(e.dataOffset, e.dataOffset + entries));
    return out;
  }
  if (e.length < entries * 2) return undefined;
  for (let i = 0; i < entries; i++) out[i] = ds.byteArrayParser.readUint16(ds.byteArray, e.dataOffset + i * 2);
  return out;
}

/** A LUT item of the Modality or VOI LUT Sequence; undefined when malformed. */
export function readLutItem(item: DataSet, signedPixels: boolean): Lut | undefined {
  const d = readDescriptor(item, LUT_DESCRIPTOR, signedPixels);
  const data = d && readLutData(item, LUT_DATA, d.entries);
  if (!d || !data) return undefined;
  const explanation = new HeaderReader(item).text(LUT_EXPLANATION);
  // A few writers declare 16 bits for 12-bit data or vice versa; beyond 8–16 trust the data.
  const bits = d.bits >= 8 && d.bits <= 16 ? d.bits : Math.max(1, Math.ceil(Math.log2(Math.max(...data) + 1)));
  return { firstMapped: d.firstMapped, bits, data, ...(explanation ? { explanation } : {}) };
}

/** Items of a sequence as datasets. */
export function sequenceItems(ds: DataSet, tag: string): DataSet[] {
  return (ds.elements[tag]?.items ?? []).flatMap((i) => (i.dataSet ? [i.dataSet] : []));
}
