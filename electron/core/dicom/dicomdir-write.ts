// Builds a DICOMDIR (Basic Directory IOD, PS3.3 Annex F; PS3.10 media format; PS3.11 General
// Purpose profile) for the export bundle: PATIENT → STUDY → SERIES → IMAGE records.
import { EXPLICIT_LE, TS, el, encodeDataset, writePart10, type DicomElement, type DicomItem } from './writer.js';
import { newUid } from '../base/ids.js';
import { MEDIA_STORAGE_DIRECTORY_SOP_CLASS } from './parse.js';

export interface DicomdirImage {
  /** Path components, e.g. ['DICOM','PT000000','ST000000','SE000000','IM000000']. */
  fileId: string[];
  sopClassUID: string;
  sopInstanceUID: string;
  transferSyntaxUID: string;
  instanceNumber?: number;
  /** Set for an Encapsulated PDF/CDA instance: written as an ENCAP DOC record (PS3.3 F.5.41), not IMAGE. */
  encapsulatedDocument?: { contentDate: string; contentTime: string; title: string; mimeType: string };
}
export interface DicomdirSeries {
  seriesInstanceUID: string;
  modality: string;
  seriesNumber?: number;
  seriesDescription?: string;
  images: DicomdirImage[];
}
export interface DicomdirStudy {
  studyInstanceUID: string;
  studyDate?: string; // YYYYMMDD
  studyTime?: string;
  studyDescription?: string;
  studyId?: string;
  accessionNumber?: string;
  series: DicomdirSeries[];
}
export interface DicomdirPatient {
  patientId: string;
  patientName: string; // PN, DICOM form
  birthDate?: string;
  sex?: string;
  studies: DicomdirStudy[];
}
export interface DicomdirInput {
  fileSetId: string; // ≤ 16 chars
  patients: DicomdirPatient[];
  /** e.g. 'ISO_IR 192' when names are non-ASCII. */
  specificCharacterSet?: string;
}

/** One directory record before offsets are known: its keys and its children. */
interface RecordNode {
  keys: DicomElement[];
  children: RecordNode[];
}

const NEXT = 0x00041400;
const LOWER = 0x00041420;

/** A file ID component on media: 1–8 of A–Z 0–9 _ (PS3.10 §8.5, PS3.12 ISO 9660 level 1). */
const FILE_ID_COMPONENT = /^[A-Z0-9_]{1,8}$/;

function recordKeys(type: string, charset: string | undefined, keys: DicomElement[]): DicomElement[] {
  return [
    el(0x00041410, 'US', 0xffff), // record in use
    el(0x00041430, 'CS', type),
    ...(charset ? [el(0x00080005, 'CS', charset)] : []),
    ...keys,
  ];
}

function opt(tag: number, vr: DicomElement['vr'], value: string | undefined): DicomElement[] {
  return value ? [el(tag, vr, value)] : [];
}

function imageNode(image: DicomdirImage, index: number): RecordNode {
  if (image.fileId.length === 0 || image.fileId.length > 8 || !image.fileId.every((c) => FILE_ID_COMPONENT.test(c))) {
    throw new Error(`DICOMDIR: file ID ${image.fileId.join('/')} is not ISO 9660 level 1 (A–Z, 0–9, _, ≤ 8 chars, ≤ 8 levels)`);
  }
  const references = [
    el(0x00041500, 'CS', image.fileId),
    el(0x00041510, 'UI', image.sopClassUID),
    el(0x00041511, 'UI', image.sopInstanceUID),
    el(0x00041512, 'UI', image.transferSyntaxUID),
  ];
  const doc = image.encapsulatedDocument;
  if (doc)
    return {
      keys: recordKeys('ENCAP DOC', undefined, [
        ...references,
        el(0x00080023, 'DA', doc.contentDate),
        el(0x00080033, 'TM', doc.contentTime),
        el(0x00200013, 'IS', image.instanceNumber ?? index + 1),
        el(0x0040a043, 'SQ', []), // ConceptNameCodeSequence (type 2)
        el(0x00420010, 'ST', doc.title),
        el(0x00420012, 'LO', doc.mimeType),
      ]),
      children: [],
    };
  return {
    keys: recordKeys('IMAGE', undefined, [...references, el(0x00200013, 'IS', image.instanceNumber ?? index + 1)]),
    children: [],
  };
}

function seriesNode(series: DicomdirSeries, index: number, charset: string | undefined): RecordNode {
  return {
    keys: recordKeys('SERIES', charset, [
      el(0x00080060, 'CS', series.modality || 'OT'),
      ...opt(0x0008103e, 'LO', series.seriesDescription),
      el(0x0020000e, 'UI', series.seriesInstanceUID),
      el(0x00200011, 'IS', series.seriesNumber ?? index + 1),
    ]),
    children: series.images.map(imageNode),
  };
}

function studyNode(study: DicomdirStudy, index: number, charset: string | undefined): RecordNode {
  // Type 1 keys the source may lack get derived values, as dcmmkdir's --invent does.
  return {
    keys: recordKeys('STUDY', charset, [
      el(0x00080020, 'DA', study.studyDate || '19000101'),
      el(0x00080030, 'TM', study.studyTime || '000000'),
      el(0x00080050, 'SH', study.accessionNumber ?? ''),
      el(0x00081030, 'LO', study.studyDescription ?? ''),
      el(0x0020000d, 'UI', study.studyInstanceUID),
      el(0x00200010, 'SH', study.studyId || `STUDY${index + 1}`),
    ]),
    children: study.series.map((s, i) => seriesNode(s, i, charset)),
  };
}

function patientNode(patient: DicomdirPatient, index: number, charset: string | undefined): RecordNode {
  return {
    keys: recordKeys('PATIENT', charset, [
      el(0x00100010, 'PN', patient.patientName),
      el(0x00100020, 'LO', patient.patientId || `UNKNOWN${index + 1}`),
      ...opt(0x00100030, 'DA', patient.birthDate),
      ...opt(0x00100040, 'CS', patient.sex),
    ]),
    children: patient.studies.map((s, i) => studyNode(s, i, charset)),
  };
}

/** Records in the order they are written: each record, then its subtree (depth first). */
function flatten(nodes: RecordNode[], out: RecordNode[] = []): RecordNode[] {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children, out);
  }
  return out;
}

function encodeRecord(node: RecordNode, next: number, lower: number): DicomItem {
  return [el(NEXT, 'UL', next), el(LOWER, 'UL', lower), ...node.keys];
}

/** Bytes one record occupies in the sequence: item header + its (defined-length) dataset. */
function recordSize(node: RecordNode): number {
  return 8 + encodeDataset(encodeRecord(node, 0, 0), EXPLICIT_LE).length;
}

/** The writer encodes text as UTF-8: non-ASCII keys need (and get) ISO_IR 192. */
function characterSetFor(input: DicomdirInput): string | undefined {
  const texts = input.patients.flatMap((p) => [
    p.patientName,
    p.patientId,
    ...p.studies.flatMap((s) => [s.studyDescription ?? '', s.studyId ?? '', s.accessionNumber ?? '', ...s.series.map((se) => se.seriesDescription ?? '')]),
  ]);
  if (texts.every((t) => /^[\x20-\x7e]*$/.test(t))) return input.specificCharacterSet;
  if (input.specificCharacterSet && input.specificCharacterSet !== 'ISO_IR 192') {
    throw new Error(`DICOMDIR: non-ASCII names need ISO_IR 192, not ${input.specificCharacterSet}`);
  }
  return 'ISO_IR 192';
}

export function buildDicomdir(input: DicomdirInput): Uint8Array {
  if (input.fileSetId.length > 16) throw new Error('DICOMDIR: File-set ID is longer than 16 characters');
  const charset = characterSetFor(input);
  const roots = input.patients.map((p, i) => patientNode(p, i, charset));
  const records = flatten(roots);
  const sopInstanceUID = newUid();

  const datasetFor = (first: number, last: number, items: DicomItem[]): DicomElement[] => [
    el(0x00041130, 'CS', input.fileSetId),
    el(0x00041200, 'UL', first),
    el(0x00041202, 'UL', last),
    el(0x00041212, 'US', 0),
    el(0x00041220, 'SQ', items),
  ];
  const part10 = (first: number, last: number, items: DicomItem[]): Uint8Array =>
    writePart10(datasetFor(first, last, items), {
      transferSyntaxUID: TS.explicitLE,
      sopClassUID: MEDIA_STORAGE_DIRECTORY_SOP_CLASS,
      sopInstanceUID,
    });

  // Offsets count from the first byte of the preamble (PS3.3 F.3.2.1; PS3.10 §7.1: the File Meta
  // Information starts with the preamble). Every value is a fixed-size UL, so the layout computed
  // with zeros is the final layout.
  const itemsStart = part10(0, 0, []).length;
  const offsets = new Map<RecordNode, number>();
  let at = itemsStart;
  for (const r of records) {
    offsets.set(r, at);
    at += recordSize(r);
  }
  const offsetOf = (n: RecordNode | undefined): number => (n ? (offsets.get(n) ?? 0) : 0);
  const nextSibling = new Map<RecordNode, RecordNode | undefined>();
  const link = (siblings: RecordNode[]): void =>
    siblings.forEach((n, i) => {
      nextSibling.set(n, siblings[i + 1]);
      link(n.children);
    });
  link(roots);
  const items = records.map((r) => encodeRecord(r, offsetOf(nextSibling.get(r)), offsetOf(r.children[0])));
  const bytes = part10(offsetOf(roots[0]), offsetOf(roots[roots.length - 1]), items);
  if (bytes.length !== at) throw new Error('DICOMDIR: record layout changed while writing offsets');
  return bytes;
}
