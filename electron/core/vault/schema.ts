// The database schema, applied in numbered steps so older vaults upgrade in place.
export const SCHEMA_STEPS: string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    birth_date TEXT,
    relation TEXT NOT NULL DEFAULT 'self',
    created_at TEXT NOT NULL
  );
  CREATE TABLE records (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    type TEXT NOT NULL,
    type_guessed INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    date TEXT,
    date_guessed INTEGER NOT NULL DEFAULT 0,
    institution TEXT,
    person_id TEXT REFERENCES people(id) ON DELETE SET NULL,
    patient_name TEXT,
    patient_id TEXT,
    patient_birth_date TEXT,
    patient_sex TEXT,
    identity_source TEXT,
    format TEXT NOT NULL,
    study_uid TEXT UNIQUE,
    page_count INTEGER,
    text_chars INTEGER,
    metadata TEXT NOT NULL DEFAULT '{}',
    notes TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  );
  CREATE INDEX records_date ON records(date);
  CREATE TABLE files (
    id TEXT PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    blob_id TEXT NOT NULL,
    original_name TEXT NOT NULL,
    original_path TEXT NOT NULL,
    size INTEGER NOT NULL,
    format TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX files_record ON files(record_id);
  CREATE INDEX files_blob ON files(blob_id);
  CREATE TABLE instances (
    file_id TEXT PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    study_uid TEXT NOT NULL,
    series_uid TEXT NOT NULL,
    sop_uid TEXT NOT NULL UNIQUE,
    sop_class_uid TEXT NOT NULL,
    transfer_syntax TEXT NOT NULL,
    modality TEXT NOT NULL DEFAULT '',
    series_description TEXT NOT NULL DEFAULT '',
    series_number INTEGER,
    instance_number INTEGER,
    rows INTEGER,
    columns INTEGER,
    frames INTEGER
  );
  CREATE INDEX instances_series ON instances(record_id, series_uid);
  CREATE VIRTUAL TABLE record_text USING fts5(title, body, descriptions, tokenize = 'unicode61 remove_diacritics 2');
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    question TEXT NOT NULL DEFAULT '',
    person_id TEXT REFERENCES people(id) ON DELETE SET NULL,
    provider TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE case_records (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (case_id, record_id)
  );
  CREATE TABLE case_questions (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (case_id, position)
  );
  CREATE TABLE shares (
    id TEXT PRIMARY KEY,
    case_id TEXT REFERENCES cases(id) ON DELETE SET NULL,
    exported_at TEXT NOT NULL,
    provider_name TEXT NOT NULL DEFAULT '',
    destination_kind TEXT NOT NULL,
    destination TEXT NOT NULL,
    encrypted INTEGER NOT NULL DEFAULT 0,
    file_count INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    record_ids TEXT NOT NULL DEFAULT '[]'
  );
  `,
  // 2: blobs whose records were purged from the trash, until the files themselves are removed.
  `
  CREATE TABLE purged_blobs (blob_id TEXT PRIMARY KEY, purged_at TEXT NOT NULL);
  `,
  // 3: the second-opinion journey — health summary items (typed, or suggested by imports and linked
  // to their records), the free-text history, case status and practical details, physical items sent
  // separately, opinions with their answers, and the person's own agree/differ marks.
  `
  CREATE TABLE health_items (
    id TEXT PRIMARY KEY,
    person_id TEXT REFERENCES people(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    norm TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX health_items_key ON health_items(kind, norm);
  CREATE TABLE health_item_sources (
    item_id TEXT NOT NULL REFERENCES health_items(id) ON DELETE CASCADE,
    record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, record_id)
  );
  CREATE INDEX health_item_sources_record ON health_item_sources(record_id);
  CREATE TABLE health_history (
    person_key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  ALTER TABLE cases ADD COLUMN status TEXT NOT NULL DEFAULT 'planning';
  ALTER TABLE cases ADD COLUMN journey TEXT NOT NULL DEFAULT '{}';
  CREATE TABLE case_items (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    what TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    carrier TEXT NOT NULL DEFAULT '',
    tracking TEXT NOT NULL DEFAULT '',
    dates TEXT NOT NULL DEFAULT '{}',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  );
  CREATE INDEX case_items_case ON case_items(case_id);
  CREATE TABLE opinions (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'second',
    date TEXT,
    record_id TEXT REFERENCES records(id) ON DELETE SET NULL,
    fields TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX opinions_case ON opinions(case_id);
  CREATE TABLE opinion_answers (
    opinion_id TEXT NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    PRIMARY KEY (opinion_id, question)
  );
  CREATE TABLE opinion_marks (
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    topic_key TEXT NOT NULL,
    agreement TEXT NOT NULL,
    values_key TEXT NOT NULL,
    PRIMARY KEY (case_id, topic_key)
  );
  `,
  // 4: cached thumbnails (records/thumbnail-cache.ts). The picture is an encrypted blob; a row
  // with no blob remembers that a record has none. Its blob goes when the row does (purged_blobs).
  `
  CREATE TABLE thumbnails (
    record_id TEXT PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
    blob_id TEXT,
    mime TEXT,
    width INTEGER,
    height INTEGER,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX thumbnails_blob ON thumbnails(blob_id);
  `,
  // 5: instances that hold no Pixel Data (attributes only): kept, shown as "no image data".
  `
  ALTER TABLE instances ADD COLUMN pixel_data INTEGER NOT NULL DEFAULT 1;
  `,
  // 6: which import a record came from (records imported together: "add the whole CD").
  `
  ALTER TABLE records ADD COLUMN import_id TEXT;
  CREATE INDEX records_import ON records(import_id);
  `,
];
