// One writer at a time: an exclusive lock file holding the owner's pid. A lock left by a process
// that no longer runs (killed, crashed) is taken over; a live owner gets a clear refusal.
import { openSync, writeSync, closeSync, readFileSync, rmSync, fsyncSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { DossierError } from '../base/errors.js';
import { isStale } from '../base/process-owner.js';

export const LOCK_FILE = 'vault.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}


export class VaultLock {
  private constructor(private readonly file: string) {}

  static acquire(vaultDir: string): VaultLock {
    const file = path.join(vaultDir, LOCK_FILE);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx', 0o600);
        const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
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
