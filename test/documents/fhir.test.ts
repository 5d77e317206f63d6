import { describe, expect, it } from 'vitest';
import { analyzeFhir, looksLikeFhir } from '../../electron/core/documents/fhir.js';
import { SkipFile } from '../../electron/core/base/analysis.js';
import { makeFhirBundle, makeMedicationBundle } from '../fixtures/documents/fhir.js';
import { makePdf } from '../fixtures/documents/pdf.js';

const json = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v, null, 2));

describe('analyzeFhir', () => {
  it('reads a bundle: identity, counts, text, embedded attachment', async () => {
    const pdf = await makePdf({ pages: [['Surgical pathology report']] });
    const bundle = makeFhirBundle({ attachment: pdf });
    expect(looksLikeFhir(bundle)).toBe(true);
    const a = await analyzeFhir({ name: 'portal.json', bytes: json(bundle) });
    expect(a.format).toBe('fhir-json');
    expect(a.identity).toEqual({ source: 'fhir', name: 'Testperson^Jane', id: 'MRN-000123', birthDate: '1961-01-02', sex: 'female' });
    expect(a.metadata['resourceCounts']).toEqual({ Patient: 1, Observation: 3, Condition: 1, DocumentReference: 1 });
    expect(a.embedded).toHaveLength(1);
    expect(a.embedded![0]!.name).toBe('document.pdf');
    expect(Buffer.from(a.embedded![0]!.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(a.text).toContain('Hemoglobin [Mass/volume] in Blood');
    expect(a.text).toContain('12.5 g/dL');
    expect(a.text).toContain('Reference range: 12 g/dL – 16 g/dL');
    expect(a.text).toContain('Breast cancer, left & staged');
    expect(a.text).not.toContain('<b>');
    // The LOINC type of the DocumentReference decides; its custodian is the institution.
    expect(a.type).toBe('pathology');
    expect(a.institution).toBe('Example General Hospital');
    expect(a.date).toBe('2024-02-12');
  });

  it('names attachments from their title', async () => {
    const a = await analyzeFhir({
      name: 'b.json',
      bytes: json(makeFhirBundle({ attachment: new Uint8Array([1, 2, 3]), attachmentTitle: '../Path report' })),
    });
    expect(a.embedded![0]!.name).toBe('_Path report.pdf');
  });

  it('titles and types a bundle of observations', async () => {
    const a = await analyzeFhir({ name: 'labs.json', bytes: json(makeFhirBundle()) });
    expect(a.title).toBe('FHIR bundle: 3 observations, 1 condition');
    expect(a.type).toBe('lab');
    expect(a.typeGuessed).toBe(true);
    expect(a.date).toBe('2024-03-03');
    expect(a.embedded).toBeUndefined();
  });

  it.each([
    ['LAB', 'lab'],
    ['RAD', 'radiology-report'],
    ['PAT', 'pathology'],
  ])('DiagnosticReport category %s → %s', async (cat, type) => {
    const a = await analyzeFhir({ name: 'r.json', bytes: json(makeFhirBundle({ withReport: true, reportCategory: cat })) });
    expect(a.type).toBe(type);
    expect(a.typeGuessed).toBe(false);
    expect(a.date).toBe('2024-03-04');
    expect(a.dateGuessed).toBe(false);
    expect(a.institution).toBe('Example Lab Services');
  });

  it('a bundle of medications is a medication list', async () => {
    const a = await analyzeFhir({ name: 'meds.json', bytes: json(makeMedicationBundle()) });
    expect(a.type).toBe('medication-list');
    expect(a.text).toContain('Tamoxifen 20 mg tablet');
    expect(a.text).toContain('Dosage: 20 mg once daily');
    expect(a.title).toBe('FHIR bundle: 1 medication statement, 1 medication request');
    expect(a.date).toBe('2024-02-01');
  });

  it('reads a single resource', async () => {
    const obs = (makeFhirBundle().entry as Array<{ resource: unknown }>)[1]!.resource;
    const a = await analyzeFhir({ name: 'obs.json', bytes: json(obs) });
    expect(a.title).toBe('FHIR Observation: Hemoglobin [Mass/volume] in Blood');
    expect(a.identity).toBeUndefined();
    expect(a.metadata['resourceCounts']).toEqual({ Observation: 1 });
  });

  it('skips invalid JSON and non-FHIR JSON with specific reasons', async () => {
    const bad = analyzeFhir({ name: 'x.json', bytes: new TextEncoder().encode('{"resourceType": "Bundle",') });
    await expect(bad).rejects.toBeInstanceOf(SkipFile);
    await expect(bad).rejects.toThrow(/^invalid JSON: /);
    await expect(analyzeFhir({ name: 'x.json', bytes: json({ hello: 1 }) })).rejects.toThrow(
      'not a FHIR resource: the JSON has no "resourceType"',
    );
    expect(looksLikeFhir([1])).toBe(false);
    expect(looksLikeFhir(null)).toBe(false);
  });
});
