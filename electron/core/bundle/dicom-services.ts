// The DICOM pieces the bundle needs, from electron/core/dicom. Passed in as one object so tests
// (and a future alternative) can substitute them.
import { buildDicomdir, type DicomdirInput } from '../dicom/dicomdir-write.js';
import { readDicomdir } from '../dicom/dicomdir-read.js';
import { placeholderPreview, type ImagesRequest, type RenderedImages } from '../dicom/preview.js';
import { renderImages } from '../dicom/render-pool.js';
import { wrapPdfAsDicom, type EncapsulatedPdfContext } from '../dicom/encapsulated-pdf.js';

export interface DicomServices {
  buildDicomdir(input: DicomdirInput): Uint8Array;
  /**
   * An instance's series preview and/or viewer frames as JPEGs (null where one cannot be rendered).
   * `handOver`: the caller is done with `bytes`, so their buffer may go to a worker without a copy.
   */
  renderImages(bytes: Uint8Array, request: ImagesRequest, options?: { handOver?: boolean }): Promise<RenderedImages>;
  /** What stands in for a preview that cannot be rendered (the planned file is always written). */
  placeholderPreview(): Uint8Array;
  readDicomdir(bytes: Uint8Array): { files: { fileId: string }[] };
  /** Wraps a PDF as a DICOM Encapsulated PDF instance (reportsAsDicom). */
  wrapPdfAsDicom?: (pdf: Uint8Array, ctx: EncapsulatedPdfContext) => Uint8Array;
}

export const defaultDicomServices: DicomServices = { buildDicomdir, renderImages, placeholderPreview, readDicomdir, wrapPdfAsDicom };
