// Structured documents from portals: an HL7 C-CDA (CCD / discharge summary) and a FHIR R4 bundle
// that carries a PDF inline in a DocumentReference.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeCda } from '../fixtures/documents/cda.js';
import { makeFhirBundle } from '../fixtures/documents/fhir.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { cliVault, type CliVault, type Listed, type Outcome } from './cli-vault.js';

let cli: CliVault;
let outcomes: Outcome[];
let listed: Listed[];
let pdf: Uint8Array;
const recordOf = (file: string): Listed => {
  const o = outcomes.find((x) => x.path.endsWith(file));
  const r = listed.find((x) => x.id === o?.recordId);
  if (!r) throw new Error(`no record for ${file}`);
  return r;
};

beforeAll(async () => {
  cli = await cliVault('dossier-cda-fhir-');
  const dir = path.join(cli.root, 'portal');
  mkdirSync(dir);
  const ccd = makeCda({
    loinc: '34133-9',
    loincName: 'Summarization of episode note',
    title: 'Continuity of Care Document',
    effectiveTime: '20240305143000-0500',
    organization: 'Riverside Community Hospital',
    patient: { family: 'Testperson', given: 'Jane', id: 'MRN-000123', birthTime: '19610102', gender: 'F' },
    sections: [
      { title: 'Problems', text: 'Invasive ductal carcinoma of the left breast.' },
      { title: 'Procedures', text: 'Sentinel lymph node biopsy, <b>uneventful</b> recovery.' },
    ],
  });
  writeFileSync(path.join(dir, 'ccd.xml'), ccd);
  pdf = await makePdf({ pages: [['SURGICAL PATHOLOGY REPORT', 'FINAL DIAGNOSIS: Invasive ductal carcinoma, grade 2.', 'Specimen: core biopsy, zanthoxylum marker']] });
  writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(makeFhirBundle({ attachment: pdf, attachmentTitle: 'pathology.pdf', withReport: true })));
  outcomes = cli.importJson([dir]);
  listed = cli.list();
});

describe('C-CDA', () => {
  it('becomes a record with title, date, institution and the patient it is about', () => {
    expect(recordOf('ccd.xml')).toMatchObject({
      kind: 'document',
      format: 'cda',
      title: 'Continuity of Care Document',
      date: '2024-03-05',
      institution: 'Riverside Community Hospital',
      patientId: 'MRN-000123',
      patientBirthDate: '1961-01-02',
    });
    expect(recordOf('ccd.xml').patientName).toMatch(/^Testperson\^Jane/);
  });

  it('has its section text searchable', () => {
    const id = recordOf('ccd.xml').id;
    expect(cli.list(['--search', 'uneventful']).map((r) => r.id)).toEqual([id]);
    expect(cli.list(['--search', 'sentinel lymph']).map((r) => r.id)).toEqual([id]);
  });
});

describe('FHIR bundle with an inline PDF', () => {
  it('gives the bundle its own record and the PDF a record of its own', () => {
    expect(outcomes.filter((o) => o.status !== 'imported')).toEqual([]);
    const bundle = recordOf('bundle.json');
    expect(bundle).toMatchObject({ format: 'fhir-json', patientId: 'MRN-000123', patientBirthDate: '1961-01-02' });
    const attached = outcomes.filter((o) => o.path.startsWith(`${path.join(cli.root, 'portal', 'bundle.json')} › `));
    expect(attached).toHaveLength(1);
    const pdfRecord = listed.find((r) => r.id === attached[0]!.recordId)!;
    expect(pdfRecord).toMatchObject({ format: 'pdf', kind: 'document', pageCount: 1 });
    expect(pdfRecord.id).not.toBe(bundle.id);
    expect(listed).toHaveLength(3); // CCD, bundle, PDF
    // The PDF's own text is indexed, not just the bundle's.
    expect(cli.list(['--search', 'zanthoxylum']).map((r) => r.id)).toEqual([pdfRecord.id]);
  });

  it('keeps the PDF byte-identical', () => {
    const attached = outcomes.find((o) => o.path.includes('bundle.json › '))!;
    const shown = cli.show(attached.recordId!);
    expect(shown.files).toHaveLength(1);
    expect(cli.run(['cat', shown.files[0]!.id]).stdoutBytes.equals(Buffer.from(pdf))).toBe(true);
  });
});
