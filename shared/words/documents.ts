// Words for the headings Dossier gives a clinical document (shared/document-view.ts), for the app
// and the bundle's rendered copies.
import type { DocumentLabel, ViewText } from '../document-view.js';

export const DOCUMENT_LABEL_WORDS: Record<DocumentLabel, string> = {
  patient: 'Patient',
  'birth-date': 'Born',
  sex: 'Sex',
  'patient-id': 'Patient ID',
  date: 'Date',
  author: 'Author',
  custodian: 'Kept by',
  'document-type': 'Document type',
  conditions: 'Problems and conditions',
  medications: 'Medications',
  allergies: 'Allergies and intolerances',
  results: 'Results',
  reports: 'Reports',
  procedures: 'Procedures',
  immunizations: 'Immunizations',
  encounters: 'Visits',
  documents: 'Documents',
  imaging: 'Imaging studies',
  'other-resources': 'Other entries',
  condition: 'Condition',
  'clinical-status': 'Status',
  onset: 'Onset',
  recorded: 'Recorded',
  medication: 'Medication',
  status: 'Status',
  dosage: 'Dosage',
  substance: 'Substance',
  reaction: 'Reaction',
  criticality: 'Criticality',
  test: 'Test',
  value: 'Value',
  'reference-range': 'Reference range',
  interpretation: 'Interpretation',
  report: 'Report',
  performer: 'Performed by',
  conclusion: 'Conclusion',
  procedure: 'Procedure',
  vaccine: 'Vaccine',
  type: 'Type',
  description: 'Description',
  modality: 'Modality',
  resource: 'Entry',
  summary: 'Details',
  narrative: 'Text',
};

export function viewText(t: ViewText): string {
  return 'text' in t ? t.text : DOCUMENT_LABEL_WORDS[t.label];
}
