// Generated source data for one (invented) patient, as it would arrive on a hospital CD and in a
// portal download: 2 studies with explicit-LE, RLE and JPEG series, 3 PDFs and a phone photo.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newUid } from '../../electron/core/base/ids.js';
import { makeDicomInstance, type FixtureSyntax } from '../fixtures/dicom/instance.js';
import { makePdf } from '../fixtures/documents/pdf.js';
import { makeJpeg } from '../fixtures/documents/images.js';

export interface PatientSpec {
  name: string;
  dicomName: string;
  id: string;
  birthDate: string;
}

export const JANE: PatientSpec = { name: 'Jane Doe', dicomName: 'Doe^Jane', id: 'PID12345', birthDate: '19700102' };
export const JOHN: PatientSpec = { name: 'John Roe', dicomName: 'Roe^John', id: 'PID99999', birthDate: '19550607' };

export interface WrittenSource {
  /** Folder holding the CD-like DICOM files (one file per instance, path = SOP UID). */
  dicomDir: string;
  documentsDir: string;
  /** Every DICOM file written, by SOP Instance UID. */
  instances: Map<string, { path: string; studyUID: string; seriesUID: string; syntax: FixtureSyntax }>;
  studyUIDs: string[];
  pdfs: string[];
  photo: string;
}

const SERIES_PLAN: { studyDescription: string; date: string; series: { modality: string; syntax: FixtureSyntax; description: string; count: number }[] }[] = [
  {
    studyDescription: 'CT CHEST',
    date: '20240301',
    series: [
      { modality: 'CT', syntax: 'explicitLE', description: 'Axial 5mm', count: 3 },
      { modality: 'CT', syntax: 'rle', description: 'Coronal RLE', count: 2 },
    ],
  },
  {
    studyDescription: 'MR BRAIN',
    date: '20240410',
    series: [
      { modality: 'MR', syntax: 'jpeg', description: 'T1 JPEG', count: 2 },
      { modality: 'MR', syntax: 'explicitLE', description: 'T2 axial', count: 2 },
    ],
  },
];

/** Writes DICOM files (under `root/cd`) and documents (under `root/docs`) for one patient. */
export async function writePatientData(root: string, patient: PatientSpec = JANE): Promise<WrittenSource> {
  const dicomDir = join(root, 'cd');
  const documentsDir = join(root, 'docs');
  mkdirSync(dicomDir, { recursive: true });
  mkdirSync(documentsDir, { recursive: true });
  const instances: WrittenSource['instances'] = new Map();
  const studyUIDs: string[] = [];
  SERIES_PLAN.forEach((study, s) => {
    const studyUID = newUid();
    studyUIDs.push(studyUID);
    study.series.forEach((series, r) => {
      const seriesUID = newUid();
      for (let i = 0; i < series.count; i++) {
        const sop = newUid();
        const bytes = makeDicomInstance({
          patientName: patient.dicomName,
          patientId: patient.id,
          birthDate: patient.birthDate,
          studyInstanceUID: studyUID,
          seriesInstanceUID: seriesUID,
          sopInstanceUID: sop,
          modality: series.modality,
          studyDescription: study.studyDescription,
          seriesDescription: series.description,
          studyDate: study.date,
          seriesNumber: r + 1,
          instanceNumber: i + 1,
          transferSyntax: series.syntax,
          rows: 32,
          columns: 32,
        });
        const path = join(dicomDir, `S${s}R${r}I${i}`);
        writeFileSync(path, bytes);
        instances.set(sop, { path, studyUID, seriesUID, syntax: series.syntax });
      }
    });
  });
  const birth = `${patient.birthDate.slice(0, 4)}-${patient.birthDate.slice(4, 6)}-${patient.birthDate.slice(6)}`;
  const pdfSpecs = [
    { file: 'radiology-report.pdf', title: 'CT chest report', lines: ['RADIOLOGY REPORT', 'CT chest: 8 mm nodule in the right upper lobe.'] },
    { file: 'pathology.pdf', title: 'Biopsy pathology', lines: ['PATHOLOGY REPORT', 'Core biopsy: findings to be reviewed.'] },
    { file: 'discharge-summary.pdf', title: 'Discharge summary', lines: ['DISCHARGE SUMMARY', 'Patient discharged in good condition.'] },
  ];
  const pdfs: string[] = [];
  for (const spec of pdfSpecs) {
    const bytes = await makePdf({
      title: spec.title,
      creationDate: new Date('2024-03-05T09:00:00Z'),
      pages: [[...spec.lines, `Patient name: ${patient.name}`, `Date of birth: ${birth}`, `MRN: ${patient.id}`]],
    });
    const path = join(documentsDir, spec.file);
    writeFileSync(path, bytes);
    pdfs.push(path);
  }
  const photo = join(documentsDir, 'IMG_0001.jpg');
  writeFileSync(photo, makeJpeg({ width: 640, height: 480, dateTimeOriginal: '2024:02:01 12:00:00' }));
  return { dicomDir, documentsDir, instances, studyUIDs, pdfs, photo };
}
