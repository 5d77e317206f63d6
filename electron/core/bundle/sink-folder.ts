// Folder destination. The bundle's files end up AT the chosen folder (e.g. the USB stick root),
// because PDI media readers and PACS importers look for DICOMDIR at the media root. They are first
// written to <dest>/.dossier-partial-<random>/ and moved into place by commit(), MANIFEST.TXT last.
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { destinationError } from './errors.js';
import { DossierError } from '../base/errors.js';
import { BUNDLE_ROOT_NAMES, PATHS } from './paths.js';
import { PARTIAL_MARKER, partialFolderName, removeLeftoverFolders, writePartialMarker } from './partials.js';
import type { BundleSink } from './sink.js';
import { fsyncDir, fsyncFiles, fsyncFolders, foldersUpTo } from '../vault/durable-fs.js';

export async function existingBundleNames(dest: string): Promise<string[]> {
  const present = await readdir(dest).catch(() => [] as string[]);
  const upper = new Set(present.map((n) => n.toUpperCase()));
  return BUNDLE_ROOT_NAMES.filter((n) => upper.has(n));
}

export async function createFolderSink(dest: string, options: { overwrite?: boolean } = {}): Promise<BundleSink> {
  await ensureFolder(dest);
  const existing = await existingBundleNames(dest);
  if (existing.length > 0 && !options.overwrite) {
    throw new DossierError('bundle-exists', `The destination already holds a bundle (${existing.join(', ')}): choose an empty folder or allow overwriting it.`);
  }
  // What a killed export to this place left behind goes first: a stick must not carry an old selection.
  await removeLeftoverFolders(dest);
  const temp = join(dest, partialFolderName());
  try {
    await mkdir(temp);
    await writePartialMarker(temp);
  } catch (error) {
    throw destinationError(error);
  }
  return new FolderSink(dest, temp, options.overwrite ?? false);
}

/** The destination folder may be new (its parent must exist); anything else there is refused. */
async function ensureFolder(dest: string): Promise<void> {
  try {
    const info = await stat(dest).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(dest);
      return stat(dest);
    });
    if (!info.isDirectory()) throw new DossierError('invalid-params', `${dest} is not a folder.`);
  } catch (error) {
    throw destinationError(error);
  }
}

/** Files written at once: enough to keep the disk and the decryption busy together, few open handles. */
const PARALLEL_WRITES = 4;

class FolderSink implements BundleSink {
  readonly parallelWrites = PARALLEL_WRITES;
  readonly usesCrc32 = false;
  /** Names moved into place by commit(): abort() takes them back out. */
  private readonly moved: string[] = [];
  private readonly files: string[] = [];
  /** Folders made so far (one mkdir per folder, not per file). */
  private readonly folders = new Map<string, Promise<unknown>>();

  constructor(
    readonly finalPath: string,
    private readonly temp: string,
    private readonly overwrite: boolean,
  ) {}

  async writeFile(path: string, data: Uint8Array | AsyncIterable<Uint8Array>, size: number): Promise<void> {
    const target = join(this.temp, path);
    await this.folderFor(target);
    const handle = await open(target, 'wx');
    try {
      let written = 0;
      for await (const chunk of data instanceof Uint8Array ? [data] : data) {
        for (let offset = 0; offset < chunk.byteLength; ) offset += (await handle.write(chunk, offset, chunk.byteLength - offset)).bytesWritten;
        written += chunk.byteLength;
      }
      if (written !== size) throw new Error(`${path}: expected ${size} bytes, got ${written}`);
    } finally {
      await handle.close();
    }
    this.files.push(target);
  }

  private folderFor(target: string): Promise<unknown> {
    const dir = dirname(target);
    let made = this.folders.get(dir);
    if (!made) {
      made = mkdir(dir, { recursive: true });
      this.folders.set(dir, made);
    }
    return made;
  }

  async commit(): Promise<void> {
    // Everything reaches the disk together (one fsync after another was most of an export's time),
    // before any of it becomes visible at the destination.
    await fsyncFiles(this.files);
    await fsyncFolders(foldersUpTo(this.files, this.temp));
    if (this.overwrite) await this.moveOldAside();
    const names = (await readdir(this.temp)).filter((n) => n !== '.old' && n !== PARTIAL_MARKER);
    for (const name of manifestLast(names)) {
      await rename(join(this.temp, name), join(this.finalPath, name));
      this.moved.push(name);
    }
    await syncDir(this.finalPath);
    await rm(this.temp, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    // Names moved into place before a failure are ours: take them back out…
    for (const name of this.moved) await rm(join(this.finalPath, name), { recursive: true, force: true }).catch(() => undefined);
    // …and an old bundle moved aside for overwriting goes back, manifest last (complete again only at the end).
    const old = join(this.temp, '.old');
    const oldNames = await readdir(old).catch(() => [] as string[]);
    for (const name of manifestLast(oldNames)) await rename(join(old, name), join(this.finalPath, name)).catch(() => undefined);
    await rm(this.temp, { recursive: true, force: true }).catch(() => undefined);
  }

  /** An old bundle is moved aside first, its manifest first, so it stops looking complete at once. */
  private async moveOldAside(): Promise<void> {
    const old = join(this.temp, '.old');
    await mkdir(old);
    const names = manifestLast(await existingBundleNames(this.finalPath)).reverse();
    for (const name of names) await rename(join(this.finalPath, name), join(old, name));
  }
}

function manifestLast(names: string[]): string[] {
  return [...names].sort((a, b) => Number(a === PATHS.manifest) - Number(b === PATHS.manifest));
}

/** Makes the renames durable; some filesystems (FAT on some OSes) cannot fsync a directory. */
async function syncDir(path: string): Promise<void> {
  await fsyncDir(path).catch(() => undefined);
}
