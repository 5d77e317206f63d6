// Maps the bundle plan onto the DICOMDIR writer's input: one PATIENT record per patient of the
// bundle (PT… in the File IDs), keyed as that patient's DICOM files state it, and their studies.
import type { DicomdirInput, DicomdirPatient, DicomdirStudy } from '../dicom/dicomdir-write.js';
import type { BundlePlan, PlannedStudy } from './plan.js';
import { patientAt } from './patients.js';
import type { BundleInput, BundlePatient } from './types.js';

/** Studies that are not in the input (a patient's Encapsulated PDF study), with the PT they go under. */
export interface ExtraStudy {
  pt: number;
  /** Index into BundleInput.patients. */
  patientIndex: number | undefined;
  study: DicomdirStudy;
}

function studyOf({ study, series }: PlannedStudy): DicomdirStudy {
  return {
    studyInstanceUID: study.studyInstanceUID,
    ...(study.date ? { studyDate: dicomDate(study.date) } : {}),
    ...(study.studyTime ? { studyTime: study.studyTime } : {}),
    ...(study.description ? { studyDescription: study.description } : {}),
    ...(study.studyId ? { studyId: study.studyId } : {}),
    ...(study.accessionNumber ? { accessionNumber: study.accessionNumber } : {}),
    series: series.map(({ series: s, instances }) => ({
      seriesInstanceUID: s.seriesInstanceUID,
      modality: s.modality,
      ...(s.number !== undefined ? { seriesNumber: s.number } : {}),
      ...(s.description ? { seriesDescription: s.description } : {}),
      images: instances.map(({ fileId, instance: i }) => ({
        fileId,
        sopClassUID: i.sopClassUID,
        sopInstanceUID: i.sopInstanceUID,
        transferSyntaxUID: i.transferSyntaxUID,
        ...(i.instanceNumber !== undefined ? { instanceNumber: i.instanceNumber } : {}),
      })),
    })),
  };
}

function patientRecord(p: BundlePatient, studies: DicomdirStudy[]): DicomdirPatient {
  return {
    patientId: p.id ?? '',
    patientName: p.dicomName ?? p.name,
    ...(p.birthDate ? { birthDate: dicomDate(p.birthDate) } : {}),
    ...(p.sex ? { sex: p.sex.slice(0, 1).toUpperCase() } : {}),
    studies,
  };
}

export function dicomdirInputFor(input: BundleInput, plan: BundlePlan, extra: ExtraStudy[] = []): DicomdirInput {
  const byPt = new Map<number, { patient: BundlePatient; studies: DicomdirStudy[] }>();
  const add = (pt: number, patient: BundlePatient, study: DicomdirStudy) => {
    const entry = byPt.get(pt) ?? { patient, studies: [] };
    entry.studies.push(study);
    byPt.set(pt, entry);
  };
  for (const planned of plan.studies) add(planned.pt, planned.study.dicomPatient ?? patientAt(input, planned.study.patientIndex), studyOf(planned));
  for (const e of extra) add(e.pt, patientAt(input, e.patientIndex), e.study);
  const patients = [...byPt.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => patientRecord(e.patient, e.studies));
  return {
    fileSetId: 'DOSSIER',
    // Names are often non-ASCII; UTF-8 is what modern PACS import expects then.
    ...(/[^\x20-\x7e]/.test(JSON.stringify(patients)) ? { specificCharacterSet: 'ISO_IR 192' } : {}),
    patients,
  };
}

/** YYYY-MM-DD → YYYYMMDD (DICOM DA); already-DA values pass through. */
export function dicomDate(date: string): string {
  return date.replace(/-/g, '').slice(0, 8);
}
