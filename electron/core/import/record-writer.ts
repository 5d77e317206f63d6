// Inserts what the import pipeline (or rebuild-index) found: document records, imaging studies and
// their instances, the searchable text, and the health facts a document states (as suggestions). Ids and times come from the caller, so a record rebuilt
// from its blob's facts gets back exactly the ids it had. Called inside a transaction.
import { cached, type Db } from '../vault/database.js';
import type { FilesRow, InstancesRow, RecordsRow, Rowid } from '../vault/rows.js';
import type { Analysis, DicomInstanceInfo } from '../base/analysis.js';
import { forgetThumbnail } from '../records/thumbnail-cache.js';
import { suggestHealthItems } from '../records/health-suggestions.js';
import { refreshSearchDescriptions } from '../records/search-text.js';

export interface StoredFile {
  id: string;
  blobId: string;
  size: number;
  originalName: string;
  originalPath: string;
  importedAt: string;
  /** The import that brought the file (a new record takes it). */
  importId?: string;
}

function now(): string {
  return new Date().toISOString();
}

function insertFile(db: Db, recordId: string, analysis: Analysis, file: StoredFile): string {
  cached(db, 
    `INSERT INTO files (id, record_id, blob_id, original_name, original_path, size, format, imported_at, metadata)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(file.id, recordId, file.blobId, file.originalName, file.originalPath, file.size, analysis.format, file.importedAt, JSON.stringify(analysis.dicom ? analysis.dicom.tags : {}));
  return file.id;
}

/** The record of a study already in the vault (live or in the trash). */
export function studyRecordId(db: Db, studyUid: string): string | null {
  const row = cached(db, 'SELECT id FROM records WHERE study_uid = ?').get(studyUid) as Pick<RecordsRow, 'id'> | undefined;
  return row?.id ?? null;
}

export function recordExists(db: Db, id: string): boolean {
  return cached(db, 'SELECT 1 FROM records WHERE id = ?').get(id) !== undefined;
}

/** The record holding a file with this exact content, if any (live records only). */
export function recordWithBlob(db: Db, blobId: string): string | null {
  const row = cached(db, `SELECT f.record_id AS id FROM files f JOIN records r ON r.id = f.record_id WHERE f.blob_id = ? AND r.deleted_at IS NULL LIMIT 1`).get(blobId) as
    | { id: FilesRow['record_id'] }
    | undefined;
  return row?.id ?? null;
}

/** The stored copy of an instance: its record, file row and blob. */
export interface StoredInstance {
  recordId: string;
  fileId: string;
  blobId: string;
}

export function storedInstance(db: Db, sopUid: string): StoredInstance | null {
  const row = cached(db, `SELECT i.record_id, f.id AS file_id, f.blob_id FROM instances i JOIN files f ON f.id = i.file_id WHERE i.sop_uid = ?`).get(sopUid) as
    | (Pick<InstancesRow, 'record_id' | 'file_id'> & Pick<FilesRow, 'blob_id'>)
    | undefined;
  return row ? { recordId: row.record_id, fileId: row.file_id, blobId: row.blob_id } : null;
}

/** Points a file row at a new blob (a damaged stored copy replaced by an intact one; the record keeps its id). */
export function replaceFileBlob(db: Db, fileId: string, blobId: string, size: number): void {
  cached(db, 'UPDATE files SET blob_id = ?, size = ? WHERE id = ?').run(blobId, size, fileId);
}

/** Whether any file row (live record or in the trash) still uses a blob. */
export function recordWithBlobAnyState(db: Db, blobId: string): boolean {
  return cached(db, 'SELECT 1 FROM files WHERE blob_id = ? LIMIT 1').get(blobId) !== undefined;
}

export function recordWithSopInstance(db: Db, sopUid: string): string | null {
  const row = cached(db, `SELECT record_id AS id FROM instances WHERE sop_uid = ?`).get(sopUid) as { id: InstancesRow['record_id'] } | undefined;
  return row?.id ?? null;
}

export function insertDocument(db: Db, id: string, analysis: Analysis, file: StoredFile): string {
  const t = file.importedAt;
  const identity = analysis.identity;
  cached(db, 
    `INSERT INTO records (id, kind, type, type_guessed, title, date, date_guessed, institution, patient_name, patient_id,
       patient_birth_date, patient_sex, identity_source, format, page_count, text_chars, metadata, imported_at, updated_at, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    analysis.kind,
    analysis.type,
    analysis.typeGuessed ? 1 : 0,
    analysis.title,
    analysis.date ?? null,
    analysis.dateGuessed ? 1 : 0,
    analysis.institution ?? null,
    identity?.name ?? null,
    identity?.id ?? null,
    identity?.birthDate ?? null,
    identity?.sex ?? null,
    identity?.source ?? null,
    analysis.format,
    analysis.pageCount ?? null,
    analysis.text?.length ?? null,
    JSON.stringify(analysis.metadata),
    t,
    t,
    file.importId ?? null,
  );
  insertFile(db, id, analysis, file);
  const row = cached(db, 'SELECT rowid FROM records WHERE id = ?').get(id) as Rowid;
  cached(db, 'INSERT INTO record_text (rowid, title, body, descriptions) VALUES (?, ?, ?, ?)').run(row.rowid, analysis.title, analysis.text ?? '', '');
  refreshSearchDescriptions(db, id);
  suggestHealthItems(db, id, analysis.health ?? [], t);
  return id;
}

/** Adds a DICOM instance to its study's record, creating the record (as `newRecordId`) for a new study. */
export function insertInstance(db: Db, newRecordId: string, analysis: Analysis, info: DicomInstanceInfo, file: StoredFile): string {
  const existing = studyRecordId(db, info.studyInstanceUID);
  const recordId = existing ?? newRecordId;
  if (existing) reopenStudy(db, existing);
  else insertStudyRecord(db, recordId, analysis, info, file);
  const newSeries = !cached(db, 'SELECT 1 FROM instances WHERE record_id = ? AND series_uid = ? LIMIT 1').get(recordId, info.seriesInstanceUID);
  const fileId = insertFile(db, recordId, analysis, file);
  insertInstanceRow(db, fileId, recordId, info);
  // A new record or a new series changes what the study is found by; another image of a known series does not.
  if (!existing || newSeries) refreshSearchDescriptions(db, recordId);
  return recordId;
}

/** A study already in the vault takes one more instance. */
function reopenStudy(db: Db, recordId: string): void {
  // A study that was deleted and is imported again comes back.
  cached(db, 'UPDATE records SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL').run(now(), recordId);
  // New images may change which one is in the middle: draw the picture again when next asked.
  forgetThumbnail(db, recordId);
}

/** The record of a new study, from its first instance, with its (empty) search text. */
function insertStudyRecord(db: Db, recordId: string, analysis: Analysis, info: DicomInstanceInfo, file: StoredFile): void {
  const t = file.importedAt;
  const p = info.patient;
  cached(db, 
    `INSERT INTO records (id, kind, type, type_guessed, title, date, date_guessed, institution, patient_name, patient_id,
       patient_birth_date, patient_sex, identity_source, format, study_uid, metadata, imported_at, updated_at, import_id)
     VALUES (?, 'imaging', 'imaging', 0, ?, ?, 0, ?, ?, ?, ?, ?, 'dicom', 'dicom', ?, ?, ?, ?, ?)`,
  ).run(
    recordId,
    analysis.title,
    info.studyDate ?? null,
    info.institution ?? null,
    p.name ?? null,
    p.id ?? null,
    p.birthDate ?? null,
    p.sex ?? null,
    info.studyInstanceUID,
    JSON.stringify({
      studyDescription: info.studyDescription ?? '',
      accessionNumber: info.accessionNumber ?? '',
      studyId: info.studyId ?? '',
      studyTime: info.studyTime ?? '',
      referringPhysician: info.referringPhysician ?? '',
      bodyPart: info.bodyPart ?? '',
    }),
    t,
    t,
    file.importId ?? null,
  );
  const { rowid } = cached(db, 'SELECT rowid FROM records WHERE id = ?').get(recordId) as Rowid;
  cached(db, 'INSERT INTO record_text (rowid, title, body, descriptions) VALUES (?, ?, ?, ?)').run(rowid, analysis.title, '', '');
}

function insertInstanceRow(db: Db, fileId: string, recordId: string, info: DicomInstanceInfo): void {
  cached(db, 
    `INSERT INTO instances (file_id, record_id, study_uid, series_uid, sop_uid, sop_class_uid, transfer_syntax, modality,
       series_description, series_number, instance_number, rows, columns, frames, pixel_data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    fileId,
    recordId,
    info.studyInstanceUID,
    info.seriesInstanceUID,
    info.sopInstanceUID,
    info.sopClassUID,
    info.transferSyntaxUID,
    info.modality ?? '',
    info.seriesDescription ?? '',
    info.seriesNumber ?? null,
    info.instanceNumber ?? null,
    info.rows ?? null,
    info.columns ?? null,
    info.numberOfFrames ?? null,
    // Facts written before this field existed describe instances that had pixels.
    info.pixelData === false ? 0 : 1,
  );
}
