// Fills the bundle writer's input from the vault: studies → series → instances and documents,
// each file streamed (decrypted) from its blob only when the writer asks for it.
import type { Db } from '../vault/database.js';
import type { Vault } from '../vault/vault.js';
import type { FilesRow, InstancesRow, Narrowed, PeopleRow, RecordsRow } from '../vault/rows.js';
import type { BundleDocument, BundleFileSource, BundleInput, BundleInstance, BundlePatient, BundleSeries, BundleStudy } from '../bundle/types.js';
import { recordPatients } from './bundle-patients.js';
import type { FileFormat, RecordType } from '../../../shared/domain.js';
import { getCase } from '../cases/case-store.js';
import { isViewableDocument } from '../documents/clinical-view.js';
import { journeyParts, sentSeparately } from './bundle-journey.js';

const MIME: Partial<Record<FileFormat, string>> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  cda: 'text/xml',
  xml: 'text/xml',
  'fhir-json': 'application/fhir+json',
  json: 'application/json',
  text: 'text/plain',
};

function blobSource(vault: Vault, blobId: string, size: number): BundleFileSource {
  return {
    size,
    whole: (options) => vault.blobs.readWhole(blobId, options),
    open: () =>
      (async function* () {
        const reader = await vault.blobs.open(blobId);
        try {
          yield* reader.stream();
        } finally {
          await reader.close();
        }
      })(),
  };
}

/** A document record's stored file. */
type DocumentFile = Narrowed<Pick<FilesRow, 'blob_id' | 'original_name' | 'size' | 'format'>, { format: FileFormat }>;

export function buildBundleInput(vault: Vault, recordIds: string[], caseId: string | null, appVersion: string): BundleInput {
  const db = vault.db;
  const recordStmt = db.prepare('SELECT * FROM records WHERE id = ?');
  const records = recordIds.map((id) => recordStmt.get(id) as RecordsRow);
  const several = recordPatients(db, recordIds);
  const whose = (r: RecordsRow) => (several?.indexOf.has(r.id) ? { patientIndex: several.indexOf.get(r.id)! } : {});
  const studies: BundleStudy[] = [];
  const documents: BundleDocument[] = [];
  for (const r of records) {
    if (r.kind === 'imaging') studies.push({ ...study(vault, db, r), ...whose(r), dicomPatient: carriedPatient(r) });
    else
      for (const f of db.prepare('SELECT blob_id, original_name, size, format FROM files WHERE record_id = ? ORDER BY original_path').all(r.id) as DocumentFile[])
        documents.push({
          recordId: r.id,
          ...whose(r),
          title: r.title,
          type: r.type as RecordType,
          ...(r.date ? { date: r.date } : {}),
          ...(r.institution ? { institution: r.institution } : {}),
          mimeType: MIME[f.format] ?? 'application/octet-stream',
          fileName: f.original_name,
          ...(isViewableDocument(f.format) ? { viewFormat: f.format } : {}),
          source: blobSource(vault, f.blob_id, f.size),
        });
  }
  const c = caseId ? getCase(db, caseId) : null;
  const input: BundleInput = { appVersion, createdAt: new Date(), patient: patientOf(db, records, caseId), studies, documents, ...journeyParts(db, recordIds, c), ...(several ? { patients: several.patients } : {}) };
  if (c) input.case = { title: c.title, question: c.question, questions: c.questions, provider: c.provider, sentSeparately: sentSeparately(c) };
  return input;
}

/** One stored instance of a study, with its file's blob and size. */
type InstanceRow = Pick<FilesRow, 'blob_id' | 'size'> &
  Pick<InstancesRow, 'study_uid' | 'series_uid' | 'sop_uid' | 'sop_class_uid' | 'transfer_syntax' | 'modality' | 'series_description' | 'series_number' | 'instance_number' | 'rows' | 'columns' | 'frames' | 'pixel_data'>;

function study(vault: Vault, db: Db, r: RecordsRow): BundleStudy {
  const meta = JSON.parse(r.metadata) as Record<string, string>;
  const rows = studyInstances(db, r.id);
  return {
    studyInstanceUID: rows[0]?.study_uid ?? '',
    ...(meta.studyDescription ? { description: meta.studyDescription } : {}),
    ...(r.date ? { date: r.date } : {}),
    ...(meta.accessionNumber ? { accessionNumber: meta.accessionNumber } : {}),
    ...(meta.studyId ? { studyId: meta.studyId } : {}),
    ...(meta.studyTime ? { studyTime: meta.studyTime } : {}),
    ...(r.institution ? { institution: r.institution } : {}),
    series: studySeries(vault, rows),
  };
}

/** A study's instances in bundle order: by series number and UID, then instance number and UID. */
function studyInstances(db: Db, recordId: string): InstanceRow[] {
  return db
    .prepare(
      `SELECT i.series_uid, i.sop_uid, i.sop_class_uid, i.transfer_syntax, i.modality, i.series_description, i.series_number, i.instance_number,
              i.rows, i.columns, i.frames, f.blob_id, f.size, i.study_uid, i.pixel_data
       FROM instances i JOIN files f ON f.id = i.file_id WHERE i.record_id = ?
       ORDER BY i.series_number, i.series_uid, i.instance_number, i.sop_uid`,
    )
    .all(recordId) as InstanceRow[];
}

/** The instances grouped into their series, each series where its first instance comes. */
function studySeries(vault: Vault, rows: InstanceRow[]): BundleSeries[] {
  const out: BundleSeries[] = [];
  for (const row of rows) {
    let series = out.find((s) => s.seriesInstanceUID === row.series_uid);
    if (!series) {
      series = {
        seriesInstanceUID: row.series_uid,
        modality: row.modality,
        ...(row.series_number !== null ? { number: row.series_number } : {}),
        ...(row.series_description ? { description: row.series_description } : {}),
        noImageData: rows.every((r) => r.series_uid !== row.series_uid || r.pixel_data === 0),
        instances: [],
      };
      out.push(series);
    }
    series.instances.push(bundleInstance(vault, row));
  }
  return out;
}

function bundleInstance(vault: Vault, row: InstanceRow): BundleInstance {
  return {
    sopInstanceUID: row.sop_uid,
    sopClassUID: row.sop_class_uid,
    transferSyntaxUID: row.transfer_syntax,
    ...(row.instance_number !== null ? { instanceNumber: row.instance_number } : {}),
    // No rows: not an image (a report, a presentation state): it has no viewer images.
    frames: row.rows && row.pixel_data ? (row.frames ?? 1) : 0,
    ...(row.rows ? { rows: row.rows } : {}),
    ...(row.columns ? { columns: row.columns } : {}),
    source: blobSource(vault, row.blob_id, row.size),
  };
}

/** The patient as one record states it (a study's DICOM files, for its DICOMDIR patient record). */
function carriedPatient(r: RecordsRow): BundlePatient {
  return {
    name: r.patient_name ?? '',
    ...(r.patient_name ? { dicomName: r.patient_name } : {}),
    ...(r.patient_id ? { id: r.patient_id } : {}),
    ...(r.patient_birth_date ? { birthDate: r.patient_birth_date } : {}),
    ...(r.patient_sex ? { sex: r.patient_sex } : {}),
  };
}

/** The patient the bundle is about: the case's person, else the identity the records carry most. */
function patientOf(db: Db, records: RecordsRow[], caseId: string | null): BundleInput['patient'] {
  const dicom = records.find((r) => r.identity_source === 'dicom' && r.patient_name);
  const carried = records.filter((r) => r.patient_name);
  const counts = new Map<string, number>();
  for (const r of carried) counts.set(r.patient_name!, (counts.get(r.patient_name!) ?? 0) + 1);
  const commonest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const source = carried.find((r) => r.patient_name === commonest);
  const person = caseId
    ? (db.prepare('SELECT p.name, p.birth_date FROM cases c JOIN people p ON p.id = c.person_id WHERE c.id = ?').get(caseId) as Pick<PeopleRow, 'name' | 'birth_date'> | undefined)
    : undefined;
  const display = person?.name ?? commonest ?? '';
  const birthDate = person?.birth_date ?? source?.patient_birth_date ?? dicom?.patient_birth_date ?? undefined;
  const id = dicom?.patient_id ?? source?.patient_id ?? undefined;
  const sex = dicom?.patient_sex ?? source?.patient_sex ?? undefined;
  return {
    name: display,
    ...(dicom?.patient_name ? { dicomName: dicom.patient_name } : {}),
    ...(id ? { id } : {}),
    ...(birthDate ? { birthDate } : {}),
    ...(sex ? { sex } : {}),
  };
}
