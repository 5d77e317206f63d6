// A truthful bundle: after "Export anyway" with two patients' records, INDEX.HTM and README.TXT
// say at the top that the bundle holds several patients, and every record shows its own patient —
// in the page, the FHIR bundle (one Patient each), the XDM metadata and the DICOMDIR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Importer } from '../../electron/core/import/pipeline.js';
import { bytesSource } from '../../electron/core/import/source.js';
import { exportBundle } from '../../electron/core/export/export-bundle.js';
import { readDicomdir } from '../../electron/core/dicom/dicomdir-read.js';
import { parseDicomInstance } from '../../electron/core/dicom/parse.js';
import { extractPdf } from '../../electron/core/documents/pdf-extract.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { makeVault, tempDir } from '../helpers/temp-vault.js';
import type { Vault } from '../../electron/core/vault/vault.js';

let vault: Vault;
let cleanup: () => void;
let ids: Record<string, string>;

beforeAll(async () => {
  ({ vault, cleanup } = await makeVault());
  const janePdf = await makePdf({ title: 'CT chest report', pages: [['RADIOLOGY REPORT', 'Patient: Doe, Jane', 'DOB: 1970-01-02', 'IMPRESSION: clear.']] });
  const johnPdf = await makePdf({ title: 'Clinic letter', pages: [['CLINIC LETTER', 'Patient: Roe, John', 'DOB: 1955-06-07', 'Dear Dr Meyer, thank you for seeing him.']] });
  const notes = await makePdf({ title: 'My notes', pages: [['My notes before the appointment', 'Questions to ask.']] });
  const ct = makeDicomInstance({ patientName: 'Doe^Jane', patientId: 'P1', birthDate: '19700102', rows: 16, columns: 16 });
  const summary = await new Importer(vault).importSources([
    bytesSource('ct.dcm', 'ct.dcm', ct),
    bytesSource('jane.pdf', 'jane.pdf', janePdf),
    bytesSource('john.pdf', 'john.pdf', johnPdf),
    bytesSource('notes.pdf', 'notes.pdf', notes),
  ]);
  ids = Object.fromEntries(summary.outcomes.map((o) => [o.path, o.recordId!]));
});
afterAll(() => cleanup?.());

async function exportOf(recordIds: string[]): Promise<string> {
  const out = path.join(tempDir('dossier-multi-'), 'stick');
  const r = await exportBundle(vault, { recordIds, destination: { kind: 'folder', path: out }, allowIdentityMismatch: true, appVersion: '0.0.0-test' });
  expect(r.verified.ok).toBe(true);
  return out;
}

describe('a bundle with two patients', () => {
  let out: string;
  beforeAll(async () => {
    out = await exportOf([ids['ct.dcm']!, ids['jane.pdf']!, ids['john.pdf']!, ids['notes.pdf']!]);
  });

  it('INDEX.HTM says so at the top and names each record\'s patient', () => {
    const html = readFileSync(path.join(out, 'INDEX.HTM'), 'utf8');
    const notice = html.indexOf('records of 2 different patients');
    expect(notice).toBeGreaterThan(0);
    expect(notice).toBeLessThan(html.indexOf('<h2'));
    expect(html).toContain('Doe, Jane');
    expect(html).toContain('Roe, John');
    const johnRow = html.split('\n').find((l) => l.includes('Clinic letter') && l.includes('<td>'));
    expect(johnRow).toContain('Roe, John');
    expect(johnRow).not.toContain('Doe, Jane');
    // A record that names no patient is not put under anyone's name.
    const notesRow = html.split('\n').find((l) => l.includes('My notes') && l.includes('<td>'));
    expect(notesRow).toContain('<td>Not stated</td>');
  });

  it('README.TXT says so before anything else and lists both', () => {
    const readme = readFileSync(path.join(out, 'README.TXT'), 'utf8').slice(1).split('\r\n');
    const at = readme.findIndex((l) => l.includes('2 DIFFERENT PATIENTS'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at).toBeLessThan(readme.findIndex((l) => l.startsWith('HOW TO READ')));
    expect(readme.join('\n')).toMatch(/Doe, Jane[^\n]*\n[^\n]*Roe, John/);
  });

  it('FHIR has a Patient for each, and each document points at its own', () => {
    const fhir = JSON.parse(readFileSync(path.join(out, 'FHIR', 'BUNDLE.JSN'), 'utf8')) as { entry: { fullUrl: string; resource: Record<string, unknown> }[] };
    const patients = fhir.entry.filter((e) => e.resource['resourceType'] === 'Patient');
    expect(patients.map((p) => (p.resource['name'] as { text: string }[])[0]!.text).sort()).toEqual(['Doe, Jane', 'Roe, John']);
    const john = patients.find((p) => JSON.stringify(p.resource).includes('Roe'))!;
    const letter = fhir.entry.find((e) => e.resource['description'] === 'Clinic letter')!;
    expect((letter.resource['subject'] as { reference: string }).reference).toBe(john.fullUrl);
    expect(fhir.entry.find((e) => e.resource['description'] === 'My notes')!.resource['subject']).toBeUndefined();
  });

  it('the XDM metadata gives each document its own patient', () => {
    const xml = readFileSync(path.join(out, 'IHE_XDM', 'SUBSET01', 'METADATA.XML'), 'utf8');
    const entries = xml.split('<rim:ExtrinsicObject ').slice(1);
    const letter = entries.find((e) => e.includes('Clinic letter'))!;
    expect(letter).toContain('PID-5|Roe^John');
    expect(entries.find((e) => e.includes('CT chest report'))).toContain('PID-5|Doe^Jane');
  });

  it('SUMMARY.PDF says so under its title and names each record\'s patient', async () => {
    const pdf = await extractPdf(new Uint8Array(readFileSync(path.join(out, 'SUMMARY.PDF'))));
    const text = pdf.kind === 'content' ? pdf.text.replace(/\s+/g, ' ') : '';
    expect(text).toContain('This bundle holds the records of 2 different patients');
    expect(text).toMatch(/Clinic letter — Roe, John/);
    expect(text).toMatch(/My notes — Not stated/);
  });

  it('the DICOMDIR still lists the study under its own patient', () => {
    const dicomdir = readDicomdir(readFileSync(path.join(out, 'DICOMDIR')));
    expect(dicomdir.files).toHaveLength(1);
  });
});

describe('reports written as DICOM for two patients', () => {
  it('wraps each report under its own patient, each patient with a PATIENT record of its own', async () => {
    const out = path.join(tempDir('dossier-multi-dicom-'), 'stick');
    const r = await exportBundle(vault, { recordIds: [ids['ct.dcm']!, ids['jane.pdf']!, ids['john.pdf']!], destination: { kind: 'folder', path: out }, allowIdentityMismatch: true, reportsAsDicom: true, appVersion: '0.0.0-test' });
    expect(r.verified.ok).toBe(true);
    const files = readDicomdir(readFileSync(path.join(out, 'DICOMDIR'))).files.filter((f) => f.recordType === 'ENCAP DOC');
    const names = files.map((f) => [f.fileId.split('/')[1], parseDicomInstance(readFileSync(path.join(out, f.fileId))).patient.name]);
    expect(names.sort()).toEqual([['PT000000', 'Doe^Jane'], ['PT000001', 'Roe^John']]);
  });
});

describe('a bundle with one patient', () => {
  it('has no several-patients notice', async () => {
    const out = await exportOf([ids['ct.dcm']!, ids['jane.pdf']!]);
    expect(readFileSync(path.join(out, 'INDEX.HTM'), 'utf8')).not.toContain('different patients');
    expect(readFileSync(path.join(out, 'README.TXT'), 'utf8')).not.toContain('DIFFERENT PATIENTS');
  });
});
