import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ENCAPSULATED_PDF_STORAGE, wrapPdfAsDicom } from '../../electron/core/dicom/encapsulated-pdf.js';
import { dicomParser } from '../../electron/core/dicom/dicom-parser-lib.js';
import { parseDicomInstance } from '../../electron/core/dicom/parse.js';
import { newUid } from '../../electron/core/base/ids.js';
import { HAS_DCMTK, dcmdump, runDcmtk } from './dcmtk.js';

const work = mkdtempSync(join(tmpdir(), 'dossier-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A minimal PDF of odd length, so the even-length padding is exercised. */
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n\n',
);
const ctx = {
  patient: { name: 'Müller^Zoë', id: 'PID9', birthDate: '1980-05-06', sex: 'F' },
  studyInstanceUID: newUid(),
  seriesInstanceUID: newUid(),
  sopInstanceUID: newUid(),
  title: 'Pathology report',
  date: '2024-02-01',
  instanceNumber: 3,
};

describe('wrapPdfAsDicom', () => {
  const bytes = wrapPdfAsDicom(PDF, ctx);

  it('parses back as an Encapsulated PDF instance of the patient', () => {
    expect(PDF.length % 2).toBe(1);
    const info = parseDicomInstance(bytes);
    expect(info).toMatchObject({
      sopClassUID: ENCAPSULATED_PDF_STORAGE,
      sopInstanceUID: ctx.sopInstanceUID,
      studyInstanceUID: ctx.studyInstanceUID,
      seriesInstanceUID: ctx.seriesInstanceUID,
      modality: 'DOC',
      instanceNumber: 3,
      studyDate: '2024-02-01',
      patient: { name: 'Müller^Zoë', id: 'PID9', birthDate: '1980-05-06', sex: 'F' },
    });
    expect(info.tags).toMatchObject({ DocumentTitle: 'Pathology report', MIMETypeOfEncapsulatedDocument: 'application/pdf', SpecificCharacterSet: 'ISO_IR 192' });
  });

  it('carries the PDF bytes intact', () => {
    const ds = dicomParser.parseDicom(Buffer.from(bytes));
    const doc = ds.elements.x00420011;
    if (!doc) throw new Error('no Encapsulated Document');
    const length = ds.uint32('x00420015') ?? 0;
    expect(length).toBe(PDF.length);
    expect(Buffer.from(ds.byteArray.subarray(doc.dataOffset, doc.dataOffset + length)).equals(Buffer.from(PDF))).toBe(true);
  });

  it.skipIf(!HAS_DCMTK)('is accepted by dcmdump, and dcm2pdf extracts the same PDF', () => {
    const path = join(work, 'DOC.DCM');
    writeFileSync(path, bytes);
    const dump = dcmdump(path);
    expect(dump.problems).toEqual([]);
    expect(dump.output).toContain('EncapsulatedPDFStorage');
    const out = join(work, 'out.pdf');
    expect(runDcmtk('dcm2pdf', [path, out]).status).toBe(0);
    // dcm2pdf keeps the even-length pad byte; the document itself must be a byte-exact prefix.
    const extracted = readFileSync(out);
    expect(extracted.subarray(0, PDF.length).equals(Buffer.from(PDF))).toBe(true);
    expect(extracted.length - PDF.length).toBeLessThanOrEqual(1);
  });
});
