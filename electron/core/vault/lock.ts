// One writer at a time: an exclusive lock file holding the owner's pid. A lock left by a process
// that no longer runs (killed, crashed) is taken over; a live owner gets a clear refusal. A lock
// left by a thread of a live process that has ended (the app's service worker crashed) is taken
// back by the thread's parent, which alone knows the thread is gone.
import { openSync, writeSync, closeSync, readFileSync, rmSync, fsyncSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { DossierError } from '../base/errors.js';
import { isStale } from '../base/process-owner.js';

export const LOCK_FILE = 'vault.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  /** The thread of `pid` that holds it (0: the main thread); absent in locks from older versions. */
  thread?: number;
}


export class VaultLock {
  private constructor(private readonly file: string) {}

  static acquire(vaultDir: string): VaultLock {
    const file = path.join(vaultDir, LOCK_FILE);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx', 0o600);
        const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString(), thread: threadId };
        writeSync(fd, JSON.stringify(info));
        fsyncSync(fd);
        closeSync(fd);
        return new VaultLock(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      let owner: LockInfo | null = null;
      try {
        owner = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        owner = null; // half-written lock from a killed process: stale
      }
      const stale = isStale(owner);
      if (!stale)
        throw new DossierError(
          'vault-in-use',
          `The vault is locked by another process: it is open in another Dossier window or process (pid ${owner!.pid}${owner!.host !== hostname() ? ` on ${owner!.host}` : ''}). Close it and try again.`,
        );
      rmSync(file, { force: true });
    }
    throw new DossierError('vault-in-use', 'The vault is locked by another process that keeps re-taking the lock.');
  }

  release(): void {
    rmSync(this.file, { force: true });
  }
}

/**
 * Removes the lock held by `thread` of THIS process, a worker thread that has ended (crashed or
 * terminated) without closing the vault: its pid still runs, so the lock would never look stale
 * and the next worker could not open the vault until the app restarted. Returns whether it did.
 */
export function releaseLockOfEndedThread(vaultDir: string, thread: number): boolean {
  const file = path.join(vaultDir, LOCK_FILE);
  let owner: LockInfo;
  try {
    owner = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return false;
  }
  if (owner.pid !== process.pid || owner.host !== hostname() || owner.thread !== thread) return false;
  rmSync(file, { force: true });
  return true;
}
