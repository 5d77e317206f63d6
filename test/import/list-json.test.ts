// `dossier list --json` is a stable interface for scripts: exactly the fields docs/cli.md lists,
// with the documented types, for imaging and for document records.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { json } from '../helpers/cli.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { makeJpeg } from '../fixtures/documents/images.js';
import { SAMPLE_TEXTS } from '../fixtures/documents/sample-texts.js';
import { cliVault } from './cli-vault.js';

const COMMON = ['id', 'kind', 'type', 'title', 'date', 'patientName', 'patientId', 'patientBirthDate', 'sourceFileCount', 'sizeBytes', 'format', 'institution', 'tags'];
const IMAGING = ['studyInstanceUID', 'modalities', 'seriesCount', 'instanceCount', 'studyDescription'];
const DOCUMENT = ['pageCount', 'textChars', 'typeGuessed', 'dateGuessed'];
const TYPES = ['imaging', 'pathology', 'radiology-report', 'lab', 'treatment-summary', 'letter', 'medication-list', 'other'];

type Row = Record<string, unknown>;
let rows: Row[];

const stringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isoDateOrNull = (v: unknown) => v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

beforeAll(async () => {
  const cli = await cliVault('dossier-listjson-');
  const dir = path.join(cli.root, 'in');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'ct1.dcm'), makeDicomInstance({ rows: 16, columns: 16, studyInstanceUID: '1.2.3.4', modality: 'CT' }));
  writeFileSync(path.join(dir, 'ct2.dcm'), makeDicomInstance({ rows: 16, columns: 16, studyInstanceUID: '1.2.3.4', modality: 'PT', sopClassUID: '1.2.840.10008.5.1.4.1.1.128' }));
  writeFileSync(path.join(dir, 'path.pdf'), await makePdf({ pages: [SAMPLE_TEXTS.pathology.split('\n'), ['Page two']] }));
  writeFileSync(path.join(dir, 'photo.jpg'), makeJpeg({ width: 64, height: 48 }));
  writeFileSync(path.join(dir, 'note.txt'), 'Questions for the oncologist.\n');
  const res = cli.run(['import', dir, '--json']);
  expect(res.status, res.stderr).toBe(0);
  rows = json<Row[]>(cli.run(['list', '--json']));
});

describe('list --json', () => {
  it('imaging records have exactly the common and the imaging fields, with their documented types', () => {
    const imaging = rows.filter((r) => r['kind'] === 'imaging');
    expect(imaging).toHaveLength(1);
    const r = imaging[0]!;
    expect(Object.keys(r).sort()).toEqual([...COMMON, ...IMAGING].sort());
    expect(r).toMatchObject({ type: 'imaging', format: 'dicom', studyInstanceUID: '1.2.3.4', modalities: ['CT', 'PT'], seriesCount: 2, instanceCount: 2, sourceFileCount: 2, studyDescription: 'CT CHEST' });
    expect(typeof r['studyDescription']).toBe('string');
  });

  it('document records have exactly the common and the document fields, with their documented types', () => {
    const docs = rows.filter((r) => r['kind'] === 'document');
    expect(docs).toHaveLength(3);
    for (const r of docs) {
      expect(Object.keys(r).sort()).toEqual([...COMMON, ...DOCUMENT].sort());
      expect(count(r['pageCount'])).toBe(true);
      expect(count(r['textChars'])).toBe(true);
      expect(typeof r['typeGuessed']).toBe('boolean');
      expect(typeof r['dateGuessed']).toBe('boolean');
    }
    const pdf = docs.find((r) => r['format'] === 'pdf')!;
    expect(pdf).toMatchObject({ pageCount: 2, type: 'pathology', typeGuessed: true });
    expect(pdf['textChars']).toBeGreaterThan(200);
    // A photo is one page; this hand-built JPEG has no pixels to read, so it has no text.
    expect(docs.find((r) => r['format'] === 'jpeg')).toMatchObject({ pageCount: 1, textChars: 0 });
  });

  it('every record has the common fields with their documented types', () => {
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r['id']).toMatch(/^[0-9a-f]{12}$/);
      expect(['imaging', 'document', 'note']).toContain(r['kind']);
      expect(TYPES).toContain(r['type']);
      expect(typeof r['title']).toBe('string');
      expect(isoDateOrNull(r['date'])).toBe(true);
      expect(stringOrNull(r['patientName'])).toBe(true);
      expect(stringOrNull(r['patientId'])).toBe(true);
      expect(isoDateOrNull(r['patientBirthDate'])).toBe(true);
      expect(count(r['sourceFileCount']) && (r['sourceFileCount'] as number) >= 1).toBe(true);
      expect(count(r['sizeBytes']) && (r['sizeBytes'] as number) > 0).toBe(true);
      expect(typeof r['format']).toBe('string');
      expect(stringOrNull(r['institution'])).toBe(true);
      expect(Array.isArray(r['tags']) && (r['tags'] as unknown[]).every((t) => typeof t === 'string')).toBe(true);
    }
    const ct = rows.find((r) => r['kind'] === 'imaging')!;
    expect(ct).toMatchObject({ patientName: 'Doe^Jane', patientId: 'PID12345', patientBirthDate: '1970-01-02', date: '2024-03-15', institution: 'General Hospital' });
  });
});
