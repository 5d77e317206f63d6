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
