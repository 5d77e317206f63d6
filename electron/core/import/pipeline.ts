// The import pipeline: every dropped file ends as imported, duplicate, or skipped with a reason.
// Durability: a file's encrypted blob is fsynced and renamed before its rows are inserted; rows
// are committed in batches, and a file is reported "imported" only after its batch commits. A
// killed import therefore loses only files it had not yet reported.
import type { ImportOutcome, ImportProgress, ImportSummary } from '../../../shared/domain.js';
import { sharedOcr } from '../documents/ocr/ocr-client.js';
import type { Vault } from '../vault/vault.js';
import { DossierError } from '../base/errors.js';
import { insertDocument, insertInstance, recordWithBlob, recordWithBlobAnyState, replaceFileBlob, storedInstance, studyRecordId, type StoredInstance } from './record-writer.js';
import { parseDicomInstance } from '../dicom/parse.js';
import { recordFacts } from './record-facts.js';
import { newId } from '../base/ids.js';
import { stripControlsDeep } from '../base/text-safety.js';
import { SkipFile, type Analysis, type AnalyzerInput, type PageProgress } from '../base/analysis.js';
import { ANALYZE_LIMIT, analyzerFor, detectFormat, genericAnalysis, misnamedReason, programKind } from './content-type.js';
import { planTree, type PlannedEntry } from './plan.js';
import { bytesSource, type ImportSource } from './source.js';
import { walkPath, type Skip, type Tree } from './walk.js';
import { zipTree } from './zip-tree.js';

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Called for each file as soon as its outcome is final (committed). */
  onOutcome?: (o: ImportOutcome) => void;
  signal?: AbortSignal;
  /** Commit after this many files (default 64) or this many ms (default 1000). */
  batchFiles?: number;
  batchMs?: number;
  /** Read text from photos and scanned PDF pages (OCR). Default on; false switches it off. */
  ocr?: boolean;
  /** Progress through the pages of the file being analysed ("Reading text: 12 of 50 pages"). */
  onPageProgress?: (p: PageProgress & { currentFile: string }) => void;
}

const HEAD_BYTES = 64 * 1024;
const MAX_EMBED_DEPTH = 2;

export class Importer {
  private readonly outcomes: ImportOutcome[] = [];
  private pending: ImportOutcome[] = [];
  /** Damaged blobs replaced in the open batch: removed once the batch is committed. */
  private readonly replaced: string[] = [];
  private inTransaction = false;
  private batchStarted = 0;
  private filesDone = 0;
  private filesTotal = 0;
  private bytesDone = 0;

  constructor(
    private readonly vault: Vault,
    private readonly options: ImportOptions = {},
  ) {}

  async importPaths(paths: string[]): Promise<ImportSummary> {
    return this.run(async () => {
      for (const p of paths) await this.importTree(await walkPath(p));
    });
  }

  async importSources(sources: ImportSource[]): Promise<ImportSummary> {
    return this.run(() => this.importTree({ entries: sources.map((s) => ({ relPath: s.name, source: s })), skipped: [] }));
  }

  /** Runs the work, commits the last batch; a stop (cancel, lock) keeps what was committed and says so. */
  private async run(work: () => Promise<void>): Promise<ImportSummary> {
    try {
      await work();
      this.commit();
    } catch (err) {
      this.finishAfterError();
      if (err instanceof ImportStopped) return summarize(this.outcomes, err.reason);
      throw err;
    }
    return summarize(this.outcomes);
  }

  private async importTree(tree: Tree): Promise<void> {
    const plan = await planTree(tree);
    this.filesTotal += plan.entries.length + plan.skipped.length;
    for (const s of plan.skipped) this.settle({ path: s.path, status: 'skipped', reason: s.reason });
    for (const entry of plan.entries) {
      if (this.options.signal?.aborted) throw this.stopped();
      await this.importEntry(entry, 0);
    }
  }

  private stopped(): ImportStopped {
    return new ImportStopped(this.options.signal?.reason === 'locked' ? 'locked' : 'cancelled');
  }

  private async importEntry(entry: PlannedEntry, embedDepth: number): Promise<void> {
    const source = entry.source;
    this.progress(source.displayPath);
    try {
      const head = await source.readHead(HEAD_BYTES);
      const program = programKind(head, source.name);
      if (program) return this.skip(source, `${program}: software, not a medical record`);
      const format = detectFormat(head, source.name);
      if (format === 'zip') return await this.importZip(source);
      const misnamed = source.size > 0 ? misnamedReason(source.name, format) : null;
      if (misnamed) return this.skip(source, misnamed);
      // On a CD/USB stick, only DICOM, PDFs and documents an IHE XDM package lists are records.
      if (entry.onMedia && !entry.xdm && format !== 'dicom' && format !== 'pdf')
        return this.skip(source, 'not a medical record: viewer software or other content of the CD/USB media');
      const analyzer = analyzerFor(format);
      let analysis: Analysis;
      let bytes: Uint8Array | null = null;
      // An empty file is still kept (it may matter to the person); there is nothing to analyse.
      if (analyzer && source.size > 0 && source.size <= (ANALYZE_LIMIT[format] ?? 0)) {
        bytes = await source.readAll();
        analysis = await analyzer(this.analyzerInput(source, bytes));
      } else {
        analysis = genericAnalysis(source.name, format);
      }
      if (entry.xdm) applyXdm(analysis, entry.xdm);
      // Text from a file is data, never terminal or markup commands: control characters go here, once.
      await this.store(source, cleanAnalysis(analysis), bytes);
      if (analysis.embedded?.length && embedDepth < MAX_EMBED_DEPTH) {
        for (const e of analysis.embedded)
          await this.importEntry({ relPath: e.name, source: bytesSource(`${source.displayPath} › ${e.name}`, e.name, e.bytes), onMedia: false }, embedDepth + 1);
      }
    } catch (err) {
      if (err instanceof ImportStopped) throw err;
      // A stop asked for while a file was being read (OCR honours the signal): stop here too.
      if (this.options.signal?.aborted) throw this.stopped();
      if (err instanceof SkipFile) return this.skip(source, err.message);
      if (err instanceof DossierError && (err.code === 'disk-full' || err.code === 'cancelled' || err.code === 'damaged')) throw err;
      if (err instanceof DossierError) return this.skip(source, err.message);
      return this.skip(source, `could not be imported: ${(err as Error)?.message ?? String(err)}`);
    }
  }

  private analyzerInput(source: ImportSource, bytes: Uint8Array): AnalyzerInput {
    const input: AnalyzerInput = { name: source.name, bytes };
    if (this.options.ocr !== false) input.ocr = sharedOcr();
    const onPage = this.options.onPageProgress;
    if (onPage) input.onPageProgress = (p) => onPage({ ...p, currentFile: source.displayPath });
    if (this.options.signal) input.signal = this.options.signal;
    return input;
  }

  private async importZip(source: ImportSource): Promise<void> {
    let zip;
    try {
      zip = await source.openZip();
    } catch (err) {
      return this.skip(source, `zip archive could not be opened: ${(err as { reason?: string }).reason ?? (err as Error).message}`);
    }
    try {
      const tree = await zipTree(zip, source.displayPath);
      this.filesDone++; // the archive itself counts as done; its entries are counted next
      await this.importTree(tree);
    } finally {
      await zip.close();
    }
  }

  /** Writes the blob (durable, carrying its record's facts), then the rows inside the current batch. */
  private async store(source: ImportSource, analysis: Analysis, bytes: Uint8Array | null): Promise<void> {
    const db = this.vault.db;
    if (analysis.dicom) {
      const stored = storedInstance(db, analysis.dicom.sopInstanceUID);
      if (stored && (await this.intact(stored))) return this.settle({ path: source.displayPath, status: 'duplicate', recordId: stored.recordId, reason: 'this image (same SOP Instance UID) is already in the vault' }, source.size);
      if (stored) return this.replaceDamaged(source, analysis, bytes, stored);
    }
    const ids = {
      recordId: (analysis.dicom && studyRecordId(db, analysis.dicom.studyInstanceUID)) || newId(),
      fileId: newId(),
      importedAt: new Date().toISOString(),
    };
    const put = await this.vault.blobs.put(bytes ? oneChunk(bytes) : source.stream(), {
      facts: () => recordFacts(ids, source, analysis) as unknown as Record<string, unknown>,
      // An identical blob no live record uses (an interrupted import, the trash) takes this record's facts.
      keepExisting: (blobId) => recordWithBlob(db, blobId) !== null,
    });
    if (put.size !== source.size && !bytes)
      throw new DossierError('unreadable', `file changed while it was being read (${source.size} → ${put.size} bytes)`);
    if (!analysis.dicom && put.existed) {
      const existing = recordWithBlob(db, put.blobId);
      if (existing) return this.settle({ path: source.displayPath, status: 'duplicate', recordId: existing, reason: 'same content as a file already in the vault' }, source.size);
    }
    this.begin();
    const file = { id: ids.fileId, blobId: put.blobId, size: put.size, originalName: source.name, originalPath: source.displayPath, importedAt: ids.importedAt };
    db.exec('SAVEPOINT file');
    let recordId: string;
    try {
      recordId = analysis.dicom ? insertInstance(db, ids.recordId, analysis, analysis.dicom, file) : insertDocument(db, ids.recordId, analysis, file);
      db.exec('RELEASE file');
    } catch (err) {
      db.exec('ROLLBACK TO file');
      db.exec('RELEASE file');
      throw err;
    }
    this.settle({ path: source.displayPath, status: 'imported', recordId }, source.size);
  }

  /** Whether the stored copy of an instance is whole: authentic, complete, and still a readable DICOM file. */
  private async intact(stored: StoredInstance): Promise<boolean> {
    try {
      const reader = await this.vault.blobs.open(stored.blobId);
      try {
        parseDicomInstance(await reader.readAll());
        return true;
      } finally {
        await reader.close();
      }
    } catch {
      return false;
    }
  }

  /** An intact copy of an instance whose stored copy is damaged takes its place; the record keeps its id. */
  private async replaceDamaged(source: ImportSource, analysis: Analysis, bytes: Uint8Array | null, stored: StoredInstance): Promise<void> {
    const ids = { recordId: stored.recordId, fileId: stored.fileId, importedAt: new Date().toISOString() };
    const put = await this.vault.blobs.put(bytes ? oneChunk(bytes) : source.stream(), {
      facts: () => recordFacts(ids, source, analysis) as unknown as Record<string, unknown>,
      keepExisting: () => false,
    });
    this.begin();
    replaceFileBlob(this.vault.db, stored.fileId, put.blobId, put.size);
    // The damaged blob goes only once no row uses it (positive evidence: it was replaced).
    this.replaced.push(stored.blobId);
    this.settle({ path: source.displayPath, status: 'imported', recordId: stored.recordId, reason: 'replaced a damaged copy of this image' }, source.size);
  }

  private skip(source: ImportSource, reason: string): void {
    this.settle({ path: source.displayPath, status: 'skipped', reason }, source.size);
  }

  /** Queues an outcome; it is reported when the batch commits (immediately if none is open). */
  private settle(outcome: ImportOutcome, bytes = 0): void {
    this.filesDone++;
    this.bytesDone += bytes;
    if (this.inTransaction) {
      this.pending.push(outcome);
      const full = this.pending.length >= (this.options.batchFiles ?? 64);
      const old = Date.now() - this.batchStarted >= (this.options.batchMs ?? 1000);
      if (full || old) this.commit();
    } else {
      this.report(outcome);
    }
    this.progress('');
  }

  private begin(): void {
    if (this.inTransaction) return;
    this.vault.db.exec('BEGIN IMMEDIATE');
    this.inTransaction = true;
    this.batchStarted = Date.now();
  }

  private commit(): void {
    if (this.inTransaction) {
      this.vault.db.exec('COMMIT');
      this.inTransaction = false;
    }
    for (const blobId of this.replaced.splice(0)) if (!recordWithBlobAnyState(this.vault.db, blobId)) this.vault.blobs.removeSync(blobId);
    const done = this.pending;
    this.pending = [];
    for (const o of done) this.report(o);
  }

  /** Keeps the files already stored in this batch (they are complete); rolls back only if that fails. */
  private finishAfterError(): void {
    try {
      this.commit();
    } catch {
      this.rollback();
    }
  }

  private rollback(): void {
    if (this.inTransaction) {
      this.vault.db.exec('ROLLBACK');
      this.inTransaction = false;
    }
    this.pending = [];
  }

  private report(outcome: ImportOutcome): void {
    this.outcomes.push(outcome);
    this.options.onOutcome?.(outcome);
  }

  private progress(currentFile: string): void {
    this.options.onProgress?.({ filesDone: this.filesDone, filesTotal: this.filesTotal, bytesDone: this.bytesDone, currentFile });
  }
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** The analysis with control characters removed from every extracted string (embedded bytes untouched). */
function cleanAnalysis(analysis: Analysis): Analysis {
  const { embedded, ...rest } = analysis;
  return { ...stripControlsDeep(rest), ...(embedded ? { embedded } : {}) };
}

function applyXdm(analysis: Analysis, xdm: NonNullable<PlannedEntry['xdm']>): void {
  if (xdm.title) analysis.title = xdm.title;
  if (xdm.date) (analysis.date = xdm.date), (analysis.dateGuessed = false);
  if (xdm.institution) analysis.institution = xdm.institution;
  if (xdm.type) (analysis.type = xdm.type), (analysis.typeGuessed = false);
  if (xdm.identity && !analysis.identity) analysis.identity = xdm.identity;
  analysis.metadata = { ...analysis.metadata, xdm: true };
}

/** Thrown between files when the import's signal is aborted (reason 'locked' or anything else: cancelled). */
class ImportStopped extends Error {
  constructor(readonly reason: 'cancelled' | 'locked') {
    super(reason);
  }
}

export function summarize(outcomes: ImportOutcome[], stopped?: 'cancelled' | 'locked'): ImportSummary {
  const ids = new Set<string>();
  for (const o of outcomes) if (o.status === 'imported' && o.recordId) ids.add(o.recordId);
  return {
    outcomes,
    imported: outcomes.filter((o) => o.status === 'imported').length,
    duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
    skipped: outcomes.filter((o) => o.status === 'skipped').length,
    recordIds: [...ids],
    ...(stopped ? { stopped } : {}),
  };
}

export type { Skip };
