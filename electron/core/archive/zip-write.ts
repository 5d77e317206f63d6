// Streaming zip writer to a file on disk. Entries are written one after another straight into the
// file (no buffering of whole entries), so memory stays bounded whatever the bundle size. zip.js
// switches to Zip64 by itself once an entry or the archive passes 4 GiB, given the entry size up front.
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { ZipWriter, configure } from '@zip.js/zip.js';
import { writeFully } from '../base/write-fully.js';

// Node has no web workers; compress in-process.
configure({ useWebWorkers: false });

export interface ZipFileWriterOptions {
  /** When set, every entry is encrypted with WinZip AES-256 (AE-2). */
  password?: string;
}

export interface ZipAddOptions {
  /** Deflate the entry. Leave false for DICOM/JPEG/PDF: they are already compressed or near-random. */
  compress?: boolean;
  lastModified?: Date;
  /** The content's CRC-32 when the caller has it already (worked out here otherwise). */
  crc32?: number;
}

/** A whole file in memory, or its bytes as they come. */
export type ByteSource = Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface ZipFileWriter {
  /** Adds one entry; `size` is the exact byte count the source will yield. */
  add(name: string, source: ByteSource, size: number, options?: ZipAddOptions): Promise<void>;
  /** Writes the central directory, fsyncs and closes the file. */
  close(): Promise<void>;
  /** Closes the file without finishing the archive (caller deletes it). Never throws. */
  abort(): Promise<void>;
}

function toReadableStream(source: ByteSource): ReadableStream<Uint8Array> {
  if (source instanceof ReadableStream) return source;
  if (source instanceof Uint8Array) return new ReadableStream({ start: (controller) => (controller.enqueue(source), controller.close()) });
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Bytes gathered before one write: few large writes instead of many small ones. */
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * A WritableStream that appends to a file handle. Writes are gathered into batches and one batch is
 * written while the next is filled (the archive is produced while the disk works); a write error
 * fails the next write or the close.
 */
function fileWritable(handle: FileHandle): WritableStream<Uint8Array> {
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  let position = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    await inFlight; // one batch in flight at a time: memory stays bounded, an error surfaces here
    if (batchBytes === 0) return;
    const buffers = batch;
    const at = position;
    position += batchBytes;
    batch = [];
    batchBytes = 0;
    inFlight = writeFully(handle, buffers, at);
    inFlight.catch(() => undefined); // awaited by the next flush or by close()
  };
  return new WritableStream<Uint8Array>({
    async write(chunk) {
      batch.push(chunk);
      batchBytes += chunk.byteLength;
      if (batchBytes >= WRITE_BATCH_BYTES) await flush();
    },
    async close() {
      await flush();
      await inFlight;
    },
  });
}

/**
 * A whole file stored without compression or encryption goes in as it is, with its CRC-32 worked out
 * natively (zip.js would compute it in JavaScript, most of a zip export's time).
 */
function storedAsIs(source: ByteSource, add: ZipAddOptions, zip: ZipFileWriterOptions): source is Uint8Array {
  return source instanceof Uint8Array && !add.compress && !zip.password;
}

export async function createZipFile(
  path: string,
  options: ZipFileWriterOptions = {},
): Promise<ZipFileWriter> {
  const handle = await open(path, 'wx');
  const zip = new ZipWriter(fileWritable(handle), {
    useWebWorkers: false,
    // keepOrder + awaiting each add means entries go straight to disk, never buffered in memory.
    keepOrder: true,
    ...(options.password ? { password: options.password, encryptionStrength: 3 as const } : {}),
  });
  let closed = false;

  return {
    async add(name, source, size, addOptions = {}) {
      await zip.add(name, toReadableStream(source), {
        uncompressedSize: size,
        level: addOptions.compress ? 6 : 0,
        ...(addOptions.lastModified ? { lastModDate: addOptions.lastModified } : {}),
        ...(storedAsIs(source, addOptions, options) ? { passThrough: true, compressionMethod: 0, crc32: addOptions.crc32 ?? crc32(source) } : {}),
      });
    },
    async close() {
      // ZipWriter.close closes the WritableStream, which does not close the handle itself.
      await zip.close();
      await handle.sync();
      closed = true;
      await handle.close();
    },
    async abort() {
      if (closed) return;
      closed = true;
      await handle.close().catch(() => undefined);
    },
  };
}
