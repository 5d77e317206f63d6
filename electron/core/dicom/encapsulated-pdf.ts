// Wraps a PDF report as an Encapsulated PDF Storage instance (PS3.3 A.45.1) so that a PACS import
// of the bundle keeps the report with the patient's imaging.
import { TS, el, writePart10, type Dataset } from './writer.js';

export const ENCAPSULATED_PDF_STORAGE = '1.2.840.10008.5.1.4.1.1.104.1';

export interface EncapsulatedPdfContext {
  patient: { name: string; id: string; birthDate?: string; sex?: string };
  studyInstanceUID: string;
  seriesInstanceUID: string;
  sopInstanceUID: string;
  title: string;
  /** YYYYMMDD or YYYY-MM-DD: the document's own date (ContentDate). */
  date?: string;
  instanceNumber?: number;
  /** Study-level values shared by every document of the study (the DICOMDIR's STUDY record needs them). */
  study?: { date: string; time: string; id: string };
}

const dicomDate = (d: string | undefined): string => (d ?? '').replace(/-/g, '');

const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

/** LO/ST values are capped by the standard (64 and 1024 characters). */
const clip = (s: string, max: number): string => [...s].slice(0, max).join('');

export function wrapPdfAsDicom(pdf: Uint8Array, ctx: EncapsulatedPdfContext): Uint8Array {
  const { patient } = ctx;
  const texts = [patient.name, patient.id, ctx.title];
  const now = new Date();
  const today = now.toISOString().slice(0, 10).replace(/-/g, '');
  const time = now.toISOString().slice(11, 19).replace(/:/g, '');
  const date = dicomDate(ctx.date) || ctx.study?.date || today;
  const contentTime = ctx.study?.time ?? time;
  const ds: Dataset = [
    ...(texts.every(isAscii) ? [] : [el(0x00080005, 'CS', 'ISO_IR 192')]),
    el(0x00080012, 'DA', today), // InstanceCreationDate
    el(0x00080013, 'TM', time),
    el(0x00080016, 'UI', ENCAPSULATED_PDF_STORAGE),
    el(0x00080018, 'UI', ctx.sopInstanceUID),
    el(0x00080020, 'DA', ctx.study?.date ?? dicomDate(ctx.date)), // StudyDate (type 2)
    el(0x00080023, 'DA', date), // ContentDate
    el(0x0008002a, 'DT', ''), // AcquisitionDateTime (type 2)
    el(0x00080030, 'TM', ctx.study?.time ?? ''), // StudyTime (type 2)
    el(0x00080033, 'TM', contentTime), // ContentTime
    el(0x00080050, 'SH', ''), // AccessionNumber (type 2)
    el(0x00080060, 'CS', 'DOC'),
    el(0x00080064, 'CS', 'WSD'), // ConversionType: workstation
    el(0x00080070, 'LO', ''), // Manufacturer (type 2)
    el(0x00080090, 'PN', ''), // ReferringPhysicianName (type 2)
    el(0x00100010, 'PN', patient.name),
    el(0x00100020, 'LO', patient.id),
    el(0x00100030, 'DA', dicomDate(patient.birthDate)),
    el(0x00100040, 'CS', patient.sex ?? ''),
    el(0x0020000d, 'UI', ctx.studyInstanceUID),
    el(0x0020000e, 'UI', ctx.seriesInstanceUID),
    el(0x00200010, 'SH', ctx.study?.id ?? ''), // StudyID (type 2)
    el(0x00200011, 'IS', 1), // SeriesNumber
    el(0x00200013, 'IS', ctx.instanceNumber ?? 1),
    el(0x00280301, 'CS', 'YES'), // BurnedInAnnotation: a report names the patient
    el(0x0040a043, 'SQ', []), // ConceptNameCodeSequence (type 2, empty)
    el(0x00420010, 'ST', clip(ctx.title, 1024)),
    el(0x00420011, 'OB', pdf), // padded to even length with a zero byte by the writer
    el(0x00420012, 'LO', 'application/pdf'),
    el(0x00420015, 'UL', pdf.length), // EncapsulatedDocumentLength: the unpadded size
  ];
  return writePart10(ds, {
    transferSyntaxUID: TS.explicitLE,
    sopClassUID: ENCAPSULATED_PDF_STORAGE,
    sopInstanceUID: ctx.sopInstanceUID,
  });
}
