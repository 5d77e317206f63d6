// The DICOM pieces the bundle needs, from electron/core/dicom. Passed in as one object so tests
// (and a future alternative) can substitute them.
import { buildDicomdir, type DicomdirInput } from '../dicom/dicomdir-write.js';
import { readDicomdir } from '../dicom/dicomdir-read.js';
import { renderPreview } from '../dicom/preview.js';
import { wrapPdfAsDicom, type EncapsulatedPdfContext } from '../dicom/encapsulated-pdf.js';

export interface DicomServices {
  buildDicomdir(input: DicomdirInput): Uint8Array;
  renderPreview(bytes: Uint8Array): { mime: 'image/png' | 'image/jpeg'; bytes: Uint8Array } | null;
  readDicomdir(bytes: Uint8Array): { files: { fileId: string }[] };
  /** Wraps a PDF as a DICOM Encapsulated PDF instance (reportsAsDicom). */
  wrapPdfAsDicom?: (pdf: Uint8Array, ctx: EncapsulatedPdfContext) => Uint8Array;
}

export const defaultDicomServices: DicomServices = { buildDicomdir, renderPreview, readDicomdir, wrapPdfAsDicom };
