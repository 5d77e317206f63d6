// A stored C-CDA or FHIR file → the structured view the app and the bundle show.
import type { DocumentView } from '../../../shared/document-view.js';
import { cdaView } from './cda-view.js';
import { fhirView } from './fhir-view.js';
import { decodeText } from './text-decode.js';

/** Formats that have a structured view. */
export const VIEWABLE_DOCUMENT_FORMATS = ['cda', 'fhir-json'] as const;
export type ViewableDocumentFormat = (typeof VIEWABLE_DOCUMENT_FORMATS)[number];

export function isViewableDocument(format: string): format is ViewableDocumentFormat {
  return (VIEWABLE_DOCUMENT_FORMATS as readonly string[]).includes(format);
}

/** Throws an Error with a readable message when the file is not what its format says. */
export function clinicalDocumentView(format: ViewableDocumentFormat, bytes: Uint8Array, fallbackTitle: string): DocumentView {
  const { text } = decodeText(bytes);
  return format === 'cda' ? cdaView(text, fallbackTitle) : fhirView(text, fallbackTitle);
}
