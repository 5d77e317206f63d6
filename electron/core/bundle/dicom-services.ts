// The DICOM pieces the bundle needs, from electron/core/dicom. Passed in as one object so tests
// (and a future alternative) can substitute them.
import { buildDicomdir, type DicomdirInput } from '../dicom/dicomdir-write.js';
import { readDicomdir } from '../dicom/dicomdir-read.js';
import { renderPreview } from '../dicom/preview.js';

export interface DicomServices {
  buildDicomdir(input: DicomdirInput): Uint8Array;
  renderPreview(bytes: Uint8Array): { mime: 'image/png' | 'image/jpeg'; bytes: Uint8Array } | null;
  readDicomdir(bytes: Uint8Array): { files: { fileId: string }[] };
  /** Wraps a PDF as a DICOM Encapsulated PDF instance; absent until the DICOM module provides it. */
  wrapPdfAsDicom?: (pdf: Uint8Array, ctx: EncapsulatedPdfContext) => Uint8Array;
}

export interface EncapsulatedPdfContext {
  patientName: string;
  patientId: string;
  birthDate?: string;
  sex?: string;
  studyInstanceUID: string;
  seriesInstanceUID: string;
  sopInstanceUID: string;
  seriesNumber: number;
  title: string;
  date?: string;
}

export const defaultDicomServices: DicomServices = { buildDicomdir, renderPreview, readDicomdir };
