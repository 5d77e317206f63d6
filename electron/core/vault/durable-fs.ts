// Crash-safe file writes: temp file → fsync → rename → fsync the directory, so after a power cut
// a file is either absent or complete.
import { promises as fsp, openSync, fsyncSync, closeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export function fsyncDirSync(dir: string): void {
  // Directories cannot be opened for fsync on Windows; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The same, off the main thread (the I/O thread pool), so several folders can be synced at once. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fsp.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  fsyncDirSync(path.dirname(file));
}

/** fsyncs this many at a time: the disk sees them together, the open files stay few. */
const SYNC_CONCURRENCY = 16;

/** Makes files written without fsync durable together (one fsync after another is slow on real disks). */
export async function fsyncFiles(files: string[]): Promise<void> {
  await inBatches(files, fsyncFile);
}

/** The same for folders (their entries); best effort, as some filesystems cannot fsync a folder. */
export async function fsyncFolders(folders: string[]): Promise<void> {
  await inBatches(folders, (dir) => fsyncDir(dir).catch(() => undefined));
}

/** Every folder from the files' own up to `root`, deepest first: each holds entries to make durable. */
export function foldersUpTo(files: string[], root: string): string[] {
  const folders = new Set<string>([root]);
  for (const file of files) {
    for (let dir = path.dirname(file); dir.length > root.length && !folders.has(dir); dir = path.dirname(dir)) folders.add(dir);
  }
  return [...folders].sort((a, b) => b.length - a.length);
}

async function inBatches(paths: string[], each: (p: string) => Promise<void>): Promise<void> {
  for (let i = 0; i < paths.length; i += SYNC_CONCURRENCY) await Promise.all(paths.slice(i, i + SYNC_CONCURRENCY).map(each));
}

/** Opened for writing: Windows flushes only a handle that may write. */
async function fsyncFile(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
