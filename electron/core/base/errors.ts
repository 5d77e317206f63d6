// The one error model of the core: a code (shared/errors.ts), a message written for the person,
// and structured details that callers branch on (never on the words). The CLI prints `message`;
// the API sends { code, message, details }.
import type { ErrorCode, ErrorDetails } from '../../../shared/errors.js';

export class DossierError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: ErrorDetails }) {
    super(message, options);
    this.name = 'DossierError';
    this.code = code;
    this.details = options?.details;
  }
}

/** What a damaged database says through better-sqlite3 (SQLITE_CORRUPT, SQLITE_NOTADB and their extended codes). */
export function isDatabaseCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/** The database could not grow: the disk (or the database's size limit) is full. */
export function isDatabaseFull(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'SQLITE_FULL';
}

export function databaseDamaged(problem: 'empty' | 'missing' | 'corrupt', cause?: unknown): DossierError {
  const what = { empty: 'it is empty', missing: 'it is missing', corrupt: 'it is corrupt' }[problem];
  return new DossierError('database-damaged', `The vault's database is damaged (${what}). Your stored files are not affected.`, {
    cause,
    details: { problem },
  });
}

/** Maps an operating-system error on `what` (a path or description) to a clear DossierError. */
export function fsError(err: unknown, what: string): DossierError {
  if (err instanceof DossierError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DossierError('disk-full', `Not enough free disk space to write ${what}.`, { cause: err });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DossierError('permission-denied', `Permission denied: cannot write ${what}.`, { cause: err });
    case 'ENOENT':
      return new DossierError('not-found', `Not found: ${what}.`, { cause: err });
    case 'EIO':
    case 'ENXIO':
    case 'ENODEV':
      return new DossierError('destination-gone', `The disk holding ${what} stopped responding (was it removed?).`, { cause: err });
    default:
      return new DossierError('unreadable', `Could not access ${what}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  }
}
