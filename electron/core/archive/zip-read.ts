// Safe zip reading for import (and for verifying password-protected bundles). Random access from a
// file via a lazily-read Blob (fs.openAsBlob), so a 4 GB zip is never loaded into memory; a nested
// zip is opened from its bytes. Every entry either comes through as a file or as a rejection with
// a reason — one bad entry never stops the good ones.
import type { SkipReason } from '../../../shared/import-outcomes.js';
import { describeSkip } from '../../../shared/words/import.js';
import { openAsBlob } from 'node:fs';
import {
  BlobReader,
  Uint8ArrayReader,
  ZipReader,
  ERR_INVALID_PASSWORD,
  ERR_ENCRYPTED,
  ERR_INVALID_UNCOMPRESSED_SIZE,
  configure,
  type Entry,
  type FileEntry,
} from '@zip.js/zip.js';
import { DossierError } from '../base/errors.js';
import {
  DEFAULT_ZIP_LIMITS,
  SizeBudget,
  bombRatioReason,
  isSymlinkMode,
  unsafePathReason,
  type ZipLimits,
} from './zip-safety.js';

configure({ useWebWorkers: false });

export interface ZipFileItem {
  kind: 'file';
  /** Path inside the zip with "/" separators; nested zips prefix their parent ("a.zip/b/c.dcm"). */
  path: string;
  size: number;
  compressedSize: number;
  /** 1 for entries of the outer zip, 2 inside a zip inside it, … */
  depth: number;
  /** The CRC-32 the zip records for the entry's content (none for an AE-2 encrypted entry). */
  crc32: number | null;
  /**
   * Where a stored (neither compressed nor encrypted) entry of a zip file lies in that file, so its
   * bytes can be read straight from it; null for other entries and for zips held in memory.
   */
  storedRange(): Promise<{ start: number; length: number } | null>;
  /** Whole entry in memory: use `stream()` for big entries. */
  read(): Promise<Uint8Array>;
  stream(): ReadableStream<Uint8Array>;
  /** Opens this entry as a zip (its bytes are read into memory, capped by maxNestedZipBytes). */
  openNested(): Promise<SafeZip>;
}

export interface ZipRejectedItem {
  kind: 'rejected';
  path: string;
  reason: SkipReason;
}

export type ZipItem = ZipFileItem | ZipRejectedItem;

export interface SafeZip {
  readonly depth: number;
  /** Files and rejections in central-directory order; folders are not reported. */
  entries(): AsyncIterable<ZipItem>;
  close(): Promise<void>;
}

export interface OpenZipOptions {
  /** Reads encrypted entries with this password instead of rejecting them. */
  password?: string;
  limits?: Partial<ZipLimits>;
}

/** A zip, or an entry of one, that cannot be read at all (not a zip, wrong password, nested too deep). */
export class ZipReadError extends DossierError {
  constructor(
    readonly path: string,
    readonly reason: SkipReason,
  ) {
    super('unreadable', `Cannot read the zip ${path}: ${describeSkip(reason)}.`, { details: { zip: reason.code } });
    this.name = 'ZipReadError';
  }
}

interface ZipContext {
  label: string; // prefix for nested paths, '' for the outer zip
  /** Reads the zip file's own bytes (null for a zip held in memory). */
  file: BlobReader | null;
  depth: number;
  password: string | undefined;
  limits: ZipLimits;
  budget: SizeBudget;
}

export async function openZip(path: string, options: OpenZipOptions = {}): Promise<SafeZip> {
  const reader = new BlobReader(await openAsBlob(path));
  return openFromReader(reader, path, { ...rootContext(options), file: reader });
}

/** Opens a zip held in memory (a zip attachment, a nested zip). */
export async function openZipBytes(
  bytes: Uint8Array,
  options: OpenZipOptions & { label?: string } = {},
): Promise<SafeZip> {
  return openFromReader(new Uint8ArrayReader(bytes), options.label ?? 'zip', rootContext(options));
}

function rootContext(options: OpenZipOptions): ZipContext {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  return {
    label: '',
    file: null,
    depth: 1,
    password: options.password,
    limits,
    budget: new SizeBudget(limits.maxTotalUncompressedBytes),
  };
}

async function openFromReader(
  reader: BlobReader | Uint8ArrayReader,
  name: string,
  ctx: ZipContext,
): Promise<SafeZip> {
  // Names are validated per entry below, so one bad name rejects that entry, not the whole zip.
  const zip = new ZipReader(reader, { useWebWorkers: false, filenameValidation: 'tolerant' });
  // Count the central directory first (entries are not kept): a flood is refused before any entry is read.
  const count = await countEntries(zip, name, ctx.limits.maxEntries);
  if (count > ctx.limits.maxEntries) {
    await zip.close();
    throw new ZipReadError(name, { code: 'zip-too-many-entries', limit: ctx.limits.maxEntries });
  }
  // Probe the central directory now so "not a zip" is reported at open, not mid-iteration.
  const generator = zip.getEntriesGenerator();
  let first: IteratorResult<Entry, boolean>;
  try {
    first = await generator.next();
  } catch (error) {
    throw new ZipReadError(name, { code: 'zip-unreadable', detail: `not a readable zip file (${(error as Error).message})` });
  }
  let consumed = false;
  return {
    depth: ctx.depth,
    async *entries() {
      if (consumed) throw new Error('zip entries can be iterated only once');
      consumed = true;
      for (let next = first; !next.done; next = await generator.next()) {
        const item = checkEntry(next.value, ctx);
        if (item) yield item;
      }
    },
    close: () => zip.close(),
  };
}

/** Entries in the central directory, counting up to just past `limit` (memory stays flat). */
async function countEntries(zip: ZipReader<unknown>, name: string, limit: number): Promise<number> {
  let count = 0;
  try {
    for await (const entry of zip.getEntriesGenerator()) {
      void entry;
      if (++count > limit) break;
    }
  } catch (error) {
    throw new ZipReadError(name, { code: 'zip-unreadable', detail: `not a readable zip file (${(error as Error).message})` });
  }
  return count;
}

function checkEntry(entry: Entry, ctx: ZipContext): ZipItem | null {
  const rawPath = entry.filename.replace(/\\/g, '/');
  const path = ctx.label + rawPath;
  const reject = (reason: SkipReason): ZipRejectedItem => ({ kind: 'rejected', path, reason });

  const pathProblem = unsafePathReason(entry.filename);
  if (pathProblem) return reject(pathProblem);
  if (entry.symlink || isSymlinkMode(entry.externalFileAttributes)) return reject({ code: 'symlink' });
  if (entry.directory) return null;
  if (entry.encrypted && !ctx.password) return reject({ code: 'zip-encrypted', entry: path });
  const ratio = bombRatioReason(entry.uncompressedSize, entry.compressedSize, ctx.limits);
  if (ratio) return reject(ratio);
  if (!ctx.budget.take(entry.uncompressedSize)) return reject({ code: 'zip-too-large', limit: ctx.limits.maxTotalUncompressedBytes });
  return fileItem(entry, path, ctx);
}

function fileItem(entry: FileEntry, path: string, ctx: ZipContext): ZipFileItem {
  const stream = (): ReadableStream<Uint8Array> => entryStream(entry, path, ctx.password);
  const read = async (): Promise<Uint8Array> => {
    const out = new Uint8Array(entry.uncompressedSize);
    let offset = 0;
    const reader = stream().getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      if (offset + next.value.byteLength > out.byteLength) break; // entryStream errors first
      out.set(next.value, offset);
      offset += next.value.byteLength;
    }
    if (offset !== out.byteLength) {
      throw new ZipReadError(path, { code: 'zip-short-entry' });
    }
    return out;
  };
  return {
    kind: 'file',
    path,
    size: entry.uncompressedSize,
    compressedSize: entry.compressedSize,
    depth: ctx.depth,
    crc32: entry.crc32 ?? null,
    storedRange: () => (ctx.file ? storedRange(entry, ctx.file) : Promise.resolve(null)),
    read,
    stream,
    async openNested() {
      if (ctx.depth + 1 > ctx.limits.maxNestingDepth) {
        throw new ZipReadError(path, { code: 'zip-too-deep', limit: ctx.limits.maxNestingDepth });
      }
      if (entry.uncompressedSize > ctx.limits.maxNestedZipBytes) {
        throw new ZipReadError(path, { code: 'zip-nested-too-large' });
      }
      const bytes = await read();
      return openFromReader(new Uint8ArrayReader(bytes), path, {
        ...ctx,
        label: `${path}/`,
        file: null,
        depth: ctx.depth + 1,
      });
    },
  };
}

/** A local file header (APPNOTE 4.3.7): its signature, and the name and extra field lengths after which the data starts. */
const LOCAL_HEADER = { size: 30, signature: 0x04034b50, nameLength: 26, extraLength: 28 };

async function storedRange(entry: FileEntry, file: BlobReader): Promise<{ start: number; length: number } | null> {
  if (entry.compressionMethod !== 0 || entry.encrypted) return null;
  const head = await file.readUint8Array(entry.offset, LOCAL_HEADER.size);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  // Not a local header where the directory says: the stream path reports the damage in its words.
  if (head.byteLength < LOCAL_HEADER.size || view.getUint32(0, true) !== LOCAL_HEADER.signature) return null;
  const start = entry.offset + LOCAL_HEADER.size + view.getUint16(LOCAL_HEADER.nameLength, true) + view.getUint16(LOCAL_HEADER.extraLength, true);
  return { start, length: entry.compressedSize };
}

/**
 * The entry's bytes; errors if the data inflates past its declared size (a lying header is how
 * bombs get past ratio checks) or if the password is wrong.
 */
function entryStream(entry: FileEntry, path: string, password: string | undefined) {
  let produced = 0;
  const limit = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      produced += chunk.byteLength;
      if (produced > entry.uncompressedSize) {
        controller.error(new ZipReadError(path, { code: 'zip-inflates-past' }));
        return;
      }
      controller.enqueue(chunk);
    },
  });
  entry
    .getData(limit.writable, {
      useWebWorkers: false,
      ...(password ? { password } : {}),
    })
    .catch((error: unknown) => {
      // getData aborts the writable on failure; make sure the reader sees a clear reason.
      limit.writable.abort(describeEntryError(path, error)).catch(() => undefined);
    });
  // Re-wrap so consumers see a ZipReadError naming the entry, whoever failed first.
  const source = limit.readable.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await source.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(describeEntryError(path, error));
      }
    },
    cancel: (reason) => source.cancel(reason),
  });
}

function describeEntryError(path: string, error: unknown): Error {
  if (error instanceof ZipReadError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (message === ERR_INVALID_PASSWORD) return new ZipReadError(path, { code: 'zip-wrong-password' });
  if (message === ERR_INVALID_UNCOMPRESSED_SIZE) return new ZipReadError(path, { code: 'zip-size-mismatch' });
  if (message === ERR_ENCRYPTED) return new ZipReadError(path, { code: 'zip-encrypted', entry: path });
  return new ZipReadError(path, { code: 'zip-entry-unreadable', detail: message });
}

/**
 * Every file of a zip and of the zips inside it (entries named *.zip; an importer that sniffs
 * content calls `openNested()` itself), depth-first; nested zips that cannot be opened become
 * rejections.
 */
export async function* walkZipTree(zip: SafeZip): AsyncIterable<ZipItem> {
  for await (const item of zip.entries()) {
    if (item.kind === 'file' && /\.zip$/i.test(item.path)) {
      let nested: SafeZip;
      try {
        nested = await item.openNested();
      } catch (error) {
        yield { kind: 'rejected', path: item.path, reason: reasonOf(error) };
        continue;
      }
      yield* walkZipTree(nested);
      await nested.close();
      continue;
    }
    yield item;
  }
}

function reasonOf(error: unknown): SkipReason {
  if (error instanceof ZipReadError) return error.reason;
  return { code: 'zip-entry-unreadable', detail: error instanceof Error ? error.message : String(error) };
}
