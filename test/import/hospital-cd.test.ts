// A hospital CD as patients get it: 1,000 extensionless DICOM files in 3 studies, a DICOMDIR, and
// the viewer software around them — imported through the real CLI into an encrypted vault.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeStudySet, writeCdFolder, type StudySet } from '../fixtures/dicom/cd-folder.js';
import { makeDicomInstance } from '../fixtures/dicom/instance.js';
import { newUid } from '../../electron/core/base/ids.js';
import { cliVault, countBy, type CliVault, type Outcome } from './cli-vault.js';

// 3 studies × 2–4 series: 2×200 + 3×100 + 4×75 = 1,000 instances of one patient.
function threeStudies(): StudySet {
  const shapes = [
    { series: 2, instances: 200 },
    { series: 3, instances: 100 },
    { series: 4, instances: 75 },
  ];
  const sets = shapes.map((s) => makeStudySet({ studies: 1, ...s }));
  return { ...sets[0]!, studies: sets.flatMap((s) => s.studies) };
}

let cli: CliVault;
let set: StudySet;
let cd: string;
let first: Outcome[];

beforeAll(async () => {
  cli = await cliVault('dossier-cd-');
  set = threeStudies();
  cd = path.join(cli.root, 'CD');
  mkdirSync(cd);
  writeCdFolder(cd, set);
  first = cli.importJson([cd]);
}, 60_000);

describe('hospital CD import', () => {
  it('creates exactly one imaging record per study with the right series and instance counts', () => {
    expect(countBy(first, (o) => o.status)).toMatchObject({ imported: 1000 });
    const records = cli.list();
    expect(records).toHaveLength(3);
    for (const study of set.studies) {
      const r = records.find((x) => x.studyInstanceUID === study.studyInstanceUID);
      expect(r, study.studyInstanceUID).toBeDefined();
      const instances = study.series.reduce((n, s) => n + s.instances.length, 0);
      expect(r).toMatchObject({
        kind: 'imaging',
        type: 'imaging',
        seriesCount: study.series.length,
        instanceCount: instances,
        sourceFileCount: instances,
        modalities: [...new Set(study.series.map((s) => s.modality))].sort(),
        patientName: 'Doe^Jane',
        patientBirthDate: '1970-01-02',
      });
      const shown = cli.show(r!.id);
      expect(shown.series).toHaveLength(study.series.length);
      for (const s of study.series)
        expect(shown.series).toContainEqual({
          seriesInstanceUID: s.seriesInstanceUID,
          modality: s.modality,
          seriesDescription: 'Axial 5mm',
          seriesNumber: s.seriesNumber,
          instanceCount: s.instances.length,
        });
    }
  });

  it('skips the viewer, autorun and readme with codes and reasons, and reports the DICOMDIR as the index', () => {
    const skipped = first.filter((o) => o.status === 'skipped');
    const outcomeOf = (name: string) => first.find((o) => path.basename(o.path) === name);
    expect(outcomeOf('viewer.exe')).toMatchObject({ skip: { code: 'program', program: 'windows' }, reason: 'Windows program or library: software, not a medical record' });
    expect(outcomeOf('AUTORUN.INF')).toMatchObject({ skip: { code: 'program', program: 'autorun' }, reason: 'autorun file: software, not a medical record' });
    expect(outcomeOf('README.TXT')).toMatchObject({ skip: { code: 'media-extra' }, reason: 'not a medical record: viewer software or other content of the CD/USB media' });
    expect(outcomeOf('DICOMDIR')).toEqual({ path: expect.any(String), status: 'index', index: { kind: 'dicomdir', files: 1000 }, reason: "DICOMDIR: the disc's index (1,000 files listed; all files were scanned)" });
    expect(skipped).toHaveLength(3);
    expect(first).toHaveLength(1004);
  });

  it('says records and files apart at the end of the import', () => {
    const fresh = cli.run(['import', cd]);
    expect(fresh.stdout).toMatch(/\n0 records added or updated; 1,000 duplicates, 1 index file read, 3 files skipped\.\n$/);
  });

  it('re-importing the CD yields 1,000 duplicates and no new record', () => {
    const again = cli.importJson([cd]);
    expect(countBy(again, (o) => o.status)).toEqual({ duplicate: 1000, skipped: 3, index: 1 });
    const dup = again.find((o) => o.status === 'duplicate')!;
    expect(dup).toMatchObject({ duplicate: 'same-image', reason: 'this image (same SOP Instance UID) is already in the vault' });
    expect(cli.list()).toHaveLength(3);
  });

  it('adds instances of a known study imported later to the same record', () => {
    const study = set.studies[1]!;
    const later = path.join(cli.root, 'later');
    mkdirSync(later);
    const seriesInstanceUID = newUid();
    for (let i = 1; i <= 5; i++)
      writeFileSync(
        path.join(later, `extra${i}.dcm`),
        makeDicomInstance({ studyInstanceUID: study.studyInstanceUID, seriesInstanceUID, modality: 'CT', seriesNumber: 9, seriesDescription: 'Late phase', instanceNumber: i, rows: 16, columns: 16, patientName: 'Doe^Jane' }),
      );
    const before = cli.list().find((r) => r.studyInstanceUID === study.studyInstanceUID)!;
    const outcomes = cli.importJson([later]);
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('imported'));
    expect(new Set(outcomes.map((o) => o.recordId))).toEqual(new Set([before.id]));
    const records = cli.list();
    expect(records).toHaveLength(3);
    const after = records.find((r) => r.id === before.id)!;
    expect(after.instanceCount).toBe(before.instanceCount! + 5);
    expect(after.seriesCount).toBe(before.seriesCount! + 1);
    expect(cli.show(before.id).series).toContainEqual({ seriesInstanceUID, modality: 'CT', seriesDescription: 'Late phase', seriesNumber: 9, instanceCount: 5 });
  });
});
