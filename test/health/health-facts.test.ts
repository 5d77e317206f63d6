// The FHIR and C-CDA analyzers read a document's conditions, medications, allergies and procedures
// as health facts (statuses mapped, entries in error / refuted / not done / negated left out).
import { describe, expect, it } from 'vitest';
import { analyzeFhir } from '../../electron/core/documents/fhir.js';
import { analyzeCda } from '../../electron/core/documents/cda.js';
import { makeFhirBundle, makeHealthBundle, makeMedicationBundle } from '../fixtures/documents/fhir.js';
import { makeCda, makeHealthCcd } from '../fixtures/documents/cda.js';

const bytes = (v: unknown): Uint8Array => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

describe('FHIR R4 resources → health facts', () => {
  it('reads each kind with its details and leaves out refuted, in-error and not-done entries', async () => {
    const a = await analyzeFhir({ name: 'summary.json', bytes: bytes(makeHealthBundle()) });
    expect(a.health).toEqual([
      { kind: 'condition', text: 'Adenocarcinoma of the right upper lobe', fields: { date: '2024-02-10', clinicalStatus: 'active', detail: 'Stage: IB' } },
      { kind: 'condition', text: 'Appendicitis', fields: { date: '1998', clinicalStatus: 'resolved' } },
      { kind: 'medication', text: 'Metformin 500 mg tablet', fields: { dose: '500 mg', frequency: 'twice a day', date: '2019-05', clinicalStatus: 'active' } },
      { kind: 'medication', text: 'Ondansetron 8 mg', fields: { date: '2024-02-01', clinicalStatus: 'stopped' } },
      { kind: 'allergy', text: 'Penicillin', fields: { reaction: 'Hives', severity: 'moderate', clinicalStatus: 'active' } },
      { kind: 'procedure', text: 'Right upper lobectomy', fields: { category: 'surgery', date: '2024-03-01', clinicalStatus: 'completed' } },
      { kind: 'procedure', text: 'Adjuvant cisplatin and vinorelbine', fields: { category: 'chemotherapy', date: '2024-04-02', clinicalStatus: 'in-progress' } },
    ]);
  });

  it('reads dosage text when there is no structured dose, and nothing from bundles without such resources', async () => {
    const meds = await analyzeFhir({ name: 'meds.json', bytes: bytes(makeMedicationBundle()) });
    expect(meds.health).toEqual([
      { kind: 'medication', text: 'Tamoxifen 20 mg tablet', fields: { dose: '20 mg once daily', date: '2024-01-15', clinicalStatus: 'active' } },
      { kind: 'medication', text: 'Ondansetron 8 mg', fields: { date: '2024-02-01', clinicalStatus: 'active' } },
    ]);
    const labs = await analyzeFhir({ name: 'labs.json', bytes: bytes({ resourceType: 'Observation', status: 'final', code: { text: 'Hb' } }) });
    expect(labs.health).toBeUndefined();
  });
});

describe('C-CDA sections → health facts', () => {
  it('reads structured entries, following narrative references, and skips negated ones', async () => {
    const a = await analyzeCda({ name: 'ccd.xml', bytes: bytes(makeHealthCcd()) });
    expect(a.health).toEqual([
      { kind: 'condition', text: 'Adenocarcinoma of the right upper lobe', fields: { date: '2024-02-10', clinicalStatus: 'active' } },
      { kind: 'condition', text: 'Type 2 diabetes mellitus', fields: { date: '2015', clinicalStatus: 'resolved' } },
      { kind: 'medication', text: 'Metformin 500 mg tablet', fields: { date: '2019-05', dose: '500 mg', frequency: 'every 12 hours', clinicalStatus: 'active' } },
      { kind: 'medication', text: 'Tamoxifen 20 mg', fields: { date: '2022-01-01', endDate: '2023-12-31', clinicalStatus: 'stopped' } },
      { kind: 'allergy', text: 'PENICILLIN', fields: { reaction: 'Hives', severity: 'moderate', clinicalStatus: 'active' } },
      { kind: 'procedure', text: 'Right upper lobectomy', fields: { date: '2024-03-01', category: 'surgery', clinicalStatus: 'completed' } },
      { kind: 'procedure', text: 'Stereotactic body radiation therapy to lung', fields: { date: '2023-01-05', endDate: '2023-01-19', category: 'radiotherapy', clinicalStatus: 'completed' } },
    ]);
  });

  it('falls back to narrative list items when a section has no entries; paragraphs give nothing', async () => {
    const listed = makeCda({ sections: [{ title: 'Allergies', text: '</paragraph><list><item>Latex</item><item>Shellfish</item></list><paragraph>' }] });
    expect((await analyzeCda({ name: 'a.xml', bytes: bytes(listed) })).health).toEqual([
      { kind: 'allergy', text: 'Latex', fields: {} },
      { kind: 'allergy', text: 'Shellfish', fields: {} },
    ]);
    const prose = makeCda({ sections: [{ title: 'Problems', text: 'Invasive ductal carcinoma of the left breast.' }] });
    expect((await analyzeCda({ name: 'p.xml', bytes: bytes(prose) })).health).toBeUndefined();
  });

  it('a FHIR bundle with only a Condition in it still suggests that condition', async () => {
    const a = await analyzeFhir({ name: 'b.json', bytes: bytes(makeFhirBundle()) });
    expect(a.health).toEqual([{ kind: 'condition', text: 'Invasive ductal carcinoma of left breast', fields: { date: '2024-02-10', clinicalStatus: 'active' } }]);
  });
});
