// C-CDA and FHIR → sections of plain text (shared/document-view.ts), from the generated fixtures:
// the medication list, problems, allergies, results and narratives come out as rows and lines, and
// none of the document's markup (script, links, handlers) survives — only its text.
import { describe, expect, it } from 'vitest';
import type { DocumentView, ViewBlock, ViewSection } from '../../shared/document-view.js';
import { cdaView } from '../../electron/core/documents/cda-view.js';
import { fhirView } from '../../electron/core/documents/fhir-view.js';
import { clinicalDocumentView } from '../../electron/core/documents/clinical-view.js';
import { makeBillionLaughsXml, makeCcd, makeCda } from '../fixtures/documents/cda.js';
import { makeFhirDocument, makeSummaryBundle } from '../fixtures/documents/fhir.js';

const section = (view: DocumentView | ViewSection, title: string): ViewSection => {
  const found = view.sections.find((s) => ('text' in s.title ? s.title.text : s.title.label) === title);
  if (!found) throw new Error(`no section ${title}`);
  return found;
};
const table = (s: ViewSection): Extract<ViewBlock, { kind: 'table' }> => s.blocks.find((b): b is Extract<ViewBlock, { kind: 'table' }> => b.kind === 'table')!;

describe('C-CDA view', () => {
  const view = cdaView(makeCcd(), 'fallback');

  it('has the header facts: patient, birth date, date, author, custodian, document type', () => {
    expect(view.title).toBe('Continuity of Care Document');
    expect(view.facts).toEqual([
      { label: 'patient', value: 'Testperson, Jane' },
      { label: 'birth-date', value: '1961-01-02' },
      { label: 'sex', value: 'F' },
      { label: 'patient-id', value: 'MRN-000123' },
      { label: 'date', value: '2024-03-05' },
      { label: 'author', value: 'Riverside Community Hospital' },
      { label: 'custodian', value: 'Riverside Records Office' },
      { label: 'document-type', value: 'Summarization of episode note' },
    ]);
  });

  it('turns the medication table into a head and rows of text cells', () => {
    const meds = section(view, 'Medications');
    expect(meds.code).toBe('10160-0');
    expect(table(meds)).toEqual({
      kind: 'table',
      head: [{ text: 'Medication' }, { text: 'Dose' }, { text: 'Since' }],
      rows: [
        ['Tamoxifen 20 mg tablet', '1 daily', '2024-03-01'],
        ['Lisinopril 10 mg', '1 each morning', '2019-06-12'],
      ],
    });
  });

  it('a table without thead takes its first row of header cells as the head (allergies)', () => {
    expect(table(section(view, 'Allergies'))).toEqual({ kind: 'table', head: [{ text: 'Substance' }, { text: 'Reaction' }], rows: [['Penicillin', 'Hives']] });
  });

  it('keeps ordered lists and inline content (problems)', () => {
    expect(section(view, 'Problems').blocks).toEqual([{ kind: 'list', ordered: true, items: ['Invasive ductal carcinoma, left breast (active)', 'Hypertension'] }]);
  });

  it('paragraphs keep their line breaks; escaped markup and links stay plain text (results)', () => {
    expect(section(view, 'Results').blocks).toEqual([
      { kind: 'paragraph', text: 'Haemoglobin 12.9 g/dL\nPlatelets 250 x10^9/L' },
      { kind: 'paragraph', text: 'Note: <script>alert(1)</script> is text. See the lab.' },
    ]);
    expect(JSON.stringify(view)).not.toContain('javascript:');
  });

  it('keeps nested sections, and names a section without a title', () => {
    const xml = makeCda({ sections: [{ title: 'Outer', narrative: '<paragraph>outer text</paragraph>' }] }).replace(
      '<text><paragraph>outer text</paragraph></text>',
      '<text><paragraph>outer text</paragraph></text><component><section><text>inner text</text></section></component>',
    );
    const outer = section(cdaView(xml, 'x'), 'Outer');
    expect(outer.sections).toEqual([{ title: { label: 'narrative' }, blocks: [{ kind: 'paragraph', text: 'inner text' }], sections: [] }]);
  });

  it('refuses what is not a ClinicalDocument and never expands entities', () => {
    expect(() => cdaView('<?xml version="1.0"?><html><body/></html>', 'x')).toThrow(/not <ClinicalDocument>/);
    const bomb = cdaView(makeBillionLaughsXml(), 'x');
    expect(JSON.stringify(bomb).length).toBeLessThan(2000);
  });

  it('reads bytes in any of the encodings documents come in (UTF-16 with a BOM)', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(makeCcd(), 'utf16le')]);
    expect(clinicalDocumentView('cda', utf16, 'x').title).toBe('Continuity of Care Document');
  });
});

describe('FHIR view', () => {
  it('a bundle becomes one table per kind of entry, with the patient as facts', () => {
    const view = fhirView(JSON.stringify(makeSummaryBundle()), 'Patient summary');
    expect(view.title).toBe('Patient summary');
    expect(view.facts).toEqual([
      { label: 'patient', value: 'Testperson, Jane' },
      { label: 'birth-date', value: '1961-01-02' },
      { label: 'sex', value: 'female' },
      { label: 'patient-id', value: 'MRN-000123' },
    ]);
    expect(view.sections.map((s) => ('label' in s.title ? s.title.label : s.title.text))).toEqual(['conditions', 'medications', 'allergies', 'results', 'reports', 'other-resources']);
    expect(table(section(view, 'medications'))).toEqual({
      kind: 'table',
      head: [{ label: 'medication' }, { label: 'status' }, { label: 'dosage' }, { label: 'date' }],
      rows: [
        ['Tamoxifen 20 mg tablet', 'active', '20 mg once daily', '2024-01-15'],
        ['Ondansetron 8 mg', 'active', '', '2024-02-01'],
      ],
    });
    expect(table(section(view, 'allergies')).rows).toEqual([['Penicillin', 'Hives', 'high', 'Active']]);
    expect(table(section(view, 'results')).rows[0]).toEqual(['Hemoglobin [Mass/volume] in Blood', '12.5 g/dL', '12 g/dL – 16 g/dL', '', '2024-03-01T08:30:00Z']);
  });

  it('narratives of other entries become text blocks; their markup does not survive', () => {
    const view = fhirView(JSON.stringify(makeSummaryBundle()), 'x');
    const carePlan = section(view, 'other-resources').sections[0]!;
    expect(carePlan.title).toEqual({ text: 'CarePlan' });
    expect(carePlan.blocks).toEqual([
      { kind: 'paragraph', text: 'active' },
      { kind: 'paragraph', text: 'Follow-up in 3 months.' },
      { kind: 'list', ordered: false, items: ['Mammogram', 'Bloods & review'] },
      { kind: 'paragraph', text: '<img src=x onerror=alert(1)>' },
    ]);
    expect(JSON.stringify(view)).not.toContain('onclick');
  });

  it('a FHIR document (Composition) is shown by its own sections', () => {
    const view = fhirView(JSON.stringify(makeFhirDocument()), 'x');
    expect(view.title).toBe('International Patient Summary');
    expect(view.sections.map((s) => s.title)).toEqual([{ text: 'Active Problems' }, { text: 'Medication Summary' }]);
    expect(table(section(view, 'Medication Summary'))).toEqual({ kind: 'table', head: [{ text: 'Medication' }, { text: 'Dose' }], rows: [['Tamoxifen', '20 mg daily']] });
  });

  it('refuses JSON that is not FHIR', () => {
    expect(() => fhirView('{"a":1}', 'x')).toThrow(/resourceType/);
  });
});
