import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { buildDicomdir } from '../../electron/core/dicom/dicomdir-write.js';
import { readDicomdir } from '../../electron/core/dicom/dicomdir-read.js';
import { parseDicomInstance } from '../../electron/core/dicom/parse.js';
import { dicomParser } from '../../electron/core/dicom/dicom-parser-lib.js';
import { SkipFile } from '../../electron/core/base/analysis.js';
import { dicomdirInputFor, makeStudySet, writeCdFolder } from '../fixtures/dicom/cd-folder.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';
import { HAS_DCMTK, dcmdump, runDcmtk } from './dcmtk.js';

const work = mkdtempSync(join(tmpdir(), 'dossier-dicomdir-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const set = makeStudySet({ studies: 2, series: 2, instances: 3 });
const input = dicomdirInputFor(set);
const dicomdir = buildDicomdir(input);
const allImages = input.patients.flatMap((p) => p.studies.flatMap((s) => s.series.flatMap((se) => se.images)));

describe('buildDicomdir → readDicomdir', () => {
  it('round-trips every image record in order', () => {
    const { files } = readDicomdir(dicomdir);
    expect(files).toEqual(
      allImages.map((im) => ({ fileId: im.fileId.join('/'), recordType: 'IMAGE', sopInstanceUID: im.sopInstanceUID })),
    );
  });

  it('links records with byte offsets from the start of the file', () => {
    const ds = dicomParser.parseDicom(Buffer.from(dicomdir));
    const items = ds.elements.x00041220?.items ?? [];
    const startOf = new Map(items.map((item) => [item.dataOffset - 8, item]));
    const type = (offset: number): string | undefined => startOf.get(offset)?.dataSet?.string('x00041430');
    expect(type(ds.uint32('x00041200') ?? -1)).toBe('PATIENT');
    expect(ds.uint32('x00041202')).toBe(ds.uint32('x00041200'));
    const below: Record<string, string> = { PATIENT: 'STUDY', STUDY: 'SERIES', SERIES: 'IMAGE' };
    let images = 0;
    // Walk the tree by offsets alone: it must reach every image, each exactly once.
    const walk = (offset: number, expected: string): void => {
      for (let at = offset; at !== 0; at = startOf.get(at)?.dataSet?.uint32('x00041400') ?? NaN) {
        expect(type(at)).toBe(expected);
        const lower = startOf.get(at)?.dataSet?.uint32('x00041420') ?? 0;
        if (expected === 'IMAGE') {
          images++;
          expect(lower).toBe(0);
        } else {
          walk(lower, below[expected] as string);
        }
      }
    };
    walk(ds.uint32('x00041200') ?? 0, 'PATIENT');
    expect(images).toBe(allImages.length);
  });

  it('fills Type 1 keys the source lacks', () => {
    const bytes = buildDicomdir({
      fileSetId: 'X',
      patients: [
        {
          patientId: '',
          patientName: '',
          studies: [
            {
              studyInstanceUID: '1.2.3',
              series: [{ seriesInstanceUID: '1.2.3.4', modality: '', images: [{ fileId: ['IM1'], sopClassUID: '1.2', sopInstanceUID: '1.2.3.4.5', transferSyntaxUID: '1.2.840.10008.1.2.1' }] }],
            },
          ],
        },
      ],
    });
    const records = dicomParser.parseDicom(Buffer.from(bytes)).elements.x00041220?.items?.map((i) => i.dataSet) ?? [];
    expect(records[0]?.string('x00100020')).toBe('UNKNOWN1');
    expect(records[1]?.string('x00080020')).toBe('19000101');
    expect(records[1]?.string('x00080030')).toBe('000000');
    expect(records[1]?.string('x00200010')).toBe('STUDY1');
    expect(records[2]?.string('x00080060')).toBe('OT');
    expect(records[2]?.string('x00200011')).toBe('1');
    expect(records[3]?.string('x00200013')).toBe('1');
  });

  it('declares ISO_IR 192 on records when names are not ASCII', () => {
    const named = { ...input, patients: input.patients.map((p) => ({ ...p, patientName: 'Ødegård^Åse' })) };
    const records = dicomParser.parseDicom(Buffer.from(buildDicomdir(named))).elements.x00041220?.items ?? [];
    expect(records[0]?.dataSet?.string('x00080005')).toBe('ISO_IR 192');
    expect(records.find((r) => r.dataSet?.string('x00041430') === 'IMAGE')?.dataSet?.elements.x00080005).toBeUndefined();
    expect(() => buildDicomdir({ ...named, specificCharacterSet: 'ISO_IR 100' })).toThrow(/ISO_IR 192/);
    expect(readDicomdir(buildDicomdir(input)).files).toHaveLength(allImages.length);
    const ascii = dicomParser.parseDicom(Buffer.from(buildDicomdir(input))).elements.x00041220?.items ?? [];
    expect(ascii[0]?.dataSet?.elements.x00080005).toBeUndefined();
  });

  it('refuses file IDs a CD file system cannot hold', () => {
    const bad = structuredClone(input);
    const image = bad.patients[0]?.studies[0]?.series[0]?.images[0];
    if (image) image.fileId = ['DICOM', 'image-001.dcm'];
    expect(() => buildDicomdir(bad)).toThrow(/ISO 9660/);
    expect(() => buildDicomdir({ ...input, fileSetId: 'A'.repeat(17) })).toThrow(/16 characters/);
  });
});

describe('readDicomdir on bad input', () => {
  it('says an image is not a DICOMDIR', () => {
    expect(() => readDicomdir(makeDicomInstance())).toThrow('not a DICOMDIR (no directory record sequence)');
  });

  it('throws SkipFile for a cut DICOMDIR', () => {
    for (const cut of [10, 140, 400, dicomdir.length - 30]) {
      expect(() => readDicomdir(dicomdir.subarray(0, cut))).toThrow(SkipFile);
    }
  });

  it('ignores file IDs that climb out of the medium', () => {
    const evil = structuredClone(input);
    const image = evil.patients[0]?.studies[0]?.series[0]?.images[0];
    if (!image) throw new Error('fixture');
    const bytes = Buffer.from(buildDicomdir(evil));
    // Rewrite the first file ID in place (same length) to climb out: DICOM\PT000000 → ..\..\..\ETC
    const from = Buffer.from(image.fileId.slice(0, 2).join('\\'));
    const at = bytes.indexOf(from);
    bytes.write('..\\..\\..\\..\\ETC'.padEnd(from.length, 'X'), at, 'latin1');
    const { files } = readDicomdir(bytes);
    expect(files).toHaveLength(allImages.length - 1);
    expect(files.some((f) => f.fileId.includes('..'))).toBe(false);
  });
});

describe('hospital-CD folder fixture', () => {
  it('writes DICOMDIR, extensionless instances and viewer junk that the DICOMDIR indexes', () => {
    const dir = join(work, 'cd');
    const written = writeCdFolder(dir, set, { dicomdir: true });
    for (const junk of ['AUTORUN.INF', 'README.TXT', 'VIEWER/viewer.exe']) expect(existsSync(join(dir, junk))).toBe(true);
    const { files } = readDicomdir(readFileSync(join(dir, 'DICOMDIR')));
    expect(files.map((f) => f.fileId)).toEqual(written);
    for (const f of files) expect(parseDicomInstance(readFileSync(join(dir, f.fileId))).sopInstanceUID).toBe(f.sopInstanceUID);
  });
});

describe.skipIf(!HAS_DCMTK)('dcmtk cross-checks', () => {
  it('dcmdump parses the DICOMDIR without complaint', () => {
    const path = join(work, 'DICOMDIR');
    writeFileSync(path, buildDicomdir({ ...input, patients: input.patients.map((p) => ({ ...p, patientName: 'Müller^Zoë' })) }));
    const dump = dcmdump(path);
    expect(dump.problems).toEqual([]);
    expect(dump.status).toBe(0);
    expect(dump.output).toContain('MediaStorageDirectoryStorage');
    expect(dump.output.match(/"Directory Record" IMAGE/g)).toHaveLength(allImages.length);
    expect(dump.output).toContain('Müller^Zoë');
  });

  it('dcmmkdir accepts it for the General Purpose CD profile (update with the same files adds nothing)', () => {
    const dir = join(work, 'cd-gp');
    const files = writeCdFolder(dir, set, { dicomdir: true });
    const records = (path: string): number => (dcmdump(path).output.match(/"Directory Record"/g) ?? []).length;
    const before = records(join(dir, 'DICOMDIR'));
    const update = runDcmtk('dcmmkdir', ['-nb', '+U', '-Pgp', '+D', 'DICOMDIR', ...files], dir);
    expect(update.output.split('\n').filter((l) => /^(E|W|F): /.test(l))).toEqual([]);
    expect(update.status).toBe(0);
    expect(records(join(dir, 'DICOMDIR'))).toBe(before);

    // Control: the same check notices a broken root offset.
    const bad = Buffer.from(readFileSync(join(dir, 'DICOMDIR')));
    const at = bad.indexOf(Buffer.from([0x04, 0x00, 0x00, 0x12, 0x55, 0x4c]));
    bad.writeUInt32LE(500, at + 8);
    writeFileSync(join(dir, 'BADDIR'), bad);
    copyFileSync(join(dir, 'BADDIR'), join(dir, 'BADDIR2'));
    const broken = runDcmtk('dcmmkdir', ['-nb', '+U', '-Pgp', '+D', 'BADDIR2', ...files], dir);
    expect(broken.output).toMatch(/Cannot resolve offset 500/);
  });
});
