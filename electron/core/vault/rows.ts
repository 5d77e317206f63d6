// The columns of every table in the vault database (schema.ts), written once: each column's
// storage kind and whether it may be NULL. The row types every module reads with are derived from
// this one description, so a column's type is declared in one place, and test/vault/rows.test.ts
// compares it with the schema a fresh vault really has (a column added in a migration and not
// here fails that test).
//
// 'text' / 'int' are TEXT / INTEGER columns; a trailing '?' marks a column that may be NULL. A
// primary key column is described as NOT NULL: Dossier always writes its ids, although SQLite
// (for compatibility) does not enforce NOT NULL on a non-INTEGER primary key. record_text is the
// FTS5 index; its columns have no declared type and are read as text.

export type ColumnKind = 'text' | 'text?' | 'int' | 'int?';

export const TABLES = {
  meta: { key: 'text', value: 'text' },
  people: { id: 'text', name: 'text', birth_date: 'text?', relation: 'text', created_at: 'text' },
  records: {
    id: 'text',
    kind: 'text',
    type: 'text',
    type_guessed: 'int',
    title: 'text',
    date: 'text?',
    date_guessed: 'int',
    institution: 'text?',
    person_id: 'text?',
    patient_name: 'text?',
    patient_id: 'text?',
    patient_birth_date: 'text?',
    patient_sex: 'text?',
    identity_source: 'text?',
    format: 'text',
    study_uid: 'text?',
    page_count: 'int?',
    text_chars: 'int?',
    metadata: 'text',
    notes: 'text',
    tags: 'text',
    imported_at: 'text',
    updated_at: 'text',
    deleted_at: 'text?',
    import_id: 'text?',
  },
  files: {
    id: 'text',
    record_id: 'text',
    blob_id: 'text',
    original_name: 'text',
    original_path: 'text',
    size: 'int',
    format: 'text',
    imported_at: 'text',
    metadata: 'text',
  },
  instances: {
    file_id: 'text',
    record_id: 'text',
    study_uid: 'text',
    series_uid: 'text',
    sop_uid: 'text',
    sop_class_uid: 'text',
    transfer_syntax: 'text',
    modality: 'text',
    series_description: 'text',
    series_number: 'int?',
    instance_number: 'int?',
    rows: 'int?',
    columns: 'int?',
    frames: 'int?',
    pixel_data: 'int',
  },
  record_text: { title: 'text?', body: 'text?', descriptions: 'text?' },
  cases: {
    id: 'text',
    title: 'text',
    question: 'text',
    person_id: 'text?',
    provider: 'text',
    created_at: 'text',
    updated_at: 'text',
    status: 'text',
    journey: 'text',
  },
  case_records: { case_id: 'text', record_id: 'text', position: 'int' },
  case_questions: { case_id: 'text', position: 'int', text: 'text' },
  shares: {
    id: 'text',
    case_id: 'text?',
    exported_at: 'text',
    provider_name: 'text',
    destination_kind: 'text',
    destination: 'text',
    encrypted: 'int',
    file_count: 'int',
    bytes: 'int',
    manifest_sha256: 'text',
    record_ids: 'text',
  },
  purged_blobs: { blob_id: 'text', purged_at: 'text' },
  health_items: {
    id: 'text',
    person_id: 'text?',
    kind: 'text',
    text: 'text',
    norm: 'text',
    fields: 'text',
    status: 'text',
    created_at: 'text',
    updated_at: 'text',
  },
  health_item_sources: { item_id: 'text', record_id: 'text' },
  health_history: { person_key: 'text', text: 'text', updated_at: 'text' },
  case_items: {
    id: 'text',
    case_id: 'text',
    what: 'text',
    source: 'text',
    status: 'text',
    carrier: 'text',
    tracking: 'text',
    dates: 'text',
    notes: 'text',
    created_at: 'text',
  },
  opinions: {
    id: 'text',
    case_id: 'text',
    author: 'text',
    role: 'text',
    date: 'text?',
    record_id: 'text?',
    fields: 'text',
    created_at: 'text',
    updated_at: 'text',
  },
  opinion_answers: { opinion_id: 'text', question: 'text', answer: 'text' },
  opinion_marks: { case_id: 'text', topic_key: 'text', agreement: 'text', values_key: 'text' },
  thumbnails: { record_id: 'text', blob_id: 'text?', mime: 'text?', width: 'int?', height: 'int?', source: 'text', created_at: 'text' },
} as const satisfies Record<string, Record<string, ColumnKind>>;

export type TableName = keyof typeof TABLES;

/** The value a column of this kind reads as. */
export type ColumnValue<K extends ColumnKind> = K extends 'text' ? string : K extends 'text?' ? string | null : K extends 'int' ? number : number | null;

/** A whole row of `table`, as `SELECT *` returns it. */
export type RowOf<T extends TableName> = { -readonly [C in keyof (typeof TABLES)[T]]: (typeof TABLES)[T][C] extends ColumnKind ? ColumnValue<(typeof TABLES)[T][C]> : never };

/**
 * A row whose text columns hold a domain type, e.g. `Narrowed<CasesRow, { status: CaseStatus }>`.
 * Only existing columns, and only types that fit the column, are accepted.
 */
export type Narrowed<R, Columns extends { [C in keyof Columns]: C extends keyof R ? R[C] : never }> = Omit<R, keyof Columns> & Columns;

/** The rowid every ordinary table (and the FTS index) has; not a declared column. */
export interface Rowid {
  rowid: number;
}

export type MetaRow = RowOf<'meta'>;
export type PeopleRow = RowOf<'people'>;
export type RecordsRow = RowOf<'records'>;
export type FilesRow = RowOf<'files'>;
export type InstancesRow = RowOf<'instances'>;
export type RecordTextRow = RowOf<'record_text'>;
export type CasesRow = RowOf<'cases'>;
export type CaseRecordsRow = RowOf<'case_records'>;
export type CaseQuestionsRow = RowOf<'case_questions'>;
export type SharesRow = RowOf<'shares'>;
export type PurgedBlobsRow = RowOf<'purged_blobs'>;
export type HealthItemsRow = RowOf<'health_items'>;
export type HealthItemSourcesRow = RowOf<'health_item_sources'>;
export type HealthHistoryRow = RowOf<'health_history'>;
export type CaseItemsRow = RowOf<'case_items'>;
export type OpinionsRow = RowOf<'opinions'>;
export type OpinionAnswersRow = RowOf<'opinion_answers'>;
export type OpinionMarksRow = RowOf<'opinion_marks'>;
export type ThumbnailsRow = RowOf<'thumbnails'>;
