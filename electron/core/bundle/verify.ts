// Re-checks a written bundle (folder or zip) against its MANIFEST.TXT: every listed file present
// and unchanged, no unlisted file inside the bundle's folders, and every file the DICOMDIR refers
// to present. Reports problems by file name; never throws for a damaged bundle.
import { describeSkip } from '../../../shared/words/import.js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openZip, ZipReadError } from '../archive/zip-read.js';
import { defaultDicomServices, type DicomServices } from './dicom-services.js';
import { DossierError } from '../base/errors.js';
import { parseManifest } from './manifest.js';
import { XMLValidator } from 'fast-xml-parser';
import { BUNDLE_ROOT_NAMES, PATHS, structuredFormat } from './paths.js';
import { PARTIAL_PREFIX } from './partials.js';

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  /** Files found in the bundle, MANIFEST.TXT included. */
  fileCount: number;
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
  return { ok: problems.length === 0, problems, fileCount: view.hashes.size };
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
  for (let i = 0; i < files.length; i += HASH_CONCURRENCY) {
    const batch = files.slice(i, i + HASH_CONCURRENCY);
    const read = await Promise.all(batch.map((file) => readBundleFile(join(root, file), isSmallFile(file))));
    for (const [k, file] of batch.entries()) {
      const result = read[k]!;
      view.hashes.set(file, result.ok ? result.sha256 : null);
      if (result.ok && result.bytes) view.small.set(file, result.bytes);
      if (!result.ok) view.problems.push(`unreadable file: ${file} (${result.message})`);
    }
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

const HASH_CONCURRENCY = 4;

type FileRead = { ok: true; sha256: string; bytes: Uint8Array | null } | { ok: false; message: string };

async function readBundleFile(path: string, keep: boolean): Promise<FileRead> {
  try {
    return { ok: true, sha256: await hashFile(path), bytes: keep ? await readFile(path) : null };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
/** Large sequential reads: a bundle is mostly files of hundreds of KB to hundreds of MB. */
const READ_SIZE = 1024 * 1024;

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path, { highWaterMark: READ_SIZE })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function viewZip(path: string, password: string | undefined): Promise<BundleView> {
  const view: BundleView = { hashes: new Map(), small: new Map(), problems: [] };
  let zip;
  try {
    zip = await openZip(path, password ? { password } : {});
  } catch (error) {
    throw error instanceof ZipReadError ? error : new DossierError('unreadable', `${path} is not a readable zip.`, { cause: error });
  }
  try {
    for await (const item of zip.entries()) {
      if (item.kind === 'rejected') {
        if (item.reason.code === 'zip-encrypted') {
          throw new DossierError('wrong-passphrase', 'This zip is password-protected: give its password to verify it.');
        }
        view.problems.push(`${item.path}: ${describeSkip(item.reason)}`);
        continue;
      }
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
  } finally {
    await zip.close();
  }
  return view;
}
