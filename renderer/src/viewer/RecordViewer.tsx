// The right viewer for a record: images, a PDF, a photo, or a C-CDA / FHIR document.
import type { RecordDetail } from '../../../shared/domain.js';
import { DocumentSections } from './DocumentSections.js';
import { ImagingViewer } from './ImagingViewer.js';
import { PdfViewer } from './PdfViewer.js';
import { PhotoViewer } from './PhotoViewer.js';

const PHOTO_FORMATS = new Set(['jpeg', 'png', 'heic']);

/** Whether the record opens in a viewer at all (single-file records other than these show details only). */
export function hasViewer(record: RecordDetail): boolean {
  return record.kind === 'imaging' || (record.files.length === 1 && (record.format === 'pdf' || PHOTO_FORMATS.has(record.format) || record.format === 'cda' || record.format === 'fhir-json'));
}

/** Whether the record's text is shown as a structured document (its raw text would repeat it). */
export function hasDocumentView(record: RecordDetail): boolean {
  return hasViewer(record) && (record.format === 'cda' || record.format === 'fhir-json');
}

export function RecordViewer({ record }: { record: RecordDetail }) {
  if (!hasViewer(record)) return null;
  if (record.kind === 'imaging') return <ImagingViewer record={record} />;
  if (record.format === 'pdf') return <PdfViewer recordId={record.id} title={record.title} />;
  if (PHOTO_FORMATS.has(record.format)) return <PhotoViewer recordId={record.id} format={record.format} title={record.title} />;
  return <DocumentSections recordId={record.id} />;
}
