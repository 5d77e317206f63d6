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

/** How a destination (a USB stick, a chosen folder) failing is said: the person acts on the place, not a path. */
const DESTINATION_WORDS = {
  'disk-full': 'Not enough space on the destination',
  'destination-gone': 'The destination disappeared (was the USB stick removed?)',
  'permission-denied': 'Cannot write to the destination (read-only, or no permission)',
} as const;

/**
 * The one errno mapper: an operating-system error on `what` (a path or a description) becomes a
 * DossierError with a code and plain words. `destination`: the place a bundle or backup is written,
 * where a missing path means the stick went away. Anything that is not an OS or SQLite error passes
 * through unchanged (a bug: the service logs it and shows the plain internal message).
 */
export function fsError(err: unknown, what: string, options: { destination?: boolean } = {}): unknown {
  if (err instanceof DossierError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return err;
  const kind = errnoKind(code, options.destination ?? false);
  if (options.destination && kind !== 'unreadable' && kind !== 'not-found') return new DossierError(kind, `${DESTINATION_WORDS[kind]}.`, { cause: err });
  switch (kind) {
    case 'disk-full':
      return new DossierError('disk-full', `Not enough free disk space to write ${what}.`, { cause: err });
    case 'permission-denied':
      return new DossierError('permission-denied', `Permission denied: cannot write ${what}.`, { cause: err });
    case 'not-found':
      return new DossierError('not-found', `Not found: ${what}.`, { cause: err });
    case 'destination-gone':
      return new DossierError('destination-gone', `The disk holding ${what} stopped responding (was it removed?).`, { cause: err });
    default:
      return new DossierError('unreadable', `Could not access ${what}: ${(err as Error)?.message ?? code}`, { cause: err });
  }
}

function errnoKind(code: string, destination: boolean): 'disk-full' | 'permission-denied' | 'not-found' | 'destination-gone' | 'unreadable' {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission-denied';
  if (code === 'EIO' || code === 'ENXIO' || code === 'ENODEV' || code === 'ESTALE') return 'destination-gone';
  if (code === 'ENOENT') return destination ? 'destination-gone' : 'not-found';
  return 'unreadable';
}
