// Group commit for the import: files are read, analysed and encrypted to temporary names while
// earlier ones wait here; a batch is then made durable together — every staged blob synced in
// parallel, renamed, each blob folder synced once — and only then are its rows inserted in one
// transaction and its files reported. The promise is unchanged: a file is reported only after its
// blob and its rows are durable, so a killed import loses only files it had not reported.
import { existsSync } from 'node:fs';
import type { ImportOutcome } from '../../../shared/domain.js';
import type { DuplicateOf } from '../../../shared/import-outcomes.js';
import type { Analysis } from '../base/analysis.js';
import type { StagedBlob } from '../vault/blob-store.js';
import type { Vault } from '../vault/vault.js';
import type { ImportSource } from './source.js';
import { insertDocument, insertInstance, recordWithBlob, recordWithBlobAnyState, replaceFileBlob, storedInstance, type StoredInstance } from './record-writer.js';

/** A file read, analysed and staged, waiting for its batch to commit. */
export interface PreparedFile {
  /** Order in which the file was reached: of two copies in one batch, the first reached is kept. */
  seq: number;
  source: ImportSource;
  analysis: Analysis;
  /** `importId`: the import run that brought the file (records imported together share it). */
  ids: { recordId: string; fileId: string; importedAt: string; importId: string };
  staged: StagedBlob;
  /** An intact copy of an instance whose stored copy is damaged: it takes that copy's place. */
  replaces?: StoredInstance;
}

/** When a batch commits: this many files, this many bytes, or this long after its first file. */
export const BATCH_LIMITS = { files: 256, bytes: 128 * 1024 * 1024, ms: 1000 };

type Decision = { kind: 'insert' } | { kind: 'replace'; stored: StoredInstance } | { kind: 'duplicate'; recordId: string; of: DuplicateOf };

export class ImportBatch {
  private items: PreparedFile[] = [];
  private bytes = 0;
  private started = 0;

  constructor(
    private readonly vault: Vault,
    private readonly report: (outcome: ImportOutcome, bytes: number) => void,
  ) {}

  add(item: PreparedFile): void {
    if (!this.items.length) this.started = Date.now();
    this.items.push(item);
    this.bytes += item.staged.size;
  }

  get full(): boolean {
    return this.items.length >= BATCH_LIMITS.files || this.bytes >= BATCH_LIMITS.bytes || (this.items.length > 0 && Date.now() - this.started >= BATCH_LIMITS.ms);
  }

  /** Makes the waiting files durable and reports them; the next files start a new batch meanwhile. */
  async commit(): Promise<void> {
    // Files prepared side by side finish in any order; decide in the order they were reached.
    const items = this.items.sort((a, b) => a.seq - b.seq);
    this.items = [];
    this.bytes = 0;
    if (!items.length) return;
    const decisions = this.decide(items);
    const stored = items.filter((_item, i) => decisions[i]!.kind !== 'duplicate').map((item) => item.staged.blobId);
    // Blobs this batch puts in place: removed again if its rows do not go in (nothing else lists them).
    const created = stored.filter((blobId) => !existsSync(this.vault.blobs.pathOf(blobId)));
    let outcomes: ImportOutcome[];
    try {
      await this.vault.blobs.settle(items.map((item, i) => ({ staged: item.staged, action: decisions[i]!.kind === 'duplicate' ? 'discard' : 'store' })));
      outcomes = this.insertRows(items, decisions);
    } catch (err) {
      // A failed commit (the disk full, the disk gone) leaves no blob no row lists, and gives back its space.
      for (const blobId of created) if (!recordWithBlobAnyState(this.vault.db, blobId)) this.vault.blobs.removeSync(blobId);
      throw err;
    }
    for (const d of decisions) if (d.kind === 'replace' && !recordWithBlobAnyState(this.vault.db, d.stored.blobId)) this.vault.blobs.removeSync(d.stored.blobId);
    items.forEach((item, i) => this.report(outcomes[i]!, item.source.size));
  }

  /** Drops what was staged but not committed (an import that stopped with an error). */
  async discard(): Promise<void> {
    const items = this.items;
    this.items = [];
    await this.vault.blobs.discard(items.map((i) => i.staged));
  }

  /** In order: the second copy of an image or of a file's content — in the vault or in this batch — is a duplicate. */
  private decide(items: PreparedFile[]): Decision[] {
    const db = this.vault.db;
    const sops = new Map<string, string>();
    const blobs = new Map<string, string>();
    return items.map((item): Decision => {
      const sop = item.analysis.dicom?.sopInstanceUID;
      if (item.replaces) return { kind: 'replace', stored: item.replaces };
      const sameImage = sop ? (sops.get(sop) ?? storedInstance(db, sop)?.recordId) : undefined;
      if (sameImage) return { kind: 'duplicate', recordId: sameImage, of: 'same-image' };
      const sameContent = blobs.get(item.staged.blobId) ?? (sop ? null : recordWithBlob(db, item.staged.blobId));
      if (sameContent) return { kind: 'duplicate', recordId: sameContent, of: 'same-content' };
      if (sop) sops.set(sop, item.ids.recordId);
      blobs.set(item.staged.blobId, item.ids.recordId);
      return { kind: 'insert' };
    });
  }

  /** One transaction for the batch; a file whose rows fail is skipped with the reason, the others go in. */
  private insertRows(items: PreparedFile[], decisions: Decision[]): ImportOutcome[] {
    const db = this.vault.db;
    return db.transaction(() =>
      items.map((item, i): ImportOutcome => {
        const d = decisions[i]!;
        const path = item.source.displayPath;
        if (d.kind === 'duplicate') return { path, status: 'duplicate', recordId: d.recordId, duplicate: d.of };
        if (d.kind === 'replace') {
          replaceFileBlob(db, d.stored.fileId, item.staged.blobId, item.staged.size);
          return { path, status: 'imported', recordId: d.stored.recordId, replaced: 'damaged-copy' };
        }
        db.exec('SAVEPOINT file');
        try {
          const recordId = insertRecordRows(this.vault, item);
          db.exec('RELEASE file');
          return { path, status: 'imported', recordId };
        } catch (err) {
          db.exec('ROLLBACK TO file');
          db.exec('RELEASE file');
          return { path, status: 'skipped', skip: { code: 'failed', detail: (err as Error).message } };
        }
      }),
    )();
  }
}

function insertRecordRows(vault: Vault, item: PreparedFile): string {
  const { analysis, ids, staged, source } = item;
  const file = { id: ids.fileId, blobId: staged.blobId, size: staged.size, originalName: source.name, originalPath: source.displayPath, importedAt: ids.importedAt, importId: ids.importId };
  return analysis.dicom ? insertInstance(vault.db, ids.recordId, analysis, analysis.dicom, file) : insertDocument(vault.db, ids.recordId, analysis, file);
}
