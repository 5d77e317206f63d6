// The import pipeline: every dropped file ends as imported, duplicate, or skipped with a reason.
// Files are read, analysed and encrypted a few at a time (while earlier ones are being written);
// import-batch.ts makes each batch durable together and only then reports it. A killed import
// therefore loses only files it had not yet reported.
import type { ImportOutcome, ImportProgress, ImportSummary } from '../../../shared/domain.js';
import { sharedOcr } from '../documents/ocr/ocr-client.js';
import type { Vault } from '../vault/vault.js';
import { DossierError } from '../base/errors.js';
import { storedInstance, studyRecordId, type StoredInstance } from './record-writer.js';
import { ImportBatch, type PreparedFile } from './import-batch.js';
import { parseDicomInstance } from '../dicom/parse.js';
import { recordFacts } from './record-facts.js';
import { newId } from '../base/ids.js';
import { stripControlsDeep } from '../base/text-safety.js';
import { SkipFile, type Analysis, type AnalyzerInput, type PageProgress } from '../base/analysis.js';
import { ANALYZE_LIMIT, analyzerFor, detectFormat, genericAnalysis, misnamedAs, programKind } from './content-type.js';
import type { SkipReason } from '../../../shared/import-outcomes.js';
import { planTree, type PlannedEntry } from './plan.js';
import { bytesSource, type ImportSource } from './source.js';
import { walkPath, type Skip, type Tree } from './walk.js';
import { zipTree } from './zip-tree.js';
import { ZipReadError } from '../archive/zip-read.js';

/** A file's place in the import: its number and when it was reached (its records' import time). */
interface Reached {
  seq: number;
  at: string;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Called for each file as soon as its outcome is final (committed). */
  onOutcome?: (o: ImportOutcome) => void;
  signal?: AbortSignal;
  /** Read text from photos and scanned PDF pages (OCR). Default on; false switches it off. */
  ocr?: boolean;
  /** Progress through the pages of the file being analysed ("Reading text: 12 of 50 pages"). */
  onPageProgress?: (p: PageProgress & { currentFile: string }) => void;
}

const HEAD_BYTES = 64 * 1024;
/** Files up to this size are read whole at once (one open, one read) rather than head then body. */
const READ_WHOLE_BYTES = 16 * 1024 * 1024;
const MAX_EMBED_DEPTH = 2;
/** Files read, analysed and encrypted at once (the top level of an import; a zip's entries go one by one). */
const PREPARE_CONCURRENCY = 4;

export class Importer {
  /** One id per import run: the records it brings were imported together. */
  private readonly importId = newId();
  private readonly outcomes: ImportOutcome[] = [];
  private readonly batch: ImportBatch;
  /** Commits run one after another; files keep being prepared meanwhile. */
  private committing: Promise<void> = Promise.resolve();
  /** New studies of this import, so files prepared side by side give one study one record. */
  private readonly newStudies = new Map<string, string>();
  private filesDone = 0;
  private filesTotal = 0;
  /** Order in which files are reached (the batch decides duplicates in this order). */
  private reached = 0;
  private bytesDone = 0;

  constructor(
    private readonly vault: Vault,
    private readonly options: ImportOptions = {},
  ) {
    this.batch = new ImportBatch(vault, (outcome, bytes) => this.settle(outcome, bytes));
  }

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
      await this.commit(true);
    } catch (err) {
      // Files already staged are complete: they are kept (committed) unless committing itself failed.
      if (!(await this.commit(true).then(() => true, () => false))) await this.batch.discard();
      if (err instanceof ImportStopped) return summarize(this.outcomes, err.reason);
      throw err;
    }
    return summarize(this.outcomes);
  }

  private async importTree(tree: Tree, concurrency = PREPARE_CONCURRENCY): Promise<void> {
    const plan = await planTree(tree);
    this.filesTotal += plan.entries.length + plan.skipped.length + plan.indexes.length;
    for (const s of plan.skipped) this.settle({ path: s.path, status: 'skipped', skip: s.reason });
    for (const i of plan.indexes) this.settle({ path: i.path, status: 'index', index: i.index });
    const inFlight = new Set<Promise<void>>();
    let failure: unknown = null;
    for (const entry of plan.entries) {
      if (this.options.signal?.aborted) failure ??= this.stopped();
      if (failure) break;
      const work = this.importEntry(entry, 0).catch((err: unknown) => void (failure ??= err));
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
  }

  private stopped(): ImportStopped {
    return new ImportStopped(this.options.signal?.reason === 'locked' ? 'locked' : 'cancelled');
  }

  private async importEntry(entry: PlannedEntry, embedDepth: number): Promise<void> {
    const source = entry.source;
    // Numbered and timed when reached, in the order of the files: what finishes first does not
    // change the order of the records (nor the order identity differences are named in).
    const reached: Reached = { seq: this.reached++, at: new Date().toISOString() };
    this.progress(source.displayPath);
    try {
      // A small file is read once, whole: its head for sniffing, the rest for its analyzer.
      const whole = source.size <= READ_WHOLE_BYTES ? await source.readAll() : null;
      const head = whole ? whole.subarray(0, HEAD_BYTES) : await source.readHead(HEAD_BYTES);
      const program = programKind(head, source.name);
      if (program) return this.skip(source, { code: 'program', program });
      const format = detectFormat(head, source.name);
      if (format === 'zip') return await this.importZip(source);
      const misnamed = source.size > 0 ? misnamedAs(source.name, format) : null;
      if (misnamed) return this.skip(source, { code: 'misnamed', expected: misnamed });
      // On a CD/USB stick, only DICOM, PDFs and documents an IHE XDM package lists are records.
      if (entry.onMedia && !entry.xdm && format !== 'dicom' && format !== 'pdf') return this.skip(source, { code: 'media-extra' });
      const analyzer = analyzerFor(format);
      let analysis: Analysis;
      let bytes: Uint8Array | null = null;
      // An empty file is still kept (it may matter to the person); there is nothing to analyse.
      if (analyzer && source.size > 0 && source.size <= (ANALYZE_LIMIT[format] ?? 0)) {
        bytes = whole ?? (await source.readAll());
        analysis = await analyzer(this.analyzerInput(source, bytes));
      } else {
        analysis = genericAnalysis(source.name, format);
      }
      if (entry.xdm) applyXdm(analysis, entry.xdm);
      // Text from a file is data, never terminal or markup commands: control characters go here, once.
      await this.store(reached, source, cleanAnalysis(analysis), bytes);
      if (analysis.embedded?.length && embedDepth < MAX_EMBED_DEPTH) {
        for (const e of analysis.embedded)
          await this.importEntry({ relPath: e.name, source: bytesSource(`${source.displayPath} › ${e.name}`, e.name, e.bytes), onMedia: false }, embedDepth + 1);
      }
    } catch (err) {
      if (err instanceof ImportStopped) throw err;
      if (err instanceof CommitFailed) throw err.cause;
      // A stop asked for while a file was being read (OCR honours the signal): stop here too.
      if (this.options.signal?.aborted) throw this.stopped();
      if (err instanceof SkipFile) return this.skip(source, err.reason);
      if (err instanceof DossierError && (err.code === 'disk-full' || err.code === 'cancelled' || err.code === 'damaged')) throw err;
      return this.skip(source, { code: 'failed', detail: (err as Error)?.message ?? String(err) });
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
      return this.skip(source, err instanceof ZipReadError ? err.reason : { code: 'zip-unreadable', detail: (err as Error)?.message ?? String(err) });
    }
    try {
      const tree = await zipTree(zip, source.displayPath);
      this.filesDone++; // the archive itself counts as done; its entries are counted next
      await this.importTree(tree, 1);
    } finally {
      await zip.close();
    }
  }

  /** Stages the file's blob (carrying its record's facts) and hands it to the batch. */
  private async store({ seq, at }: Reached, source: ImportSource, analysis: Analysis, bytes: Uint8Array | null): Promise<void> {
    let replaces: StoredInstance | undefined;
    if (analysis.dicom) {
      const stored = storedInstance(this.vault.db, analysis.dicom.sopInstanceUID);
      if (stored && (await this.intact(stored))) return this.settle({ path: source.displayPath, status: 'duplicate', recordId: stored.recordId, duplicate: 'same-image' }, source.size);
      if (stored) replaces = stored;
    }
    const ids = replaces ? { recordId: replaces.recordId, fileId: replaces.fileId, importedAt: at, importId: this.importId } : this.newIds(analysis, at);
    const facts = () => recordFacts(ids, source, analysis) as unknown as Record<string, unknown>;
    const staged = bytes ? await this.vault.blobs.stageBytes(bytes, facts) : await this.vault.blobs.stage(source.stream(), facts);
    if (staged.size !== source.size && !bytes) {
      await this.vault.blobs.discard([staged]);
      throw new SkipFile({ code: 'changed-while-read', before: source.size, after: staged.size });
    }
    const item: PreparedFile = { seq, source, analysis, ids, staged, ...(replaces ? { replaces } : {}) };
    this.batch.add(item);
    // A failed commit (disk full, the disk gone) stops the import; it is not this file's fault.
    if (this.batch.full) await this.commit(false).catch((err: unknown) => Promise.reject(new CommitFailed(err)));
  }

  /** Ids for a new file; an image of a study already in the vault (or earlier in this import) joins its record. */
  private newIds(analysis: Analysis, importedAt: string): PreparedFile['ids'] {
    const uid = analysis.dicom?.studyInstanceUID;
    let recordId = uid ? (studyRecordId(this.vault.db, uid) ?? this.newStudies.get(uid)) : undefined;
    if (!recordId) recordId = newId();
    if (uid) this.newStudies.set(uid, recordId);
    return { recordId, fileId: newId(), importedAt, importId: this.importId };
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

  /** Commits the batch after the commits already queued (`always`: even when it is not full yet). */
  private commit(always: boolean): Promise<void> {
    this.committing = this.committing.then(() => (always || this.batch.full ? this.batch.commit() : undefined));
    return this.committing;
  }

  private skip(source: ImportSource, reason: SkipReason): void {
    this.settle({ path: source.displayPath, status: 'skipped', skip: reason }, source.size);
  }

  /** A final outcome: reported at once (the batch reports its files only once they are durable). */
  private settle(outcome: ImportOutcome, bytes = 0): void {
    this.filesDone++;
    this.bytesDone += bytes;
    this.report(outcome);
    this.progress('');
  }

  private report(outcome: ImportOutcome): void {
    this.outcomes.push(outcome);
    this.options.onOutcome?.(outcome);
  }

  private progress(currentFile: string): void {
    this.options.onProgress?.({ filesDone: this.filesDone, filesTotal: this.filesTotal, bytesDone: this.bytesDone, currentFile });
  }
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

/** A batch's commit failed while this file was being added: the import stops with that error. */
class CommitFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('commit failed');
  }
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
    indexFiles: outcomes.filter((o) => o.status === 'index').length,
    recordIds: [...ids],
    ...(stopped ? { stopped } : {}),
  };
}

export type { Skip };
