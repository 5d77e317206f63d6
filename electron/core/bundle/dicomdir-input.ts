// Maps the bundle plan onto the DICOMDIR writer's input (one patient, the planned File IDs).
import type { DicomdirInput, DicomdirStudy } from '../dicom/dicomdir-write.js';
import type { BundlePlan } from './plan.js';
import type { BundleInput } from './types.js';

/** Extra studies that are not in the input (the Encapsulated PDF study). */
export type ExtraStudy = DicomdirStudy;

export function dicomdirInputFor(input: BundleInput, plan: BundlePlan, extra: ExtraStudy[] = []): DicomdirInput {
  const studies: DicomdirStudy[] = plan.studies.map(({ study, series }) => ({
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
  }));
  const p = input.patient;
  const patientName = p.dicomName ?? p.name;
  const allText = JSON.stringify([patientName, studies]);
  return {
    fileSetId: 'DOSSIER',
    // Names are often non-ASCII; UTF-8 is what modern PACS import expects then.
    ...(/[^\x20-\x7e]/.test(allText) ? { specificCharacterSet: 'ISO_IR 192' } : {}),
    patients: [
      {
        patientId: p.id ?? '',
        patientName,
        ...(p.birthDate ? { birthDate: dicomDate(p.birthDate) } : {}),
        ...(p.sex ? { sex: p.sex.slice(0, 1).toUpperCase() } : {}),
        studies: [...studies, ...extra],
      },
    ],
  };
}

/** YYYY-MM-DD → YYYYMMDD (DICOM DA); already-DA values pass through. */
export function dicomDate(date: string): string {
  return date.replace(/-/g, '').slice(0, 8);
}
