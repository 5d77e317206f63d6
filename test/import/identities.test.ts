// `dossier identities --json`: records are grouped by the patient identity they carry (DICOM tags,
// FHIR Patient, CDA header, labelled report text), and likely different people are flagged.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { json } from '../helpers/cli.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';
import { makeFhirBundle } from '../fixtures/documents/fhir.js';
import { makeCda } from '../fixtures/documents/cda.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { cliVault, type CliVault } from './cli-vault.js';

interface Side {
  name: string | null;
  birthDate: string | null;
  id: string | null;
  recordIds: string[];
}
interface Report {
  groups: { identity: { name?: string; id?: string; birthDate?: string; source: string }; recordIds: string[] }[];
  patients: { recordIds: string[] }[];
  conflicts: { kind: string; values: string[]; recordIds: string[]; sides: Side[]; person: null }[];
}

/** The fixture bundle, about Jane Smith born 1970-01-01 (FHIR HumanName, no DICOM ^). */
function janeSmithBundle(identifier: boolean): Record<string, unknown> {
  const bundle = makeFhirBundle({ observations: 1 });
  const entries = bundle['entry'] as { resource: Record<string, unknown> }[];
  entries[0]!.resource = {
    resourceType: 'Patient',
    id: 'p1',
    ...(identifier ? { identifier: [{ system: 'urn:oid:1.2.3', value: 'MRN-1' }] } : {}),
    name: [{ use: 'official', family: 'Smith', given: ['Jane'] }],
    birthDate: '1970-01-01',
  };
  return bundle;
}

async function vaultWith(files: Record<string, Uint8Array | string>): Promise<{ cli: CliVault; ids: Record<string, string>; report: Report }> {
  const cli = await cliVault('dossier-identity-');
  const dir = path.join(cli.root, 'in');
  mkdirSync(dir);
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
  const ids: Record<string, string> = {};
  for (const o of cli.importJson([dir])) {
    expect(o.status, o.path).toBe('imported');
    ids[path.basename(o.path)] = o.recordId!;
  }
  return { cli, ids, report: json<Report>(cli.run(['identities', '--json'])) };
}

const smithCt = makeDicomInstance({ patientName: 'SMITH^JANE', patientId: 'MRN-1', birthDate: '19700101', rows: 16, columns: 16 });

let pdfOtherBirth: Uint8Array;
beforeAll(async () => {
  pdfOtherBirth = await makePdf({ pages: [['SURGICAL PATHOLOGY REPORT', 'Patient: Smith, Jane    DOB: 02/03/1971', 'FINAL DIAGNOSIS: benign.']] });
});

describe('dossier identities', () => {
  it('puts a DICOM study for SMITH^JANE and a FHIR bundle for Jane Smith (same birth date and ID) in one group', async () => {
    const { ids, report } = await vaultWith({ 'ct.dcm': smithCt, 'bundle.json': JSON.stringify(janeSmithBundle(true)) });
    expect(report.conflicts).toEqual([]);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.recordIds.sort()).toEqual([ids['ct.dcm'], ids['bundle.json']].sort());
    expect(report.groups[0]!.identity).toMatchObject({ id: 'MRN-1', birthDate: '1970-01-01' });
    expect(report.groups[0]!.identity.name).toMatch(/^Smith\^Jane$/i);
  });

  it('does not split or flag a record that carries no patient ID', async () => {
    const { ids, report } = await vaultWith({ 'ct.dcm': smithCt, 'bundle.json': JSON.stringify(janeSmithBundle(false)) });
    expect(report.conflicts).toEqual([]);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.recordIds.sort()).toEqual([ids['ct.dcm'], ids['bundle.json']].sort());
    expect(report.groups[0]!.identity).toMatchObject({ id: 'MRN-1', birthDate: '1970-01-01' });
  });

  it('flags a CDA for DOE^JOHN as a different person', async () => {
    const cda = makeCda({ patient: { family: 'Doe', given: 'John', id: 'MRN-9', birthTime: '19700101', gender: 'M' } });
    const { cli, ids, report } = await vaultWith({ 'ct.dcm': smithCt, 'bundle.json': JSON.stringify(janeSmithBundle(true)), 'summary.xml': cda });
    expect(report.groups).toHaveLength(2);
    const doe = report.groups.find((g) => g.recordIds.includes(ids['summary.xml']!))!;
    expect(doe.recordIds).toEqual([ids['summary.xml']]);
    expect(doe.identity).toMatchObject({ id: 'MRN-9', birthDate: '1970-01-01', source: 'cda' });
    expect(report.conflicts).toHaveLength(1);
    const [conflict] = report.conflicts;
    expect(conflict).toMatchObject({ kind: 'names', person: null });
    expect(conflict!.values.map((v) => v.toUpperCase())).toEqual(['SMITH^JANE', 'DOE^JOHN']);
    expect(conflict!.recordIds.sort()).toEqual(Object.values(ids).sort());
    expect(conflict!.sides.map((s) => s.recordIds.length)).toEqual([2, 1]);
    // The CLI words it, with the shared name and date formats.
    const text = cli.run(['identities']).stdout;
    expect(text).toContain('Possible different people:\n  ! Different names: Smith, Jane, born 1 Jan 1970, ID MRN-1 (2 records) and Doe, John, born 1 Jan 1970, ID MRN-9 (1 record)\n');
    expect(text).not.toMatch(/\^|\.;|\)\./);
  });

  it('flags the same name with another birth date (a PDF report) as a possible different person', async () => {
    const { ids, report } = await vaultWith({ 'ct.dcm': smithCt, 'report.pdf': pdfOtherBirth });
    expect(report.groups).toHaveLength(2);
    expect(report.groups.find((g) => g.recordIds.includes(ids['report.pdf']!))!.identity).toMatchObject({ name: 'Smith^Jane', birthDate: '1971-02-03', source: 'pdf' });
    expect(report.conflicts).toEqual([
      {
        kind: 'birth-dates',
        values: ['1970-01-01', '1971-02-03'],
        recordIds: [ids['ct.dcm'], ids['report.pdf']],
        sides: [
          { name: 'SMITH^JANE', birthDate: '1970-01-01', id: 'MRN-1', recordIds: [ids['ct.dcm']] },
          { name: 'Smith^Jane', birthDate: '1971-02-03', id: null, recordIds: [ids['report.pdf']] },
        ],
        person: null,
      },
    ]);
    expect(report.patients).toHaveLength(2);
  });
});
