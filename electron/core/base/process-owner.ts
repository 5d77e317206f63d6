// Who owns a lock or an unfinished write: this process, another live one on this computer, or a
// process that no longer runs (so what it left is stale and may be taken over or cleaned up).
import { hostname } from 'node:os';

export interface Owner {
  pid: number;
  host: string;
}

export function thisProcess(): Owner {
  return { pid: process.pid, host: hostname() };
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Left by a process that is gone: on this computer and no longer running. Another computer's is never stale. */
export function isStale(owner: Owner | null): boolean {
  return !owner || (owner.host === hostname() && !isRunning(owner.pid));
}
