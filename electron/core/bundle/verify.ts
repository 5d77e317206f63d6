// Re-checks a written bundle (folder or zip) against its MANIFEST.TXT: every listed file present
// and unchanged, no unlisted file inside the bundle's folders, and every file the DICOMDIR refers
// to present. Reports problems by file name; never throws for a damaged bundle.
import { describeSkip } from '../../../shared/words/import.js';
import type { VerifyResult } from '../../../shared/cases.js';
import { createHash } from 'node:crypto';
import { open, readFile, readdir, stat, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { openZip, ZipReadError, type ZipFileItem } from '../archive/zip-read.js';
import { defaultDicomServices, type DicomServices } from './dicom-services.js';
import { DossierError } from '../base/errors.js';
import { parseManifest } from './manifest.js';
import { XMLValidator } from 'fast-xml-parser';
import { BUNDLE_ROOT_NAMES, PATHS, structuredFormat } from './paths.js';
import { PARTIAL_PREFIX } from './partials.js';
import { inLanes } from '../base/in-flight.js';

/** A check of a bundle just written, with the SHA-256 of the MANIFEST.TXT it was checked against (the export records it). */
export interface WrittenBundleCheck {
  result: VerifyResult;
  manifestSha256: string | null;
}

/** What verify needs from either kind of bundle: its file list, hashes and a few small files. */
interface BundleView {
  /** Bundle path → SHA-256 hex (null when the file could not be read, with a problem recorded). */
  hashes: Map<string, string | null>;
  small: Map<string, Uint8Array>;
  problems: string[];
}

/** Read whole for their content: the manifest, the DICOMDIR, and the metadata files a system parses. */
function isSmallFile(path: string): boolean {
  return path === PATHS.manifest || path === PATHS.dicomdir || structuredFormat(path) !== null;
}

export async function verifyBundle(
  path: string,
  options: { password?: string } = {},
  services: Pick<DicomServices, 'readDicomdir'> = defaultDicomServices,
): Promise<VerifyResult> {
  return (await checkBundle(path, options, services)).result;
}

export async function checkBundle(
  path: string,
  options: { password?: string } = {},
  services: Pick<DicomServices, 'readDicomdir'> = defaultDicomServices,
): Promise<WrittenBundleCheck> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new DossierError('not-found', `${path} does not exist.`);
  const view = info.isDirectory() ? await viewFolder(path) : await viewZip(path, options.password);
  const problems = [...view.problems];

  const manifestBytes = view.small.get(PATHS.manifest);
  if (!manifestBytes) {
    problems.push(`${PATHS.manifest} is missing: the bundle is incomplete (was the copy interrupted?)`);
  } else {
    const { entries, badLines } = parseManifest(new TextDecoder().decode(manifestBytes));
    for (const line of badLines) problems.push(`${PATHS.manifest} line ${line} is not "<sha256>  <file>"`);
    const listed = new Set<string>();
    for (const entry of entries) {
      listed.add(entry.path);
      if (!view.hashes.has(entry.path)) problems.push(`missing file: ${entry.path}`);
      else {
        const actual = view.hashes.get(entry.path);
        if (actual && actual !== entry.sha256) problems.push(`changed file: ${entry.path} (checksum does not match)`);
      }
    }
    for (const file of view.hashes.keys()) {
      if (file !== PATHS.manifest && !listed.has(file)) problems.push(`extra file not in the manifest: ${file}`);
    }
  }

  const dicomdir = view.small.get(PATHS.dicomdir);
  if (dicomdir) {
    try {
      const present = new Set([...view.hashes.keys()].map((p) => p.toUpperCase()));
      for (const file of services.readDicomdir(dicomdir).files) {
        const fileId = file.fileId.replace(/\\/g, '/');
        if (!present.has(fileId.toUpperCase())) problems.push(`DICOMDIR refers to a missing file: ${fileId}`);
      }
    } catch (error) {
      problems.push(`DICOMDIR cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const [file, bytes] of view.small) {
    const problem = structureProblem(file, bytes);
    if (problem) problems.push(problem);
  }
  return { result: { ok: problems.length === 0, problems, fileCount: view.hashes.size }, manifestSha256: view.hashes.get(PATHS.manifest) ?? null };
}

/** A metadata file a receiving system would reject (not well-formed XML, not JSON) is a broken bundle. */
function structureProblem(file: string, bytes: Uint8Array): string | null {
  const format = structuredFormat(file);
  if (!format) return null;
  const text = new TextDecoder().decode(bytes);
  if (format === 'json') {
    try {
      JSON.parse(text);
      return null;
    } catch (error) {
      return `${file} is not valid JSON (${(error as Error).message})`;
    }
  }
  const result = XMLValidator.validate(text);
  return result === true ? null : `${file} is not well-formed XML (line ${result.err.line}: ${result.err.msg})`;
}

async function viewFolder(root: string): Promise<BundleView> {
  const view: BundleView = { hashes: new Map(), small: new Map(), problems: [] };
  // Only the bundle's own names: a USB stick root may hold the user's other files too.
  const present = await readdir(root);
  // What an interrupted export left (readable records of another selection) makes the bundle unsafe to hand over.
  for (const name of present.filter((n) => n.startsWith(PARTIAL_PREFIX)))
    view.problems.push(`leftover of an interrupted export: ${name} (export again to this place to remove it, or delete it)`);
  const files: string[] = [];
  for (const name of present) if ((BUNDLE_ROOT_NAMES as readonly string[]).includes(name)) files.push(...(await listFiles(root, name)));
  // A few files at once (one is hashed while the next ones are read); reported in file order.
  const read = await readLanes(files.map((file) => (buffer) => readBundleFile(join(root, file), isSmallFile(file), buffer)));
  for (const [k, file] of files.entries()) {
    const result = read[k]!;
    view.hashes.set(file, result.ok ? result.sha256 : null);
    if (result.ok && result.bytes) view.small.set(file, result.bytes);
    if (!result.ok) view.problems.push(`unreadable file: ${file} (${result.message})`);
  }
  return view;
}

async function listFiles(root: string, rel: string): Promise<string[]> {
  const info = await stat(join(root, rel));
  if (!info.isDirectory()) return [rel];
  const out: string[] = [];
  for (const child of await readdir(join(root, rel))) out.push(...(await listFiles(root, `${rel}/${child}`)));
  return out;
}

/** Files read and hashed at once: one is hashed while the others' reads are under way. */
const HASH_LANES = 4;
/** Large sequential reads into one buffer per lane: a bundle is mostly files of hundreds of KB to hundreds of MB. */
const READ_SIZE = 1024 * 1024;

type FileRead = { ok: true; sha256: string; bytes: Uint8Array | null } | { ok: false; message: string };

/** Reads and hashes every file, HASH_LANES at a time, each lane with its own buffer; results in the files' order. */
async function readLanes(jobs: ((buffer: Buffer) => Promise<FileRead>)[]): Promise<FileRead[]> {
  const results = new Array<FileRead>(jobs.length);
  const buffers = Array.from({ length: HASH_LANES }, () => Buffer.allocUnsafe(READ_SIZE));
  await inLanes(jobs, HASH_LANES, async (job, k, lane) => {
    results[k] = await job(buffers[lane]!);
  });
  return results;
}

async function readBundleFile(path: string, keep: boolean, buffer: Buffer): Promise<FileRead> {
  try {
    return { ok: true, sha256: await hashFile(path, buffer), bytes: keep ? await readFile(path) : null };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

async function hashFile(path: string, buffer: Buffer): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    for (let n = (await handle.read(buffer, 0, buffer.length, null)).bytesRead; n > 0; n = (await handle.read(buffer, 0, buffer.length, null)).bytesRead)
      hash.update(buffer.subarray(0, n));
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

async function viewZip(path: string, password: string | undefined): Promise<BundleView> {
  const view: BundleView = { hashes: new Map(), small: new Map(), problems: [] };
  let zip;
  try {
    zip = await openZip(path, password ? { password } : {});
  } catch (error) {
    throw error instanceof ZipReadError ? error : new DossierError('unreadable', `${path} is not a readable zip.`, { cause: error });
  }
  const stored: StoredEntry[] = [];
  try {
    for await (const item of zip.entries()) {
      if (item.kind === 'rejected') {
        if (item.reason.code === 'zip-encrypted') {
          throw new DossierError('wrong-passphrase', 'This zip is password-protected: give its password to verify it.');
        }
        view.problems.push(`${item.path}: ${describeSkip(item.reason)}`);
        continue;
      }
      const range = isSmallFile(item.path) ? null : await item.storedRange();
      // Stored entries (nearly all of a bundle) are read straight from the file below, several at once.
      if (range) stored.push({ path: item.path, ...range, crc32: item.crc32 });
      else await hashZipEntry(item, view);
    }
  } finally {
    await zip.close();
  }
  await hashStoredEntries(path, stored, view);
  return view;
}

async function hashZipEntry(item: ZipFileItem, view: BundleView): Promise<void> {
  const hash = createHash('sha256');
  const keep = isSmallFile(item.path);
  const chunks: Uint8Array[] = [];
  try {
    const reader = item.stream().getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      hash.update(next.value);
      if (keep) chunks.push(next.value);
    }
    view.hashes.set(item.path, hash.digest('hex'));
    if (keep) view.small.set(item.path, Buffer.concat(chunks));
  } catch (error) {
    if (error instanceof ZipReadError && error.reason.code === 'zip-wrong-password') {
      throw new DossierError('wrong-passphrase', 'Wrong password for this zip.');
    }
    view.hashes.set(item.path, null);
    view.problems.push(`damaged file: ${item.path} (${(error as Error).message})`);
  }
}

type StoredEntry = { path: string; start: number; length: number; crc32: number | null };

/** Stored entries read from the zip file in large reads, HASH_LANES at a time; the CRC-32 each records is checked too. */
async function hashStoredEntries(zipPath: string, entries: StoredEntry[], view: BundleView): Promise<void> {
  if (!entries.length) return;
  const results = new Array<{ sha256: string } | { problem: string }>(entries.length);
  const handle = await open(zipPath, 'r');
  try {
    const buffers = Array.from({ length: HASH_LANES }, () => Buffer.allocUnsafe(READ_SIZE));
    await inLanes(entries, HASH_LANES, async (entry, k, lane) => {
      results[k] = await hashRange(handle, entry, buffers[lane]!);
    });
  } finally {
    await handle.close();
  }
  for (const [k, entry] of entries.entries()) {
    const result = results[k]!;
    view.hashes.set(entry.path, 'sha256' in result ? result.sha256 : null);
    if ('problem' in result) view.problems.push(`damaged file: ${entry.path} (${result.problem})`);
  }
}

async function hashRange(handle: FileHandle, entry: StoredEntry, buffer: Buffer): Promise<{ sha256: string } | { problem: string }> {
  const hash = createHash('sha256');
  let crc = 0;
  for (let done = 0; done < entry.length; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, entry.length - done), entry.start + done);
    if (bytesRead === 0) return { problem: 'the zip ends inside it' };
    const chunk = buffer.subarray(0, bytesRead);
    hash.update(chunk);
    crc = crc32(chunk, crc);
    done += bytesRead;
  }
  if (entry.crc32 !== null && crc !== entry.crc32) return { problem: 'its CRC-32 does not match' };
  return { sha256: hash.digest('hex') };
}
