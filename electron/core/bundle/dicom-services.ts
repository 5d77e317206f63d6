// The DICOM pieces the bundle needs, from electron/core/dicom. Passed in as one object so tests
// (and a future alternative) can substitute them.
import { buildDicomdir, type DicomdirInput } from '../dicom/dicomdir-write.js';
import { readDicomdir } from '../dicom/dicomdir-read.js';
import { placeholderPreview, renderPreviewJpeg, viewerFrames, type ViewerFrames } from '../dicom/preview.js';
import { wrapPdfAsDicom, type EncapsulatedPdfContext } from '../dicom/encapsulated-pdf.js';

export interface DicomServices {
  buildDicomdir(input: DicomdirInput): Uint8Array;
  /** A series' preview as JPEG, or null when it cannot be rendered. */
  renderPreview(bytes: Uint8Array): Uint8Array | null;
  /** What stands in for a preview that cannot be rendered (the planned file is always written). */
  placeholderPreview(): Uint8Array;
  /** An instance's frames as JPEGs for INDEX.HTM's scrollable images; null when it holds none. */
  viewerFrames(bytes: Uint8Array): ViewerFrames | null;
  readDicomdir(bytes: Uint8Array): { files: { fileId: string }[] };
  /** Wraps a PDF as a DICOM Encapsulated PDF instance (reportsAsDicom). */
  wrapPdfAsDicom?: (pdf: Uint8Array, ctx: EncapsulatedPdfContext) => Uint8Array;
}

export const defaultDicomServices: DicomServices = { buildDicomdir, renderPreview: renderPreviewJpeg, placeholderPreview, viewerFrames, readDicomdir, wrapPdfAsDicom };
