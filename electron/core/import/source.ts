// An import source is one file to consider, wherever it lives: on disk, inside a zip, or embedded
// in another file (a FHIR attachment). The pipeline only reads through this interface.
import { SkipFile } from '../base/analysis.js';
import { createReadStream, promises as fsp } from 'node:fs';
import { openZip, openZipBytes, type SafeZip } from '../archive/zip-read.js';

export interface ImportSource {
  /** What the user sees: a path, or "portal.zip › docs/report.pdf". */
  displayPath: string;
  /** File name (last component). */
  name: string;
  size: number;
  readHead(bytes: number): Promise<Uint8Array>;
  readAll(): Promise<Uint8Array>;
  stream(): AsyncIterable<Uint8Array>;
  /** Opens the file as a zip archive (with the archive module's safety limits). */
  openZip(): Promise<SafeZip>;
}

/** A file that could not be read is skipped with why (a code the app and the CLI word). */
function unreadable(path: string, err: unknown): SkipFile {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return new SkipFile({ code: 'read-failed', problem: 'permission-denied', path });
  if (code === 'ENOENT') return new SkipFile({ code: 'read-failed', problem: 'disappeared', path });
  return new SkipFile({ code: 'read-failed', problem: 'other', path, detail: code ?? (err as Error).message });
}

export function fileSource(path: string, name: string, size: number): ImportSource {
  return {
    displayPath: path,
    name,
    size,
    async readHead(bytes) {
      try {
        const h = await fsp.open(path, 'r');
        try {
          const buf = Buffer.alloc(Math.min(bytes, size));
          const { bytesRead } = await h.read(buf, 0, buf.length, 0);
          return buf.subarray(0, bytesRead);
        } finally {
          await h.close();
        }
      } catch (err) {
        throw unreadable(path, err);
      }
    },
    async readAll() {
      try {
        return await fsp.readFile(path);
      } catch (err) {
        throw unreadable(path, err);
      }
    },
    async *stream() {
      try {
        for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
      } catch (err) {
        throw unreadable(path, err);
      }
    },
    openZip: () => openZip(path),
  };
}

export function bytesSource(displayPath: string, name: string, bytes: Uint8Array): ImportSource {
  return {
    displayPath,
    name,
    size: bytes.length,
    readHead: async (n) => bytes.subarray(0, n),
    readAll: async () => bytes,
    async *stream() {
      yield bytes;
    },
    openZip: () => openZipBytes(bytes, { label: displayPath }),
  };
}
