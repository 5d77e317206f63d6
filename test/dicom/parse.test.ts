import { describe, expect, it } from 'vitest';
import { analyzeDicom, looksLikeDicom } from '../../electron/core/dicom/analyzer.js';
import { parseDicomInstance } from '../../electron/core/dicom/parse.js';
import { TS, el, writePart10 } from '../../electron/core/dicom/writer.js';
import { newUid } from '../../electron/core/base/ids.js';
import { SkipFile } from '../../electron/core/base/analysis.js';
import { makeDicomInstance, type FixtureSyntax } from '../fixtures/dicom/instance.js';
import { makeStudySet, dicomdirInputFor } from '../fixtures/dicom/cd-folder.js';
import { buildDicomdir } from '../../electron/core/dicom/dicomdir-write.js';

const SYNTAXES: [FixtureSyntax, string][] = [
  ['explicitLE', TS.explicitLE],
  ['implicitLE', TS.implicitLE],
  ['explicitBE', TS.explicitBE],
  ['deflate', TS.deflatedLE],
  ['jpeg', TS.jpegBaseline],
  ['rle', TS.rle],
];

function skipReason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SkipFile);
    return (e as SkipFile).message;
  }
  throw new Error('expected a SkipFile');
}

describe('parseDicomInstance', () => {
  it.each(SYNTAXES)('reads a Part 10 file in %s', (syntax, uid) => {
    const sopInstanceUID = newUid();
    const info = parseDicomInstance(makeDicomInstance({ transferSyntax: syntax, sopInstanceUID }));
    expect(info.transferSyntaxUID).toBe(uid);
    expect(info.sopInstanceUID).toBe(sopInstanceUID);
    expect(info.patient).toEqual({ name: 'Doe^Jane', id: 'PID12345', birthDate: '1970-01-02', sex: 'F', source: 'dicom' });
    expect(info.rows).toBe(64);
    expect(info.columns).toBe(64);
    expect(info.studyDate).toBe('2024-03-15');
  });

  it.each([
    ['implicitLE', TS.implicitLE],
    ['explicitLE', TS.explicitLE],
    ['explicitBE', TS.explicitBE],
  ] as const)('reads a raw %s dataset without preamble or meta header', (syntax, uid) => {
    const studyInstanceUID = newUid();
    const bytes = makeDicomInstance({ transferSyntax: syntax, preamble: false, studyInstanceUID });
    expect(looksLikeDicom(bytes)).toBe(true);
    const info = parseDicomInstance(bytes);
    expect(info.transferSyntaxUID).toBe(uid);
    expect(info.studyInstanceUID).toBe(studyInstanceUID);
    expect(info.patient.name).toBe('Doe^Jane');
    expect(info.rows).toBe(64);
  });

  it('reads a file whose 128-byte preamble was stripped (meta header first)', () => {
    const full = makeDicomInstance({ patientName: 'Stripped^Preamble' });
    expect(parseDicomInstance(full.subarray(132)).patient.name).toBe('Stripped^Preamble');
    expect(parseDicomInstance(full.subarray(128)).patient.name).toBe('Stripped^Preamble');
  });

  it.each([
    ['implicit VR dataset under an explicit VR UID', 'implicitLE', 'explicitLE', TS.implicitLE],
    ['explicit VR dataset under the implicit VR UID', 'explicitLE', 'implicitLE', TS.explicitLE],
  ] as const)('reads an %s', (_label, actual, declared, actualUid) => {
    const opts = { patientName: 'Mislabelled^Meta', sopInstanceUID: '1.2.3.4' };
    const declaring = Buffer.from(makeDicomInstance({ ...opts, transferSyntax: declared }));
    const metaEnd = 144 + declaring.readUInt32LE(140);
    const body = makeDicomInstance({ ...opts, transferSyntax: actual, preamble: false });
    const info = parseDicomInstance(Buffer.concat([declaring.subarray(0, metaEnd), body]));
    expect(info.patient.name).toBe('Mislabelled^Meta');
    expect(info.transferSyntaxUID).toBe(actualUid);
  });

  it('extracts every field the pipeline needs', () => {
    const info = parseDicomInstance(
      makeDicomInstance({
        modality: 'MR',
        sopClassUID: '1.2.840.10008.5.1.4.1.1.4',
        studyDescription: 'MRI BRAIN',
        seriesDescription: 'T2 AX',
        studyTime: '093000.5',
        seriesNumber: 7,
        instanceNumber: 12,
        bodyPart: 'HEAD',
        institution: 'St. Elsewhere',
        accessionNumber: 'A-77',
        studyId: 'ST42',
      }),
    );
    expect(info).toMatchObject({
      modality: 'MR',
      sopClassUID: '1.2.840.10008.5.1.4.1.1.4',
      studyDescription: 'MRI BRAIN',
      seriesDescription: 'T2 AX',
      studyTime: '093000.5',
      seriesNumber: 7,
      instanceNumber: 12,
      bodyPart: 'HEAD',
      institution: 'St. Elsewhere',
      referringPhysician: 'Referrer^Rita',
      accessionNumber: 'A-77',
      studyId: 'ST42',
    });
    expect(info.tags).toMatchObject({ Modality: 'MR', PatientName: 'Doe^Jane', Rows: 64, SeriesNumber: 7 });
    expect(JSON.parse(JSON.stringify(info.tags))).toEqual(info.tags);
  });

  it('reads NumberOfFrames and drops impossible dates', () => {
    const info = parseDicomInstance(
      makeDicomInstance({ studyDate: '20241332', birthDate: '1970.01.02', extra: [el(0x00280008, 'IS', 3)] }),
    );
    expect(info.numberOfFrames).toBe(3);
    expect(info.studyDate).toBeUndefined();
    expect(info.patient.birthDate).toBe('1970-01-02');
  });

  it('rejects a DICOMDIR with a specific reason', () => {
    const dicomdir = buildDicomdir(dicomdirInputFor(makeStudySet({ studies: 1, series: 1, instances: 1 })));
    expect(skipReason(() => parseDicomInstance(dicomdir))).toBe('DICOMDIR (media directory), not an image');
  });

  it('rejects an instance without SOP Instance UID', () => {
    const bytes = makeDicomInstance({ sopInstanceUID: null, preamble: false });
    expect(skipReason(() => parseDicomInstance(bytes))).toBe('DICOM file has no SOP Instance UID');
  });

  it('rejects non-DICOM content', () => {
    expect(skipReason(() => parseDicomInstance(new TextEncoder().encode('%PDF-1.7\n...')))).toBe('not a DICOM file');
    expect(skipReason(() => parseDicomInstance(new Uint8Array(0)))).toBe('not a DICOM file');
  });

  it('says a file with only a meta header is truncated', () => {
    const bytes = writePart10([], { transferSyntaxUID: TS.explicitLE, sopClassUID: '1.2.3', sopInstanceUID: '' });
    expect(skipReason(() => parseDicomInstance(bytes))).toBe(
      'truncated DICOM file (nothing after the file meta information)',
    );
  });
});

describe('analyzeDicom', () => {
  it('describes the instance as an imaging record', async () => {
    const bytes = makeDicomInstance({ studyDescription: 'CT ABDOMEN', institution: 'General Hospital' });
    const analysis = await analyzeDicom({ name: 'IM000001', bytes });
    expect(analysis).toMatchObject({
      format: 'dicom',
      kind: 'imaging',
      type: 'imaging',
      typeGuessed: false,
      title: 'CT ABDOMEN',
      date: '2024-03-15',
      dateGuessed: false,
      institution: 'General Hospital',
      identity: { name: 'Doe^Jane', id: 'PID12345', source: 'dicom' },
    });
    expect(analysis.dicom?.sopInstanceUID).toBeTruthy();
    expect(analysis.metadata.tags).toBe(analysis.dicom?.tags);
  });

  it('titles a study without description by its modality', async () => {
    const bytes = makeDicomInstance({ modality: 'US', studyDescription: '' });
    expect((await analyzeDicom({ name: 'x', bytes })).title).toBe('US study');
  });
});

describe('looksLikeDicom', () => {
  it('recognises Part 10 heads and rejects other formats', () => {
    expect(looksLikeDicom(makeDicomInstance().subarray(0, 512))).toBe(true);
    expect(looksLikeDicom(new TextEncoder().encode('%PDF-1.7\n1 0 obj'))).toBe(false);
    expect(looksLikeDicom(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(false);
    expect(looksLikeDicom(new TextEncoder().encode('PK\u0003\u0004 zip'))).toBe(false);
    expect(looksLikeDicom(new Uint8Array(300))).toBe(false);
  });
});
