// Reads one DICOM instance's header (never its pixels) into the import pipeline's DicomInstanceInfo.
import type { Identity } from '../../../shared/domain.js';
import { SkipFile, type DicomInstanceInfo } from '../base/analysis.js';
import { decodeDicomString, parseCharacterSets } from './charset.js';
import { readDicomDataSet } from './dataset.js';
import type { DataSet } from './dicom-parser-lib.js';

export const MEDIA_STORAGE_DIRECTORY_SOP_CLASS = '1.2.840.10008.1.3.10';

/** Pixel Data, Float Pixel Data, Double Float Pixel Data. */
const PIXEL_DATA_TAGS = ['x7fe00010', 'x7fe00008', 'x7fe00009'];

type Kind = 'text' | 'pn' | 'uid' | 'us' | 'int';

/** The header attributes shown to the user and kept as metadata: keyword → [tag, kind]. */
const DISPLAYED: Record<string, [string, Kind]> = {
  MediaStorageSOPClassUID: ['x00020002', 'uid'],
  TransferSyntaxUID: ['x00020010', 'uid'],
  ImplementationVersionName: ['x00020013', 'text'],
  SpecificCharacterSet: ['x00080005', 'text'],
  ImageType: ['x00080008', 'text'],
  SOPClassUID: ['x00080016', 'uid'],
  SOPInstanceUID: ['x00080018', 'uid'],
  StudyDate: ['x00080020', 'text'],
  SeriesDate: ['x00080021', 'text'],
  ContentDate: ['x00080023', 'text'],
  StudyTime: ['x00080030', 'text'],
  AccessionNumber: ['x00080050', 'text'],
  Modality: ['x00080060', 'text'],
  Manufacturer: ['x00080070', 'text'],
  InstitutionName: ['x00080080', 'text'],
  ReferringPhysicianName: ['x00080090', 'pn'],
  StationName: ['x00081010', 'text'],
  StudyDescription: ['x00081030', 'text'],
  SeriesDescription: ['x0008103e', 'text'],
  ManufacturerModelName: ['x00081090', 'text'],
  PatientName: ['x00100010', 'pn'],
  PatientID: ['x00100020', 'text'],
  PatientBirthDate: ['x00100030', 'text'],
  PatientSex: ['x00100040', 'text'],
  PatientAge: ['x00101010', 'text'],
  BodyPartExamined: ['x00180015', 'text'],
  SliceThickness: ['x00180050', 'text'],
  ProtocolName: ['x00181030', 'text'],
  StudyInstanceUID: ['x0020000d', 'uid'],
  SeriesInstanceUID: ['x0020000e', 'uid'],
  StudyID: ['x00200010', 'text'],
  SeriesNumber: ['x00200011', 'int'],
  InstanceNumber: ['x00200013', 'int'],
  SliceLocation: ['x00201041', 'text'],
  SamplesPerPixel: ['x00280002', 'us'],
  PhotometricInterpretation: ['x00280004', 'text'],
  NumberOfFrames: ['x00280008', 'int'],
  Rows: ['x00280010', 'us'],
  Columns: ['x00280011', 'us'],
  BitsAllocated: ['x00280100', 'us'],
  BitsStored: ['x00280101', 'us'],
  DocumentTitle: ['x00420010', 'text'],
  MIMETypeOfEncapsulatedDocument: ['x00420012', 'text'],
};

/** Reads attribute values from a parsed dataset, decoding text per its Specific Character Set. */
export class HeaderReader {
  private readonly charsets: string[];
  constructor(private readonly ds: DataSet) {
    this.charsets = parseCharacterSets(this.raw('x00080005', 'uid'));
  }

  private raw(tag: string, kind: Kind): string | undefined {
    const e = this.ds.elements[tag];
    if (!e || e.length === 0 || e.length === 0xffffffff) return undefined;
    const bytes = this.ds.byteArray.subarray(e.dataOffset, e.dataOffset + e.length);
    if (kind === 'uid') return new TextDecoder('latin1').decode(bytes);
    return decodeDicomString(bytes, this.charsets, kind === 'pn');
  }

  /** A string attribute with DICOM padding removed; undefined when absent or empty. */
  text(tag: string, kind: Kind = 'text'): string | undefined {
    const value = this.raw(tag, kind)?.replace(/[\0 ]+$/, '');
    const trimmed = kind === 'pn' || kind === 'text' ? value?.replace(/^ +/, '') : value;
    return trimmed ? trimmed : undefined;
  }

  uid(tag: string): string | undefined {
    return this.text(tag, 'uid')?.trim();
  }

  int(tag: string): number | undefined {
    const first = this.text(tag)?.split('\\')[0]?.trim();
    if (!first || !/^[+-]?\d+$/.test(first)) return undefined;
    return Number.parseInt(first, 10);
  }

  us(tag: string): number | undefined {
    const e = this.ds.elements[tag];
    if (!e || e.length < 2) return undefined;
    return this.ds.uint16(tag);
  }

  has(tag: string): boolean {
    return tag in this.ds.elements;
  }

  /** keyword → value for every displayed attribute present (JSON-safe). */
  dump(): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const [keyword, [tag, kind]] of Object.entries(DISPLAYED)) {
      const value = kind === 'us' ? this.us(tag) : kind === 'int' ? this.int(tag) : kind === 'uid' ? this.uid(tag) : this.text(tag, kind);
      if (value !== undefined) out[keyword] = value;
    }
    return out;
  }
}

/** DA (YYYYMMDD, or the ACR-NEMA YYYY.MM.DD) → YYYY-MM-DD; undefined for anything else. */
export function isoDate(da: string | undefined): string | undefined {
  const m = /^(\d{4})\.?(\d{2})\.?(\d{2})$/.exec(da?.trim() ?? '');
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d)) return undefined;
  return `${y}-${mo}-${d}`;
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Parses one instance; throws SkipFile with a user-readable reason for anything unusable. */
export function parseDicomInstance(bytes: Uint8Array): DicomInstanceInfo {
  const { dataSet, transferSyntaxUID } = readDicomDataSet(bytes, { untilPixelData: true });
  const h = new HeaderReader(dataSet);
  if (h.uid('x00020002') === MEDIA_STORAGE_DIRECTORY_SOP_CLASS || h.has('x00041220')) {
    throw new SkipFile({ code: 'dicomdir-not-image' });
  }
  const sopInstanceUID = h.uid('x00080018') ?? h.uid('x00020003');
  if (!sopInstanceUID) throw new SkipFile({ code: 'dicom-missing-uid', uid: 'sop-instance' });
  const studyInstanceUID = h.uid('x0020000d');
  if (!studyInstanceUID) throw new SkipFile({ code: 'dicom-missing-uid', uid: 'study' });
  const seriesInstanceUID = h.uid('x0020000e');
  if (!seriesInstanceUID) throw new SkipFile({ code: 'dicom-missing-uid', uid: 'series' });

  // No Pixel Data is a valid dataset of attributes (PS3.5's character-set examples are such), not
  // a truncated file: a file cut inside an element is caught by the dataset reader.
  const pixelData = PIXEL_DATA_TAGS.some((t) => h.has(t));
  const patient: Identity = compact({
    name: h.text('x00100010', 'pn'),
    id: h.text('x00100020'),
    birthDate: isoDate(h.text('x00100030')),
    sex: h.text('x00100040'),
    source: 'dicom' as const,
  });
  const tags = h.dump();
  tags.TransferSyntaxUID = transferSyntaxUID;
  return compact({
    studyInstanceUID,
    seriesInstanceUID,
    sopInstanceUID,
    sopClassUID: h.uid('x00080016') ?? h.uid('x00020002') ?? '',
    transferSyntaxUID,
    modality: h.text('x00080060') ?? 'OT',
    studyDate: isoDate(h.text('x00080020')),
    studyTime: h.text('x00080030'),
    studyDescription: h.text('x00081030'),
    seriesDescription: h.text('x0008103e'),
    seriesNumber: h.int('x00200011'),
    instanceNumber: h.int('x00200013'),
    bodyPart: h.text('x00180015'),
    institution: h.text('x00080080'),
    referringPhysician: h.text('x00080090', 'pn'),
    accessionNumber: h.text('x00080050'),
    studyId: h.text('x00200010'),
    numberOfFrames: h.int('x00280008'),
    pixelData,
    rows: h.us('x00280010'),
    columns: h.us('x00280011'),
    patient,
    tags,
  });
}
