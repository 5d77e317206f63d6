// A clinical document (C-CDA or FHIR) as Dossier shows it: sections of plain text — paragraphs,
// lists and tables of text cells. Built by the core from the stored file (never passing any of the
// document's markup through), shown by the app and written as HTML into the bundle.

/** Headings Dossier supplies itself (the UI and the bundle word them: shared/words/documents.ts). */
export const DOCUMENT_LABELS = [
  'patient',
  'birth-date',
  'sex',
  'patient-id',
  'date',
  'author',
  'custodian',
  'document-type',
  'conditions',
  'medications',
  'allergies',
  'results',
  'reports',
  'procedures',
  'immunizations',
  'encounters',
  'documents',
  'imaging',
  'other-resources',
  'condition',
  'clinical-status',
  'onset',
  'recorded',
  'medication',
  'status',
  'dosage',
  'substance',
  'reaction',
  'criticality',
  'test',
  'value',
  'reference-range',
  'interpretation',
  'report',
  'performer',
  'conclusion',
  'procedure',
  'vaccine',
  'type',
  'description',
  'modality',
  'resource',
  'summary',
  'narrative',
] as const;
export type DocumentLabel = (typeof DOCUMENT_LABELS)[number];

/** Text from the document, or one of Dossier's own headings. */
export type ViewText = { text: string } | { label: DocumentLabel };

export type ViewBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; caption?: string; head: ViewText[]; rows: string[][] };

export interface ViewSection {
  title: ViewText;
  /** The section's LOINC code in a C-CDA (e.g. 10160-0 medications), when it has one. */
  code?: string;
  blocks: ViewBlock[];
  sections: ViewSection[];
}

export interface DocumentView {
  format: 'cda' | 'fhir';
  title: string;
  /** Header facts: who, when, from where. */
  facts: { label: DocumentLabel; value: string }[];
  sections: ViewSection[];
}
